import { PanTool, ZoomTool, type Types as ToolTypes } from '@cornerstonejs/tools';

/**
 * Pan and zoom that keep the drag even when it starts on a measurement. Cornerstone otherwise hands a
 * mouse-down on a handle to the annotation's tool whatever the button, so a middle or right drag moved
 * the measurement (and could change its level). Consuming the event in preMouseDownCallback leaves the
 * drag to this tool.
 */
export class NavigationPanTool extends PanTool {
  static override toolName = 'Pan';

  preMouseDownCallback = (): boolean => true;
}

export class NavigationZoomTool extends ZoomTool {
  static override toolName = 'Zoom';

  constructor(toolProps: ToolTypes.PublicToolProps = {}) {
    super(toolProps);
    const startZoom = this.preMouseDownCallback;
    // The base callback records where the zoom is centred; it must still run.
    this.preMouseDownCallback = (evt) => {
      startZoom(evt);
      return true;
    };
  }
}
