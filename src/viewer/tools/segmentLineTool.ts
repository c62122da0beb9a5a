import { getEnabledElement, type Types } from '@cornerstonejs/core';
import { BaseTool, drawing, utilities, type Types as ToolTypes } from '@cornerstonejs/tools';

export type WorldLineHandler = (start: Types.Point3, end: Types.Point3, viewport: Types.IViewport) => void;

/**
 * Drag a line across a lesion, from outside to outside: the line is drawn while dragging and reported, in patient
 * coordinates, to the handler in the configuration (onLine) when the button is released.
 */
export class SegmentLineTool extends BaseTool {
  static override toolName = 'SegmentLine';
  private line: { start: Types.Point3; end: Types.Point3; viewportId: string } | null = null;

  constructor(toolProps: ToolTypes.PublicToolProps = {}) {
    super(toolProps, { supportedInteractionTypes: ['Mouse', 'Touch'], configuration: { onLine: undefined } });
  }

  preMouseDownCallback = (evt: ToolTypes.EventTypes.MouseDownActivateEventType): boolean => {
    const { element, currentPoints } = evt.detail;
    const viewport = getEnabledElement(element)?.viewport;
    if (!viewport) return false;
    this.line = { start: currentPoints.world, end: currentPoints.world, viewportId: viewport.id };
    return true;
  };

  mouseDragCallback(evt: ToolTypes.EventTypes.MouseDragEventType): void {
    if (!this.line) return;
    this.line.end = evt.detail.currentPoints.world;
    utilities.triggerAnnotationRenderForViewportIds([this.line.viewportId]);
  }

  mouseUpCallback(evt: ToolTypes.EventTypes.MouseUpEventType): void {
    const line = this.line;
    this.line = null;
    if (!line) return;
    utilities.triggerAnnotationRenderForViewportIds([line.viewportId]);
    const viewport = getEnabledElement(evt.detail.element)?.viewport;
    const onLine = this.configuration.onLine as WorldLineHandler | undefined;
    if (viewport && onLine) onLine(line.start, evt.detail.currentPoints.world ?? line.end, viewport as unknown as Types.IViewport);
  }

  renderAnnotation = (enabledElement: Types.IEnabledElement, svgDrawingHelper: ToolTypes.SVGDrawingHelper): boolean => {
    const line = this.line;
    if (!line || enabledElement.viewport.id !== line.viewportId) return false;
    const { viewport } = enabledElement;
    drawing.drawLine(svgDrawingHelper, 'spinelens-segment-line', 'line', viewport.worldToCanvas(line.start), viewport.worldToCanvas(line.end), {
      color: 'rgb(255, 200, 80)',
      width: 2,
      lineDash: '6,4',
    });
    return true;
  };
}
