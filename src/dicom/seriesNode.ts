import { normalize } from '../geometry/vec3';
import { columnCosines, rowCosines } from './orientation';
import { geometryOf, imageCount } from './frameFacts';
import { sortFrames, type SortedFrames } from './sortFrames';
import { analyseSpacing } from './spacing';
import type { FrameGroup } from './splitSeries';
import type { InstanceMeta, SeriesFrame, SeriesGeometry, SeriesNode } from './types';

function buildGeometry(sorted: SortedFrames, warnings: string[]): SeriesGeometry | null {
  const frames = sorted.frames;
  const first = frames[0];
  const firstGeometry = first ? geometryOf(first) : null;
  const iop = firstGeometry?.imageOrientationPatient;
  if (!first?.position || !iop || !sorted.normal) {
    if (frames.length > 1) warnings.push('no Image Position/Orientation on every image: sorted by instance number, no 3D geometry');
    return null;
  }
  const pixelSpacing = firstGeometry.pixelSpacing;
  if (!pixelSpacing) {
    warnings.push('no Pixel Spacing (0028,0030): distances cannot be measured');
    return null;
  }
  if (firstGeometry.pixelSpacingSource === 'imager') {
    warnings.push('pixel spacing is Imager Pixel Spacing (at the detector): measurements are magnified');
  }
  const report = analyseSpacing(
    frames.map((f) => f.position ?? first.position ?? [0, 0, 0]),
    sorted.normal,
  );
  warnings.push(...report.warnings);
  return {
    rowCosines: normalize(rowCosines(iop)),
    columnCosines: normalize(columnCosines(iop)),
    normal: sorted.normal,
    pixelSpacing,
    sliceSpacing: report.sliceSpacing,
    uniform: report.uniform,
    isVolume: report.isVolume,
    origin: first.position,
  };
}

/** One series node from a group of frames that all belong together (after splitting). */
export function makeSeriesNode(uid: string, group: FrameGroup): SeriesNode {
  const warnings = [...group.warnings];
  const sorting = sortFrames(group.frames);
  const sorted = sorting.frames;
  const geometry = buildGeometry(sorting, warnings);
  const head = sorted[0]?.instance;
  const node: SeriesNode = {
    key: group.keyParts.length > 0 ? `${uid}|${group.keyParts.join('|')}` : uid,
    seriesInstanceUid: uid,
    seriesNumber: head?.seriesNumber ?? null,
    description: head?.seriesDescription ?? '',
    modality: head?.modality ?? '',
    frameOfReferenceUid: head?.frameOfReferenceUid ?? '',
    rows: head?.rows ?? 0,
    columns: head?.columns ?? 0,
    frames: sorted,
    geometry,
    warnings,
  };
  if (group.keyParts.length > 0) {
    node.splitFrom = uid;
    node.splitLabel = group.labelParts.join(', ');
  }
  return node;
}

/** Key given at import to an image without SOP Instance UID, followed by a hash of its bytes. */
export const NO_SOP_UID_PREFIX = 'no-uid-';

/** Frames of every instance, dropping repeated SOP Instance UIDs (the same file loaded twice). */
export function expandFrames(instances: readonly InstanceMeta[]): { frames: SeriesFrame[]; warnings: string[] } {
  const seen = new Set<string>();
  const repeated: string[] = [];
  const frames: SeriesFrame[] = [];
  for (const instance of instances) {
    if (instance.sopInstanceUid !== '' && seen.has(instance.sopInstanceUid)) {
      repeated.push(instance.fileName);
      continue;
    }
    seen.add(instance.sopInstanceUid);
    for (let frameIndex = 0; frameIndex < Math.max(1, instance.numberOfFrames); frameIndex++) {
      frames.push({ instance, frameIndex, position: instance.frames[frameIndex]?.imagePositionPatient ?? null });
    }
  }
  const warnings =
    repeated.length > 0 ? [`${imageCount(repeated.length)} ignored: same SOP Instance UID as another file (${repeated.join(', ')})`] : [];
  const withoutUid = instances.filter((i) => i.sopInstanceUid === '' || i.sopInstanceUid.startsWith(NO_SOP_UID_PREFIX)).length;
  if (withoutUid > 0) warnings.push(`${imageCount(withoutUid)} without SOP Instance UID (0008,0018): told apart by their content`);
  return { frames, warnings };
}
