import { annotation as csAnnotation } from '@cornerstonejs/tools';
import type { SeriesNode } from '../../../dicom/types';
import { useMeasurementStore } from '../../../state/measurementStore';
import { allSeries, useViewerStore } from '../../../state/viewerStore';
import { volumeIdFor } from '../../../viewer/displaySeries';
import { imageIdsForSeries } from '../../../viewer/imageRegistry';
import { onSeriesReleased, type ReleaseReason } from '../../../viewer/seriesLifecycle';
import { dropDrawings, restoreAnnotations } from './annotationSync';

/** The annotations Cornerstone holds on a series: drawn on its volume, on one of its images, or saved as its measurement. */
function drawingsOn(series: SeriesNode): string[] {
  const volumeId = volumeIdFor(series);
  let imageIds: Set<string>;
  try {
    imageIds = new Set(imageIdsForSeries(series));
  } catch {
    imageIds = new Set(); // never registered (refused by the decoder check): nothing drawn on its images
  }
  const measured = new Set(useMeasurementStore.getState().state.measurements.filter((m) => m.seriesKey === series.key).map((m) => m.id));
  return csAnnotation.state.getAllAnnotations().flatMap(({ annotationUID: uid, metadata }) => {
    if (!uid) return [];
    const imageId = metadata?.referencedImageId;
    const onSeries = metadata?.volumeId === volumeId || (imageId !== undefined && imageIds.has(imageId)) || measured.has(uid);
    return onSeries ? [uid] : [];
  });
}

/** Image ids of the images some series still holds (a later import that splits a series only renames it). */
function imageIdsInSomeSeries(): Set<string> {
  return new Set(
    allSeries(useViewerStore.getState().patients).flatMap((s) => {
      try {
        return imageIdsForSeries(s);
      } catch {
        return [];
      }
    }),
  );
}

/** The drawings of a closed series leave Cornerstone, except on images still in a series; an idle series keeps them. */
function releaseDrawings(series: SeriesNode, reason: ReleaseReason): void {
  if (reason !== 'closed') return;
  const present = imageIdsInSomeSeries();
  const onPresentImage = (uid: string) => {
    const imageId = csAnnotation.state.getAnnotation(uid)?.metadata?.referencedImageId;
    return imageId !== undefined && present.has(imageId);
  };
  dropDrawings(drawingsOn(series).filter((uid) => !onPresentImage(uid)));
}

/**
 * Closing a study takes its drawings out of Cornerstone's annotation state; the measurements stay saved, and their
 * drawings come back on the new images when the study is opened again in this page.
 */
export function startDrawingRelease(): () => void {
  const stopRelease = onSeriesReleased(releaseDrawings);
  const stopRedraw = useViewerStore.subscribe((state, prev) => {
    if (state.patients === prev.patients) return;
    const before = new Set(allSeries(prev.patients).map((s) => s.key));
    if (allSeries(state.patients).every((s) => before.has(s.key))) return;
    const { state: saved, annotations } = useMeasurementStore.getState();
    restoreAnnotations(saved.measurements, annotations);
  });
  return () => {
    stopRelease();
    stopRedraw();
  };
}
