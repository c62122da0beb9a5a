import type { DataSet } from 'dicom-parser';
import type { Vec3 } from '../geometry/vec3';

export type { Vec3 };

export type ImageOrientation = readonly [number, number, number, number, number, number];

export interface FrameGeometry {
  /** (0020,0032) or per-frame PlanePositionSequence. */
  imagePositionPatient: Vec3 | null;
  imageOrientationPatient: ImageOrientation | null;
  /** [row spacing, column spacing] mm, as DICOM (0028,0030) orders it. */
  pixelSpacing: readonly [number, number] | null;
  /** Informative only, never used as spacing. */
  sliceThickness: number | null;
  /** 'imager' when pixelSpacing came from Imager Pixel Spacing (0018,1164): detector plane, not patient (CR/DX). */
  pixelSpacingSource?: 'pixel' | 'imager';
  /** Per-frame rescale (enhanced multi-frame PixelValueTransformationSequence); null = use the instance's. */
  rescaleSlope?: number | null;
  rescaleIntercept?: number | null;
}

/** Plain JSON-serialisable; one per file. */
export interface InstanceMeta {
  fileName: string;
  byteLength: number;
  sopInstanceUid: string;
  sopClassUid: string;
  transferSyntaxUid: string;
  modality: string;
  patientName: string;
  patientId: string;
  patientBirthDate: string;
  patientSex: string;
  studyInstanceUid: string;
  studyDate: string;
  studyTime: string;
  studyDescription: string;
  accessionNumber: string;
  seriesInstanceUid: string;
  seriesNumber: number | null;
  seriesDescription: string;
  bodyPartExamined: string;
  frameOfReferenceUid: string;
  instanceNumber: number | null;
  acquisitionNumber: number | null;
  rows: number;
  columns: number;
  numberOfFrames: number;
  bitsAllocated: number;
  bitsStored: number;
  highBit: number;
  pixelRepresentation: number;
  photometricInterpretation: string;
  samplesPerPixel: number;
  rescaleSlope: number;
  rescaleIntercept: number;
  rescaleType: string;
  windowCenters: number[];
  windowWidths: number[];
  /** Length numberOfFrames (enhanced multi-frame: from shared + per-frame functional groups). */
  frames: FrameGeometry[];
  /** (0008,0008) ImageType values, e.g. ['ORIGINAL','PRIMARY','LOCALIZER']. */
  imageType?: string[];
  /** (0018,0086) EchoNumbers, to tell echoes apart when splitting. */
  echoNumber?: number | null;
  /** How the file had to be read, e.g. 'no preamble or file meta: read as 1.2.840.10008.1.2.1'. */
  parseNotes?: string[];
}

export type ParseResult =
  | { kind: 'image'; instance: InstanceMeta; dataSet: DataSet }
  /** DICOMDIR, SR, RT plan, waveform, presentation state...: a note, not an error. */
  | { kind: 'skipped'; fileName: string; reason: string }
  /** Not usable: plain-language reason (from REASON_CATALOGUE); a library's message, if any, in details. */
  | { kind: 'problem'; fileName: string; reason: string; details?: string };

export interface SeriesFrame {
  instance: InstanceMeta;
  frameIndex: number;
  position: Vec3 | null;
}

export interface SeriesGeometry {
  rowCosines: Vec3;
  columnCosines: Vec3;
  normal: Vec3;
  /** [row, column] mm. */
  pixelSpacing: readonly [number, number];
  /** From IPP projected on the normal (median step); null for 1 frame or when the spacing changes along the series. */
  sliceSpacing: number | null;
  uniform: boolean;
  /** >=3 frames, one orientation/size, positions strictly distinct; usable for MPR. */
  isVolume: boolean;
  /** IPP of the first sorted frame. */
  origin: Vec3;
}

export interface SeriesNode {
  /** Unique: seriesInstanceUid plus split suffix. */
  key: string;
  seriesInstanceUid: string;
  seriesNumber: number | null;
  description: string;
  modality: string;
  frameOfReferenceUid: string;
  rows: number;
  columns: number;
  /** Sorted along the normal (ascending position·normal), else by instance number. */
  frames: SeriesFrame[];
  /** Null when frames lack geometry. */
  geometry: SeriesGeometry | null;
  /** Plain-language: gaps, non-uniform spacing, missing slices, split notes. */
  warnings: string[];
  /** Set when this node came from splitting a mixed series. */
  splitFrom?: string;
  /** What sets a split node apart, e.g. 'sagittal' or '256×512, acquisition 2'. */
  splitLabel?: string;
}

export interface StudyNode {
  studyInstanceUid: string;
  date: string;
  time: string;
  description: string;
  accessionNumber: string;
  series: SeriesNode[];
}

/** Studies sorted by date then time. */
export interface PatientNode {
  patientId: string;
  patientName: string;
  birthDate: string;
  sex: string;
  studies: StudyNode[];
}
