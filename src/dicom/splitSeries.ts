import { dot, type Vec3 } from '../geometry/vec3';
import { columnCosines, orientationLabel, rowCosines } from './orientation';
import { compareByInstance, geometryOf, imageCount, normalOf, orientationOf, projection } from './frameFacts';
import type { ImageOrientation, SeriesFrame } from './types';

/**
 * Scanners round Image Orientation, so stacks of one acquisition differ by ~1e-5; genuinely
 * different stacks differ by degrees. 0.01 rad (0.57°) separates the two comfortably.
 */
export const ORIENTATION_TOLERANCE_RAD = 0.01;
/** Two frames closer than this along the normal sit at the same slice location. */
export const DUPLICATE_POSITION_MM = 0.01;

export interface FrameGroup {
  frames: SeriesFrame[];
  /** Key suffix parts ('sagittal', 'acq2'), one per split level; empty when never split. */
  keyParts: string[];
  /** Readable parts ('sagittal', 'acquisition 2'). */
  labelParts: string[];
  warnings: string[];
}

interface Part {
  key: string;
  label: string;
  frames: SeriesFrame[];
}

function angle(a: Vec3, b: Vec3): number {
  return Math.acos(Math.max(-1, Math.min(1, dot(a, b) / Math.hypot(...a) / Math.hypot(...b))));
}

function sameOrientation(a: ImageOrientation, b: ImageOrientation): boolean {
  return angle(rowCosines(a), rowCosines(b)) <= ORIENTATION_TOLERANCE_RAD && angle(columnCosines(a), columnCosines(b)) <= ORIENTATION_TOLERANCE_RAD;
}

/** Partition preserving first appearance; then largest part first so the main stack leads. */
function partition(frames: SeriesFrame[], keyOf: (f: SeriesFrame) => string, labelOf: (key: string, f: SeriesFrame) => string): Part[] {
  const parts = new Map<string, Part>();
  for (const frame of frames) {
    const key = keyOf(frame);
    let part = parts.get(key);
    if (!part) {
      part = { key, label: labelOf(key, frame), frames: [] };
      parts.set(key, part);
    }
    part.frames.push(frame);
  }
  return [...parts.values()].sort((a, b) => b.frames.length - a.frames.length);
}

function applySplit(group: FrameGroup, parts: Part[], what: string, note = ''): FrameGroup[] {
  if (parts.length <= 1) return [group];
  const summary = parts.map((p) => `${p.label} ${imageCount(p.frames.length)}`).join(', ');
  const warning = `split: ${parts.length} ${what} (${summary})${note ? `: ${note}` : ''}`;
  return parts.map((p) => ({
    frames: p.frames,
    keyParts: [...group.keyParts, p.key],
    labelParts: [...group.labelParts, p.label],
    warnings: [...group.warnings, warning],
  }));
}

function splitLocalizers(group: FrameGroup): FrameGroup[] {
  const isLocalizer = (f: SeriesFrame): boolean => (f.instance.imageType ?? []).some((t) => t.toUpperCase() === 'LOCALIZER');
  const parts = partition(group.frames, (f) => (isLocalizer(f) ? 'localizer' : 'main'), (key) => (key === 'localizer' ? 'localizer' : 'other'));
  return applySplit(group, parts, 'kinds of image', 'localizer images kept apart');
}

function splitSizes(group: FrameGroup): FrameGroup[] {
  const parts = partition(
    group.frames,
    (f) => `${f.instance.columns}x${f.instance.rows}`,
    (_, f) => `${f.instance.columns}×${f.instance.rows}`,
  );
  return applySplit(group, parts, 'image sizes');
}

function splitPixelSpacings(group: FrameGroup): FrameGroup[] {
  const spacingKey = (f: SeriesFrame): string => {
    const spacing = geometryOf(f)?.pixelSpacing;
    return spacing ? `${spacing[0].toFixed(3)}x${spacing[1].toFixed(3)}` : 'none';
  };
  const parts = partition(group.frames, spacingKey, (key) => (key === 'none' ? 'no pixel spacing' : `pixels ${key.replace('x', ' × ')} mm`));
  return applySplit(group, parts, 'pixel spacings');
}

function splitOrientations(group: FrameGroup): FrameGroup[] {
  const clusters: ImageOrientation[] = [];
  const labels: string[] = [];
  const keyOf = (f: SeriesFrame): string => {
    const iop = orientationOf(f);
    if (!iop || !f.position) return 'nogeometry';
    let index = clusters.findIndex((c) => sameOrientation(c, iop));
    if (index < 0) {
      index = clusters.push(iop) - 1;
      const base = orientationLabel(iop);
      const repeats = labels.filter((l) => l === base || l.startsWith(`${base}-`)).length;
      labels.push(repeats === 0 ? base : `${base}-${repeats + 1}`);
    }
    return labels[index] ?? `orientation-${index + 1}`;
  };
  const parts = partition(group.frames, keyOf, (key) => (key === 'nogeometry' ? 'no position/orientation' : key.replace('-', ' ')));
  return applySplit(group, parts, 'orientations');
}

function hasDuplicatePositions(frames: SeriesFrame[]): boolean {
  const first = frames[0];
  const normal = first ? normalOf(first) : null;
  if (!normal || frames.some((f) => f.position === null)) return false;
  const depths = frames.map((f) => projection(f, normal)).sort((a, b) => a - b);
  return depths.some((d, i) => i > 0 && d - (depths[i - 1] ?? d) < DUPLICATE_POSITION_MM);
}

function splitByAttribute(
  group: FrameGroup,
  value: (f: SeriesFrame) => number | null | undefined,
  key: string,
  label: string,
  what: string,
): FrameGroup[] | null {
  const values = new Set(group.frames.map((f) => value(f) ?? null));
  if (values.size <= 1) return null;
  const parts = partition(
    group.frames,
    (f) => `${key}${value(f) ?? 'none'}`,
    (_, f) => `${label} ${value(f) ?? 'none'}`,
  );
  return applySplit(group, parts, what, 'their images share slice positions');
}

/** The k-th frame at each location (in instance order) goes to part k: echoes or repeats without a telling attribute. */
function splitByOccurrence(group: FrameGroup): FrameGroup[] {
  const normal = group.frames[0] ? normalOf(group.frames[0]) : null;
  if (!normal) return [group];
  const seen: number[] = [];
  const occurrence = new Map<SeriesFrame, number>();
  for (const frame of [...group.frames].sort(compareByInstance)) {
    const depth = projection(frame, normal);
    const count = seen.filter((d) => Math.abs(d - depth) < DUPLICATE_POSITION_MM).length;
    seen.push(depth);
    occurrence.set(frame, count + 1);
  }
  const parts = partition(
    [...group.frames].sort(compareByInstance),
    (f) => `rep${occurrence.get(f) ?? 1}`,
    (key) => `repeat ${key.slice(3)}`,
  ).sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true }));
  const locations = parts[0]?.frames.length ?? 0;
  const shared = parts[1]?.frames.length ?? 0;
  const where = shared === locations ? `each of ${locations} positions` : `${shared} of ${locations} positions`;
  return applySplit(group, parts, 'repeats', `several images share ${where}, e.g. echoes or repeated scans`);
}

/** Split on acquisition, then echo, then occurrence, until no two frames share a position. */
function splitDuplicates(group: FrameGroup, splitters = ['acquisition', 'echo']): FrameGroup[] {
  if (!hasDuplicatePositions(group.frames)) return [group];
  const [next, ...rest] = splitters;
  if (next === undefined) return splitByOccurrence(group);
  const split =
    next === 'acquisition'
      ? splitByAttribute(group, (f) => f.instance.acquisitionNumber, 'acq', 'acquisition', 'acquisitions')
      : splitByAttribute(group, (f) => f.instance.echoNumber, 'echo', 'echo', 'echoes');
  return (split ?? [group]).flatMap((part) => splitDuplicates(part, rest));
}

/**
 * Split the frames of one SeriesInstanceUID into stacks a viewer can show as one: localizers
 * apart, then by image size, pixel spacing, orientation, and finally by acquisition/echo/repeat
 * when frames share slice positions.
 */
export function splitSeries(frames: SeriesFrame[]): FrameGroup[] {
  const stages = [splitLocalizers, splitSizes, splitOrientations, splitPixelSpacings, splitDuplicates];
  let groups: FrameGroup[] = [{ frames, keyParts: [], labelParts: [], warnings: [] }];
  for (const stage of stages) groups = groups.flatMap((g) => stage(g));
  return groups;
}
