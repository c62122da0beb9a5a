import { segmentation } from '@cornerstonejs/tools';
import { useViewerStore } from '../../../state/viewerStore';
import { renderingEngine, viewportIdForSlot } from '../../../viewer/renderingEngine';

/** Viewport ids of the slots that currently show a series (and whose viewport exists). */
export function viewportIdsShowing(seriesKey: string): string[] {
  const { slots } = useViewerStore.getState();
  const engine = renderingEngine();
  return slots.flatMap((slot, n) => (slot.seriesKey === seriesKey && engine.getViewport(viewportIdForSlot(n)) ? [viewportIdForSlot(n)] : []));
}

/** Shows the labelmap (fill and outline) in a viewport unless it is already there, and makes it the brush target. */
export function showLabelmapIn(viewportId: string, segmentationId: string, activeLabel = 1): void {
  const existing = segmentation.state.getSegmentationRepresentations(viewportId, { segmentationId });
  if (existing.length === 0) segmentation.addLabelmapRepresentationToViewportMap({ [viewportId]: [{ segmentationId }] });
  segmentation.activeSegmentation.setActiveSegmentation(viewportId, segmentationId);
  segmentation.segmentIndex.setActiveSegmentIndex(segmentationId, activeLabel);
}

/** The segment (lesion) the brush and eraser paint. */
export function setActiveLabelmapSegment(segmentationId: string, label: number): void {
  segmentation.segmentIndex.setActiveSegmentIndex(segmentationId, label);
}

export function showLabelmapWhereSeriesIs(seriesKey: string, segmentationId: string): void {
  for (const viewportId of viewportIdsShowing(seriesKey)) showLabelmapIn(viewportId, segmentationId);
}
