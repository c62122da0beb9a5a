import { add, cross, scale, type Vec3 } from '../../src/geometry/vec3';
import type { FrameGeometry, ImageOrientation, InstanceMeta } from '../../src/dicom/types';

export const AXIAL: ImageOrientation = [1, 0, 0, 0, 1, 0];
export const SAGITTAL: ImageOrientation = [0, 1, 0, 0, 0, -1];
export const CORONAL: ImageOrientation = [1, 0, 0, 0, 0, -1];

let uidCounter = 0;
export const nextUid = (prefix = '1.2.3'): string => `${prefix}.${++uidCounter}`;

export function frameAt(position: Vec3 | null, orientation: ImageOrientation | null = AXIAL, sliceThickness: number | null = 5): FrameGeometry {
  return { imagePositionPatient: position, imageOrientationPatient: orientation, pixelSpacing: [0.5, 0.5], sliceThickness };
}

/** A single-frame CT instance with sensible defaults; override anything. */
export function makeInstance(overrides: Partial<InstanceMeta> = {}): InstanceMeta {
  const sopInstanceUid = overrides.sopInstanceUid ?? nextUid('1.2.3.9');
  return {
    fileName: `${sopInstanceUid}.dcm`,
    byteLength: 1000,
    sopInstanceUid,
    sopClassUid: '1.2.840.10008.5.1.4.1.1.2',
    transferSyntaxUid: '1.2.840.10008.1.2.1',
    modality: 'CT',
    patientName: 'DOE^JANE',
    patientId: 'P1',
    patientBirthDate: '19600101',
    patientSex: 'F',
    studyInstanceUid: '1.2.3.100',
    studyDate: '20260105',
    studyTime: '101500',
    studyDescription: 'CT SPINE',
    accessionNumber: 'A1',
    seriesInstanceUid: '1.2.3.200',
    seriesNumber: 2,
    seriesDescription: 'AXIAL 5MM',
    bodyPartExamined: 'SPINE',
    frameOfReferenceUid: '1.2.3.300',
    instanceNumber: 1,
    acquisitionNumber: 1,
    rows: 512,
    columns: 512,
    numberOfFrames: 1,
    bitsAllocated: 16,
    bitsStored: 12,
    highBit: 11,
    pixelRepresentation: 0,
    photometricInterpretation: 'MONOCHROME2',
    samplesPerPixel: 1,
    rescaleSlope: 1,
    rescaleIntercept: -1024,
    rescaleType: 'HU',
    windowCenters: [40],
    windowWidths: [400],
    frames: [frameAt([0, 0, 0])],
    imageType: ['ORIGINAL', 'PRIMARY', 'AXIAL'],
    echoNumber: null,
    ...overrides,
  };
}

export interface StackOptions {
  count: number;
  orientation?: ImageOrientation;
  origin?: Vec3;
  /** Step between consecutive slices along the normal, mm. */
  spacing?: number;
  /** Per-slice offsets along the normal (overrides count × spacing). */
  depths?: number[];
  sliceThickness?: number;
  firstInstanceNumber?: number;
  overrides?: Partial<InstanceMeta>;
}

export function normalOf(iop: ImageOrientation): Vec3 {
  return cross([iop[0], iop[1], iop[2]], [iop[3], iop[4], iop[5]]);
}

/** Single-frame instances of one stack, instance numbers ascending along the normal. */
export function makeStack(options: StackOptions): InstanceMeta[] {
  const orientation = options.orientation ?? AXIAL;
  const origin = options.origin ?? [0, 0, 0];
  const normal = normalOf(orientation);
  const depths = options.depths ?? Array.from({ length: options.count }, (_, i) => i * (options.spacing ?? 5));
  return depths.map((depth, i) =>
    makeInstance({
      instanceNumber: (options.firstInstanceNumber ?? 1) + i,
      frames: [frameAt(add(origin, scale(normal, depth)), orientation, options.sliceThickness ?? 5)],
      ...options.overrides,
    }),
  );
}

/** Deterministic shuffle (so a failing test fails the same way every run). */
export function shuffle<T>(items: readonly T[], seed = 7): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
