import { annotationOfMeasurement } from '../../../export';
import type { SeriesNode } from '../../../dicom/types';
import type { Vec3 } from '../../../geometry/vec3';
import type { AnnotationJson } from '../../../measure/annotationConversion';
import type { Measurement } from '../../../measure/types';
import { useMeasurementStore } from '../../../state/measurementStore';
import { findSeries, useViewerStore } from '../../../state/viewerStore';
import { imageIdForSop } from '../../../viewer/imageRegistry';
import { volumeIdFor } from '../../../viewer/displaySeries';
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
 * Where a volume viewport's camera looks when it shows the drawing (what Cornerstone keeps with one drawn there): the
 * series' centre brought onto the measurement's plane, the series' up, its volume. "Show this measurement" goes there.
 */
function cameraOf(series: SeriesNode, m: Measurement, normal: readonly number[]): Record<string, unknown> | null {
  const g = series.geometry;
  if (!g) return null;
  const length = Math.hypot(normal[0]!, normal[1]!, normal[2]!) || 1;
  const n: Vec3 = [normal[0]! / length, normal[1]! / length, normal[2]! / length];
  const slices = series.frames.length;
  const half = [((series.columns - 1) / 2) * g.pixelSpacing[1], ((series.rows - 1) / 2) * g.pixelSpacing[0], ((slices - 1) / 2) * (g.sliceSpacing ?? 0)];
  const centre = [0, 1, 2].map((a) => g.origin[a]! + g.rowCosines[a]! * half[0]! + g.columnCosines[a]! * half[1]! + g.normal[a]! * half[2]!) as unknown as Vec3;
  const shift = dot(n, pointsOf(m)[0]!) - dot(n, centre);
  return {
    cameraFocalPoint: centre.map((v, a) => v + n[a]! * shift),
    viewUp: g.columnCosines.map((v) => -v),
    volumeId: volumeIdFor(series),
  };
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
    const sameFrame = (patients.flatMap((p) => p.studies).find((st) => st.studyInstanceUid === m.studyInstanceUid)?.series.filter((s) => s.frameOfReferenceUid === m.frameOfReferenceUid) ?? []).sort(
      (a, b) => Number(b.key === m.seriesKey) - Number(a.key === m.seriesKey),
    );
    const placed = sameFrame.map((s) => ({ s, image: imageUnder(s, pointsOf(m)) })).find((c) => c.image);
    const series = placed?.s ?? findSeries(patients, m.seriesKey);
    if (!series?.geometry) continue;
    const image = placed?.image;
    const referencedImageId = image ? imageIdForSop(image.sopInstanceUid, image.frameIndex) : undefined;
    const json = annotationOfMeasurement(m, { viewPlaneNormal: series.geometry.normal, ...(referencedImageId ? { referencedImageId } : {}) });
    Object.assign(json.metadata, cameraOf(series, m, json.metadata['viewPlaneNormal'] as number[]));
    if (image) json['spinelensImage'] = image;
    added[m.id] = json;
  }
  if (Object.keys(added).length === 0) return 0;
  replaceAll(state, { ...annotations, ...added });
  restoreAnnotations(measurements, added);
  return Object.keys(added).length;
}
