import { annotationOfMeasurement } from '../../../export';
import type { SeriesNode } from '../../../dicom/types';
import type { Vec3 } from '../../../geometry/vec3';
import type { AnnotationJson } from '../../../measure/annotationConversion';
import type { Measurement } from '../../../measure/types';
import { useMeasurementStore } from '../../../state/measurementStore';
import { findSeries, useViewerStore } from '../../../state/viewerStore';
import { imageIdForSop } from '../../../viewer/imageRegistry';
import { restoreAnnotations } from './annotationSync';

const dot = (a: Vec3, b: readonly number[]) => a[0] * b[0]! + a[1] * b[1]! + a[2] * b[2]!;

function pointsOf(m: Measurement): Vec3[] {
  if (m.kind === 'bidirectional') return [...m.long, ...m.short];
  if (m.kind === 'probe') return [m.point];
  return [...m.points];
}

/** The acquired image a measurement lies on (within half a slice of its plane), if any. */
function imageUnder(series: SeriesNode, points: readonly Vec3[]): { sopInstanceUid: string; frameIndex: number } | undefined {
  const g = series.geometry;
  if (!g) return undefined;
  const depths = points.map((p) => dot(g.normal, p));
  if (Math.max(...depths) - Math.min(...depths) > 0.01) return undefined;
  const half = (g.sliceSpacing ?? 1) / 2;
  const frame = series.frames
    .filter((f) => f.position !== null)
    .map((f) => ({ f, distance: Math.abs(dot(g.normal, f.position!) - depths[0]!) }))
    .sort((a, b) => a.distance - b.distance)[0];
  return frame && frame.distance <= half ? { sopInstanceUid: frame.f.instance.sopInstanceUid, frameIndex: frame.f.frameIndex } : undefined;
}

/**
 * Draws measurements that came without a drawing (read from a DICOM SR) from their points, on the image of
 * their series they lie on, and keeps the drawing with the reading so it is saved like a drawn one.
 */
export function drawImportedMeasurements(measurements: readonly Measurement[]): number {
  const { annotations, state, replaceAll } = useMeasurementStore.getState();
  const patients = useViewerStore.getState().patients;
  const added: Record<string, AnnotationJson> = {};
  for (const m of measurements) {
    if (annotations[m.id]) continue;
    // The SR names only the frame of reference: the series is the one with an image the points lie on.
    const sameFrame = patients.flatMap((p) => p.studies).find((st) => st.studyInstanceUid === m.studyInstanceUid)?.series.filter((s) => s.frameOfReferenceUid === m.frameOfReferenceUid) ?? [];
    const placed = sameFrame.map((s) => ({ s, image: imageUnder(s, pointsOf(m)) })).find((c) => c.image);
    const series = placed?.s ?? findSeries(patients, m.seriesKey);
    if (!series?.geometry) continue;
    const image = placed?.image;
    const referencedImageId = image ? imageIdForSop(image.sopInstanceUid, image.frameIndex) : undefined;
    const json = annotationOfMeasurement(m, { viewPlaneNormal: series.geometry.normal, ...(referencedImageId ? { referencedImageId } : {}) });
    if (image) json['spinelensImage'] = image;
    added[m.id] = json;
  }
  if (Object.keys(added).length === 0) return 0;
  replaceAll(state, { ...annotations, ...added });
  restoreAnnotations(measurements, added);
  return Object.keys(added).length;
}
