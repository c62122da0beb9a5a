import type { Vec3 } from '../../geometry/vec3';
import type { CaseContext, CaseStudy } from '../caseContext';
import { derivedObjectHeader, writePart10, type DerivedObjectIds } from '../derivedObject';
import { SEG_CODES } from './segCodes';

export const SEGMENTATION_STORAGE = '1.2.840.10008.5.1.4.1.1.66.4';

/** One image (slice) of the segmented series, in the series' sorted order. */
export interface SegSourceSlice {
  sopInstanceUid: string;
  sopClassUid: string;
  position: Vec3;
}

/** The segmented series as DICOM describes it: the SEG's geometry is copied from it, never assumed. */
export interface SegSourceSeries {
  seriesInstanceUid: string;
  frameOfReferenceUid: string;
  rows: number;
  columns: number;
  /** [row, column] mm, as (0028,0030). */
  pixelSpacing: readonly [number, number];
  sliceSpacing: number;
  rowCosines: Vec3;
  columnCosines: Vec3;
  slices: readonly SegSourceSlice[];
}

/** One lesion's segment: the voxels of `label` in the labelmap. */
export interface SegSegment {
  label: number;
  /** The lesion's name. */
  name: string;
  /** The lesion's Tracking UID, as in the SR. */
  trackingUid: string;
}

export type SegIds = DerivedObjectIds;

/** Labelmap indexed i + j*columns + k*columns*rows (k = slice in the series' order). */
export interface SegInput {
  context: CaseContext;
  study: CaseStudy;
  source: SegSourceSeries;
  labelmap: Uint8Array;
  segments: readonly SegSegment[];
  ids: SegIds;
}

const ds = (v: number) => Number(v.toPrecision(10));

/** The slices holding `label`, each as a bit-packed frame (first pixel in the least significant bit). */
function framesOf(labelmap: Uint8Array, source: SegSourceSeries, label: number): { slice: number; bits: Uint8Array }[] {
  const perSlice = source.rows * source.columns;
  const frames: { slice: number; bits: Uint8Array }[] = [];
  for (let k = 0; k < source.slices.length; k++) {
    const offset = k * perSlice;
    let bits: Uint8Array | null = null;
    for (let p = 0; p < perSlice; p++) {
      if (labelmap[offset + p] !== label) continue;
      bits ??= new Uint8Array(Math.ceil(perSlice / 8));
      bits[p >> 3]! |= 1 << (p & 7);
    }
    if (bits) frames.push({ slice: k, bits });
  }
  return frames;
}

/** Binary frames laid end to end bit by bit, as PS3.5 8.1.1 packs 1-bit pixel data. */
function packFrames(frames: readonly { bits: Uint8Array }[], pixelsPerFrame: number): ArrayBuffer {
  const totalBits = frames.length * pixelsPerFrame;
  const out = new Uint8Array(Math.ceil(totalBits / 8) + (Math.ceil(totalBits / 8) % 2));
  frames.forEach((frame, n) => {
    const start = n * pixelsPerFrame;
    for (let p = 0; p < pixelsPerFrame; p++) {
      if (frame.bits[p >> 3]! & (1 << (p & 7))) {
        const bit = start + p;
        out[bit >> 3]! |= 1 << (bit & 7);
      }
    }
  });
  return out.buffer;
}

/** The SEG data set: one segment per lesion, one frame per slice a segment touches. */
export function segmentationDataset(input: SegInput): Record<string, unknown> {
  const { context, study, source, labelmap, ids } = input;
  const segments = input.segments.map((s, n) => ({ ...s, number: n + 1, frames: framesOf(labelmap, source, s.label) })).filter((s) => s.frames.length > 0);
  const frames = segments.flatMap((s) => s.frames.map((f) => ({ segment: s.number, ...f })));
  const perFrame = frames.map((f) => {
    const slice = source.slices[f.slice]!;
    return {
      DerivationImageSequence: [
        {
          SourceImageSequence: [{ ReferencedSOPClassUID: slice.sopClassUid, ReferencedSOPInstanceUID: slice.sopInstanceUid, PurposeOfReferenceCodeSequence: [SEG_CODES.sourceImage] }],
          DerivationCodeSequence: [SEG_CODES.segmentation],
        },
      ],
      FrameContentSequence: [{ DimensionIndexValues: [f.segment, f.slice + 1] }],
      PlanePositionSequence: [{ ImagePositionPatient: slice.position.map(ds) }],
      SegmentIdentificationSequence: [{ ReferencedSegmentNumber: f.segment }],
    };
  });
  const dimensionOrganizationUid = `${ids.seriesInstanceUid}.1`;
  return {
    ...derivedObjectHeader({ sopClassUid: SEGMENTATION_STORAGE, modality: 'SEG', seriesNumber: '9902', seriesDescription: 'SpineLens segmentation' }, context, study, ids),
    FrameOfReferenceUID: source.frameOfReferenceUid,
    PositionReferenceIndicator: '',
    ImageType: ['DERIVED', 'PRIMARY'],
    ContentLabel: 'LESIONS',
    ContentDescription: 'Lesion segmentation',
    ContentCreatorName: '',
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    Rows: source.rows,
    Columns: source.columns,
    BitsAllocated: 1,
    BitsStored: 1,
    HighBit: 0,
    PixelRepresentation: 0,
    LossyImageCompression: '00',
    SegmentationType: 'BINARY',
    NumberOfFrames: String(frames.length),
    SegmentSequence: segments.map((s) => ({
      SegmentNumber: s.number,
      SegmentLabel: s.name || `Lesion ${s.number}`,
      SegmentAlgorithmType: 'SEMIAUTOMATIC',
      SegmentAlgorithmName: 'SpineLens',
      SegmentedPropertyCategoryCodeSequence: [SEG_CODES.morphologicallyAlteredStructure],
      SegmentedPropertyTypeCodeSequence: [SEG_CODES.lesion],
      TrackingID: s.name || `Lesion ${s.number}`,
      TrackingUID: s.trackingUid,
    })),
    DimensionOrganizationSequence: [{ DimensionOrganizationUID: dimensionOrganizationUid }],
    DimensionIndexSequence: [
      { DimensionOrganizationUID: dimensionOrganizationUid, DimensionIndexPointer: 0x0062000b, FunctionalGroupPointer: 0x0062000a, DimensionDescriptionLabel: 'Segment' },
      { DimensionOrganizationUID: dimensionOrganizationUid, DimensionIndexPointer: 0x00200032, FunctionalGroupPointer: 0x00209113, DimensionDescriptionLabel: 'Position' },
    ],
    SharedFunctionalGroupsSequence: [
      {
        PlaneOrientationSequence: [{ ImageOrientationPatient: [...source.rowCosines, ...source.columnCosines].map(ds) }],
        PixelMeasuresSequence: [{ PixelSpacing: source.pixelSpacing.map(ds), SliceThickness: ds(source.sliceSpacing), SpacingBetweenSlices: ds(source.sliceSpacing) }],
      },
    ],
    PerFrameFunctionalGroupsSequence: perFrame,
    ReferencedSeriesSequence: [
      {
        SeriesInstanceUID: source.seriesInstanceUid,
        ReferencedInstanceSequence: source.slices.map((s) => ({ ReferencedSOPClassUID: s.sopClassUid, ReferencedSOPInstanceUID: s.sopInstanceUid })),
      },
    ],
    PixelData: [packFrames(frames, source.rows * source.columns)],
    _vrMap: { PixelData: 'OB' },
  };
}

/** The SEG as Part-10 bytes (explicit VR little endian); null when no segment has a voxel. */
export function writeSegmentation(input: SegInput): ArrayBuffer | null {
  const dataset = segmentationDataset(input);
  if ((dataset['SegmentSequence'] as unknown[]).length === 0) return null;
  return writePart10(dataset, SEGMENTATION_STORAGE, input.ids.sopInstanceUid);
}
