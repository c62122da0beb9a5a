import type { DataSet } from 'dicom-parser';
import { add, cross, scale, type Vec3 } from '../geometry/vec3';
import { firstItem, readNumber, readNumbers, readOrientation, readPair, readString, readVec3, sequenceItems } from './readValues';
import type { FrameGeometry, ImageOrientation } from './types';

const SHARED_GROUPS = 'x52009229';
const PER_FRAME_GROUPS = 'x52009230';
const PLANE_POSITION = 'x00209113';
const PLANE_ORIENTATION = 'x00209116';
const PIXEL_MEASURES = 'x00289110';
const PIXEL_VALUE_TRANSFORMATION = 'x00289145';
const FRAME_VOI_LUT = 'x00289132';
const IMAGE_POSITION = 'x00200032';
const IMAGE_ORIENTATION = 'x00200037';
const PIXEL_SPACING = 'x00280030';
const IMAGER_PIXEL_SPACING = 'x00181164';
const SLICE_THICKNESS = 'x00180050';
const GRID_FRAME_OFFSETS = 'x3004000c';

export interface Rescale {
  slope: number;
  intercept: number;
  type: string;
}

export interface FrameReadout {
  frames: FrameGeometry[];
  /** Rescale from the functional groups (shared, else first frame); null for classic objects. */
  rescale: Rescale | null;
  /** Window from Frame VOI LUT (shared, else first frame); null for classic objects. */
  window: { centers: number[]; widths: number[] } | null;
}

function readRescale(ds: DataSet | null): Rescale | null {
  if (!ds) return null;
  const slope = readNumber(ds, 'x00281053');
  const intercept = readNumber(ds, 'x00281052');
  if (slope === null && intercept === null) return null;
  return { slope: slope ?? 1, intercept: intercept ?? 0, type: readString(ds, 'x00281054') };
}

function readWindow(ds: DataSet | null): FrameReadout['window'] {
  if (!ds) return null;
  const centers = readNumbers(ds, 'x00281050');
  const widths = readNumbers(ds, 'x00281051');
  return centers.length > 0 && widths.length > 0 ? { centers, widths } : null;
}

function normalOf(iop: ImageOrientation): Vec3 {
  return cross([iop[0], iop[1], iop[2]], [iop[3], iop[4], iop[5]]);
}

interface PlaneDefaults {
  position: Vec3 | null;
  orientation: ImageOrientation | null;
  spacing: readonly [number, number] | null;
  spacingSource: 'pixel' | 'imager' | undefined;
  thickness: number | null;
}

function topLevelPlane(ds: DataSet): PlaneDefaults {
  const pixel = readPair(ds, PIXEL_SPACING);
  const imager = pixel ? null : readPair(ds, IMAGER_PIXEL_SPACING);
  return {
    position: readVec3(ds, IMAGE_POSITION),
    orientation: readOrientation(ds, IMAGE_ORIENTATION),
    spacing: pixel ?? imager,
    spacingSource: pixel ? 'pixel' : imager ? 'imager' : undefined,
    thickness: readNumber(ds, SLICE_THICKNESS),
  };
}

function frame(plane: PlaneDefaults, position: Vec3 | null, rescale: Rescale | null = null): FrameGeometry {
  const geometry: FrameGeometry = {
    imagePositionPatient: position,
    imageOrientationPatient: plane.orientation,
    pixelSpacing: plane.spacing,
    sliceThickness: plane.thickness,
  };
  if (plane.spacingSource) geometry.pixelSpacingSource = plane.spacingSource;
  if (rescale) {
    geometry.rescaleSlope = rescale.slope;
    geometry.rescaleIntercept = rescale.intercept;
  }
  return geometry;
}

/** Enhanced multi-frame: each macro from the frame's own functional group, else the shared one. */
function readFunctionalGroups(ds: DataSet, numberOfFrames: number, plane: PlaneDefaults): FrameReadout {
  const shared = firstItem(ds, SHARED_GROUPS);
  const perFrame = sequenceItems(ds, PER_FRAME_GROUPS);
  const macro = (index: number, tag: string): DataSet | null => firstItem(perFrame[index], tag) ?? firstItem(shared ?? undefined, tag);

  const frames: FrameGeometry[] = [];
  for (let i = 0; i < numberOfFrames; i++) {
    const position = macro(i, PLANE_POSITION);
    const orientation = macro(i, PLANE_ORIENTATION);
    const measures = macro(i, PIXEL_MEASURES);
    const measuredSpacing = measures ? readPair(measures, PIXEL_SPACING) : null;
    const framePlane: PlaneDefaults = {
      position: null,
      orientation: (orientation && readOrientation(orientation, IMAGE_ORIENTATION)) ?? plane.orientation,
      spacing: measuredSpacing ?? plane.spacing,
      spacingSource: measuredSpacing ? 'pixel' : plane.spacingSource,
      thickness: (measures && readNumber(measures, SLICE_THICKNESS)) ?? plane.thickness,
    };
    const framePosition = (position && readVec3(position, IMAGE_POSITION)) ?? (numberOfFrames === 1 ? plane.position : null);
    frames.push(frame(framePlane, framePosition, readRescale(macro(i, PIXEL_VALUE_TRANSFORMATION))));
  }
  return {
    frames,
    rescale: readRescale(macro(0, PIXEL_VALUE_TRANSFORMATION)),
    window: readWindow(macro(0, FRAME_VOI_LUT)),
  };
}

/**
 * Legacy multi-frame (e.g. RT Dose): Grid Frame Offset Vector gives each frame's distance along
 * the normal. Whether the first offset is 0 (relative) or equals the first z (absolute, axial
 * only), offset minus first offset is the distance from Image Position.
 */
function readGridOffsets(ds: DataSet, numberOfFrames: number, plane: PlaneDefaults): FrameGeometry[] | null {
  const offsets = readNumbers(ds, GRID_FRAME_OFFSETS);
  const first = offsets[0];
  if (offsets.length !== numberOfFrames || first === undefined || !plane.position || !plane.orientation) return null;
  const normal = normalOf(plane.orientation);
  const origin = plane.position;
  return offsets.map((offset) => frame(plane, add(origin, scale(normal, offset - first))));
}

/** Geometry of every frame: classic single-frame, enhanced functional groups, or legacy multi-frame. */
export function readFrameGeometry(ds: DataSet, numberOfFrames: number): FrameReadout {
  const plane = topLevelPlane(ds);
  if (ds.elements[PER_FRAME_GROUPS] || ds.elements[SHARED_GROUPS]) return readFunctionalGroups(ds, numberOfFrames, plane);
  if (numberOfFrames <= 1) return { frames: [frame(plane, plane.position)], rescale: null, window: null };
  // Without per-frame positions a single Image Position describes only the first frame (cine, NM...).
  const frames =
    readGridOffsets(ds, numberOfFrames, plane) ??
    Array.from({ length: numberOfFrames }, () => frame(plane, null));
  return { frames, rescale: null, window: null };
}
