import dcmjs from 'dcmjs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dot } from '../../src/geometry/vec3';
import { sliceNormal, slicePosition } from './grid';
import { CT_RESCALE_INTERCEPT } from './pixels';
import { PATIENT, type SeriesSpec, type Study } from './protocol';
import { frameOfReferenceUid, IMPLEMENTATION_CLASS_UID, instanceUid, seriesUid, studyUid } from './uids';

const CT_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.2';
const MR_IMAGE_STORAGE = '1.2.840.10008.5.1.4.1.1.4';
const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';

/** Decimal String: at most 16 characters, no exponent, no "-0". */
export function formatDs(v: number): string {
  for (let digits = 6; digits >= 0; digits--) {
    const s = String(Number(v.toFixed(digits)) + 0);
    if (s.length <= 16 && !s.includes('e')) return s;
  }
  throw new Error(`cannot encode ${v} as DS`);
}

const ds = (values: readonly number[]): string[] => values.map(formatDs);

function ctAttributes(): Record<string, unknown> {
  return {
    ImageType: ['ORIGINAL', 'PRIMARY', 'AXIAL'],
    ScanOptions: 'HELICAL MODE',
    KVP: '120',
    DataCollectionDiameter: '250',
    ReconstructionDiameter: '128',
    GantryDetectorTilt: '0',
    TableHeight: '140',
    RotationDirection: 'CW',
    ExposureTime: '800',
    XRayTubeCurrent: 220,
    Exposure: 176,
    FilterType: 'BODY FILTER',
    FocalSpots: ['0.7'],
    ConvolutionKernel: 'STANDARD',
    RevolutionTime: 0.8,
    SingleCollimationWidth: 0.625,
    TotalCollimationWidth: 40,
    SpiralPitchFactor: 0.516,
    CTDIvol: 14.2,
    RescaleIntercept: formatDs(CT_RESCALE_INTERCEPT),
    RescaleSlope: '1',
    RescaleType: 'HU',
    WindowCenter: ['40', '500'],
    WindowWidth: ['400', '2000'],
    WindowCenterWidthExplanation: ['SOFT TISSUE', 'BONE'],
  };
}

function mrAttributes(spec: SeriesSpec): Record<string, unknown> {
  return {
    ImageType: ['ORIGINAL', 'PRIMARY', 'M', 'ND'],
    ScanningSequence: 'SE',
    SequenceVariant: ['SK', 'SP'],
    ScanOptions: 'PFP',
    MRAcquisitionType: '2D',
    SequenceName: '*tse2d1_17',
    AngioFlag: 'N',
    RepetitionTime: '3500',
    EchoTime: '96',
    EchoTrainLength: '17',
    NumberOfAverages: '2',
    ImagingFrequency: '63.68',
    ImagedNucleus: '1H',
    EchoNumbers: '1',
    MagneticFieldStrength: '1.5',
    SpacingBetweenSlices: formatDs(spec.grid.sliceSpacing),
    NumberOfPhaseEncodingSteps: '256',
    PercentSampling: '100',
    PercentPhaseFieldOfView: '100',
    PixelBandwidth: '190',
    FlipAngle: '150',
    ReceiveCoilName: 'HEAD NECK 20',
    TransmitCoilName: 'BODY',
    AcquisitionMatrix: [256, 0, 0, 256],
    InPlanePhaseEncodingDirection: 'COL',
    WindowCenter: ['950'],
    WindowWidth: ['1900'],
    WindowCenterWidthExplanation: ['T2'],
  };
}

/** Naturalised dcmjs dataset for one image. */
function imageDataset(spec: SeriesSpec, study: Study, k: number, pixels: Uint16Array): Record<string, unknown> {
  const g = spec.grid;
  const instance = k + 1;
  const position = slicePosition(g, k);
  const ct = spec.modality === 'CT';
  return {
    SpecificCharacterSet: 'ISO_IR 100',
    SOPClassUID: ct ? CT_IMAGE_STORAGE : MR_IMAGE_STORAGE,
    SOPInstanceUID: instanceUid(spec.id, instance),
    StudyDate: study.date,
    SeriesDate: study.date,
    AcquisitionDate: study.date,
    ContentDate: study.date,
    StudyTime: study.time,
    SeriesTime: spec.seriesTime,
    AcquisitionTime: spec.seriesTime,
    ContentTime: spec.seriesTime,
    AccessionNumber: study.accessionNumber,
    Modality: spec.modality,
    Manufacturer: 'SpineLens Phantom',
    InstitutionName: 'SpineLens Synthetic Data',
    ReferringPhysicianName: '',
    StationName: ct ? 'PHANTOM-CT' : 'PHANTOM-MR',
    StudyDescription: study.description,
    SeriesDescription: spec.description,
    ManufacturerModelName: 'Analytic C-spine phantom',
    SoftwareVersions: 'make-sample 1',
    PatientName: PATIENT.name,
    PatientID: PATIENT.id,
    PatientBirthDate: PATIENT.birthDate,
    PatientSex: PATIENT.sex,
    PatientAge: study.patientAge,
    PatientSize: '1.68',
    PatientWeight: '62',
    BodyPartExamined: 'CSPINE',
    SliceThickness: formatDs(g.sliceThickness),
    PatientPosition: 'HFS',
    ...(ct ? ctAttributes() : mrAttributes(spec)),
    StudyInstanceUID: studyUid(study.timepoint),
    SeriesInstanceUID: seriesUid(spec.id),
    StudyID: study.studyId,
    SeriesNumber: String(spec.seriesNumber),
    AcquisitionNumber: '1',
    InstanceNumber: String(instance),
    ImagePositionPatient: ds(position),
    ImageOrientationPatient: ds([...g.rowDirection, ...g.columnDirection]),
    FrameOfReferenceUID: frameOfReferenceUid(study.timepoint),
    PositionReferenceIndicator: '',
    SliceLocation: formatDs(dot(position, sliceNormal(g))),
    ImageComments: 'SYNTHETIC PHANTOM - NOT PATIENT DATA',
    SamplesPerPixel: 1,
    PhotometricInterpretation: 'MONOCHROME2',
    Rows: g.rows,
    Columns: g.columns,
    PixelSpacing: ds(g.pixelSpacing),
    BitsAllocated: 16,
    BitsStored: 12,
    HighBit: 11,
    PixelRepresentation: 0,
    BurnedInAnnotation: 'NO',
    LossyImageCompression: '00',
    PixelData: [pixels.buffer],
    _vrMap: { PixelData: 'OW' },
  };
}

/** Part-10 bytes: 128-byte preamble, "DICM", file meta group, then the data set in explicit VR little endian. */
export function encodePart10(dataset: Record<string, unknown>): Uint8Array {
  const { DicomDict, DicomMetaDictionary } = dcmjs.data;
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: dataset.SOPClassUID,
    MediaStorageSOPInstanceUID: dataset.SOPInstanceUID,
    TransferSyntaxUID: EXPLICIT_VR_LITTLE_ENDIAN,
    ImplementationClassUID: IMPLEMENTATION_CLASS_UID,
    ImplementationVersionName: 'SPINELENS_SAMPLE',
  };
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
  return new Uint8Array(dict.write());
}

export const imageFileName = (instance: number): string => `IM${String(instance).padStart(4, '0')}.dcm`;

/** Write one file per slice into outDir/spec.directory; returns the paths written. */
export function writeSeries(outDir: string, spec: SeriesSpec, study: Study, stored: Uint16Array): string[] {
  const dir = join(outDir, spec.directory);
  mkdirSync(dir, { recursive: true });
  const sliceSize = spec.grid.rows * spec.grid.columns;
  const paths: string[] = [];
  for (let k = 0; k < spec.grid.slices; k++) {
    const pixels = stored.slice(k * sliceSize, (k + 1) * sliceSize);
    const path = join(dir, imageFileName(k + 1));
    writeFileSync(path, encodePart10(imageDataset(spec, study, k, pixels)));
    paths.push(path);
  }
  return paths;
}
