import dcmjs from 'dcmjs';
import type { CaseContext, CaseStudy } from './caseContext';

const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
/** SpineLens's implementation class UID (2.25 from a fixed UUID). */
export const SPINELENS_IMPLEMENTATION_UID = '2.25.117213370405462315424416829812404829181';

/** The identity of an object SpineLens writes into a study (an SR or a SEG). */
export interface DerivedObjectIds {
  seriesInstanceUid: string;
  sopInstanceUid: string;
  /** When it is written (Content and Instance Creation Date/Time). */
  now: Date;
}

export const da = (d: Date) => d.toISOString().slice(0, 10).replace(/-/g, '');
export const tm = (d: Date) => d.toISOString().slice(11, 19).replace(/:/g, '');

/** Patient, study, series, equipment and content dates shared by every object SpineLens writes into a study. */
export function derivedObjectHeader(
  kind: { sopClassUid: string; modality: string; seriesNumber: string; seriesDescription: string },
  context: CaseContext,
  study: CaseStudy,
  ids: DerivedObjectIds,
): Record<string, unknown> {
  return {
    SpecificCharacterSet: 'ISO_IR 192',
    SOPClassUID: kind.sopClassUid,
    SOPInstanceUID: ids.sopInstanceUid,
    StudyInstanceUID: study.studyInstanceUid,
    SeriesInstanceUID: ids.seriesInstanceUid,
    Modality: kind.modality,
    PatientName: context.patientName,
    PatientID: context.patientId,
    PatientBirthDate: '',
    PatientSex: '',
    StudyDate: study.date,
    StudyTime: study.time,
    ReferringPhysicianName: '',
    StudyID: '',
    AccessionNumber: '',
    SeriesNumber: kind.seriesNumber,
    SeriesDescription: kind.seriesDescription,
    InstanceNumber: '1',
    Manufacturer: 'SpineLens',
    ManufacturerModelName: 'SpineLens',
    DeviceSerialNumber: '1',
    SoftwareVersions: '0.1.0',
    ContentDate: da(ids.now),
    ContentTime: tm(ids.now),
    InstanceCreationDate: da(ids.now),
    InstanceCreationTime: tm(ids.now),
  };
}

/** A naturalized data set as Part-10 bytes (explicit VR little endian) with SpineLens's file meta. */
export function writePart10(dataset: Record<string, unknown>, sopClassUid: string, sopInstanceUid: string): ArrayBuffer {
  const { DicomDict, DicomMetaDictionary } = dcmjs.data;
  const meta = {
    FileMetaInformationVersion: new Uint8Array([0, 1]).buffer,
    MediaStorageSOPClassUID: sopClassUid,
    MediaStorageSOPInstanceUID: sopInstanceUid,
    TransferSyntaxUID: EXPLICIT_VR_LITTLE_ENDIAN,
    ImplementationClassUID: SPINELENS_IMPLEMENTATION_UID,
    ImplementationVersionName: 'SPINELENS',
  };
  const dict = new DicomDict(DicomMetaDictionary.denaturalizeDataset(meta));
  dict.dict = DicomMetaDictionary.denaturalizeDataset(dataset);
  return dict.write();
}
