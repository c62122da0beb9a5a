import dcmjs from 'dcmjs';
import { SEGMENTATION_STORAGE } from './writeSegmentation';

type Item = Record<string, unknown>;

/** One segment read back: its label, tracking UID and the voxels it covers in the referenced series. */
export interface ReadSegment {
  number: number;
  name: string;
  trackingUid: string;
  /** Voxel indices i + j*columns + k*columns*rows of the referenced series (k = its sorted slice). */
  voxels: Uint32Array;
}

export interface SegContents {
  studyInstanceUid: string;
  referencedSeriesInstanceUid: string;
  segments: ReadSegment[];
}

export type ReadSegResult = { ok: true; seg: SegContents } | { ok: false; reason: string };

/** Where the referenced series' images are: the slice of each SOP Instance UID, and its size. */
export interface SegTarget {
  rows: number;
  columns: number;
  sliceOf(sopInstanceUid: string): number | undefined;
}

const asArray = (value: unknown): Item[] => (Array.isArray(value) ? (value as Item[]) : value ? [value as Item] : []);
const first = (value: unknown): Item => asArray(value)[0] ?? {};

/** The SEG's study and referenced series, to find which loaded series it belongs to. */
export function segmentationHeader(bytes: ArrayBuffer, fileName: string): { ok: true; dataset: Item; studyInstanceUid: string; referencedSeriesInstanceUid: string } | { ok: false; reason: string } {
  let dataset: Item;
  try {
    dataset = dcmjs.data.DicomMetaDictionary.naturalizeDataset(dcmjs.data.DicomMessage.readFile(bytes).dict) as Item;
  } catch {
    return { ok: false, reason: `${fileName} could not be read as a DICOM file.` };
  }
  if (dataset['SOPClassUID'] !== SEGMENTATION_STORAGE) return { ok: false, reason: `${fileName} is not a DICOM segmentation (SEG).` };
  if (dataset['SegmentationType'] !== 'BINARY') return { ok: false, reason: `${fileName} is a ${String(dataset['SegmentationType'] ?? 'unknown')} segmentation; SpineLens reads binary ones.` };
  const referencedSeriesInstanceUid = String(first(dataset['ReferencedSeriesSequence'])['SeriesInstanceUID'] ?? '');
  return { ok: true, dataset, studyInstanceUid: String(dataset['StudyInstanceUID'] ?? ''), referencedSeriesInstanceUid };
}

/** Reads a binary SEG onto the series it references, frame by frame through each frame's source image. */
export function readSegmentation(bytes: ArrayBuffer, fileName: string, target: SegTarget): ReadSegResult {
  const header = segmentationHeader(bytes, fileName);
  if (!header.ok) return header;
  const { dataset } = header;
  const rows = Number(dataset['Rows']);
  const columns = Number(dataset['Columns']);
  if (rows !== target.rows || columns !== target.columns) {
    return { ok: false, reason: `${fileName} is ${columns}×${rows} but its series is ${target.columns}×${target.rows}: it cannot be laid on these images.` };
  }
  const pixels = new Uint8Array((dataset['PixelData'] as ArrayBuffer[] | undefined)?.[0] ?? new ArrayBuffer(0));
  const perFrame = asArray(dataset['PerFrameFunctionalGroupsSequence']);
  const perSlice = rows * columns;
  if (pixels.length * 8 < perFrame.length * perSlice) return { ok: false, reason: `${fileName} holds fewer pixels than its ${perFrame.length} frames need.` };
  const voxelsOf = new Map<number, number[]>();
  for (let f = 0; f < perFrame.length; f++) {
    const frame = perFrame[f]!;
    const segment = Number(first(frame['SegmentIdentificationSequence'])['ReferencedSegmentNumber']);
    const source = first(first(first(frame['DerivationImageSequence'])['SourceImageSequence']));
    const slice = target.sliceOf(String(source['ReferencedSOPInstanceUID'] ?? ''));
    if (slice === undefined) return { ok: false, reason: `${fileName} refers to an image that is not in the open series: open the images it was made on.` };
    const list = voxelsOf.get(segment) ?? [];
    voxelsOf.set(segment, list);
    const start = f * perSlice;
    for (let p = 0; p < perSlice; p++) {
      const bit = start + p;
      if (pixels[bit >> 3]! & (1 << (bit & 7))) list.push(slice * perSlice + p);
    }
  }
  const segments = asArray(dataset['SegmentSequence']).map((s): ReadSegment => {
    const number = Number(s['SegmentNumber']);
    return { number, name: String(s['SegmentLabel'] ?? ''), trackingUid: String(s['TrackingUID'] ?? ''), voxels: Uint32Array.from(voxelsOf.get(number) ?? []) };
  });
  return { ok: true, seg: { studyInstanceUid: header.studyInstanceUid, referencedSeriesInstanceUid: header.referencedSeriesInstanceUid, segments } };
}
