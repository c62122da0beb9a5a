import { getEnabledElement, type Types } from '@cornerstonejs/core';
import { BaseTool, type Types as ToolTypes } from '@cornerstonejs/tools';

export type WorldClickHandler = (world: Types.Point3, viewport: Types.IViewport) => void;

/** A tool that reports where the user clicked, in patient coordinates, to a handler set in its configuration. */
abstract class WorldClickTool extends BaseTool {
  constructor(toolProps: ToolTypes.PublicToolProps = {}) {
    super(toolProps, { supportedInteractionTypes: ['Mouse', 'Touch'], configuration: { onClick: undefined } });
  }

  mouseClickCallback(evt: ToolTypes.EventTypes.MouseClickEventType): void {
    const { element, currentPoints } = evt.detail;
    const viewport = getEnabledElement(element)?.viewport;
    const onClick = this.configuration.onClick as WorldClickHandler | undefined;
    if (viewport && onClick) onClick(currentPoints.world, viewport as unknown as Types.IViewport);
  }
}

/** Click a vertebral body to label it (C2, C3...). */
export class VertebraLabelTool extends WorldClickTool {
  static override toolName = 'VertebraLabel';
}

/** Click inside a lesion to grow a 3D segmentation from that seed. */
export class SegmentSeedTool extends WorldClickTool {
  static override toolName = 'SegmentSeed';
}

/** Click the same landmark in two compared studies to align them (point pair). */
export class PointPickTool extends WorldClickTool {
  static override toolName = 'PointPick';
}
