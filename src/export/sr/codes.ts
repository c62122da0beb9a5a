/** A coded concept as DICOM writes it (Code Value, Coding Scheme Designator, Code Meaning). */
export interface Code {
  CodeValue: string;
  CodingSchemeDesignator: string;
  CodeMeaning: string;
}

const code = (CodeValue: string, CodingSchemeDesignator: string, CodeMeaning: string): Code => ({ CodeValue, CodingSchemeDesignator, CodeMeaning });

/** The concepts of TID 1500 and its sub-templates used by SpineLens (PS3.16). */
export const CODES = {
  imagingMeasurementReport: code('126000', 'DCM', 'Imaging Measurement Report'),
  languageOfContent: code('121049', 'DCM', 'Language of Content Item and Descendants'),
  english: code('en-US', 'RFC5646', 'English (United States)'),
  observerType: code('121005', 'DCM', 'Observer Type'),
  device: code('121007', 'DCM', 'Device'),
  deviceObserverUid: code('121012', 'DCM', 'Device Observer UID'),
  deviceObserverName: code('121013', 'DCM', 'Device Observer Name'),
  procedureReported: code('121058', 'DCM', 'Procedure reported'),
  imagingProcedure: code('363679005', 'SCT', 'Imaging procedure'),
  imageLibrary: code('111028', 'DCM', 'Image Library'),
  imagingMeasurements: code('126010', 'DCM', 'Imaging Measurements'),
  measurementGroup: code('125007', 'DCM', 'Measurement Group'),
  trackingIdentifier: code('112039', 'DCM', 'Tracking Identifier'),
  trackingUniqueIdentifier: code('112040', 'DCM', 'Tracking Unique Identifier'),
  finding: code('121071', 'DCM', 'Finding'),
  lesion: code('52988006', 'SCT', 'Lesion'),
  findingSite: code('363698007', 'SCT', 'Finding Site'),
  length: code('410668003', 'SCT', 'Length'),
  longAxis: code('103339001', 'SCT', 'Long Axis'),
  shortAxis: code('103340004', 'SCT', 'Short Axis'),
  area: code('42798000', 'SCT', 'Area'),
  mean: code('373098007', 'SCT', 'Mean'),
  volume: code('118565006', 'SCT', 'Volume'),
  imageRegion: code('111030', 'DCM', 'Image Region'),
  measurementMethod: code('370129005', 'SCT', 'Measurement Method'),
  sumOfSegmentedVoxelVolumes: code('126030', 'DCM', 'Sum of segmented voxel volumes'),
  /** No standard code says "π/6 · a · b · c from three orthogonal diameters": ours, in a private scheme. */
  ellipsoidFromDiameters: code('ELLIPSOID', '99SPINELENS', 'Ellipsoid volume from three orthogonal diameters'),
  standardDeviation: code('386136009', 'SCT', 'Standard Deviation'),
  minimum: code('255605001', 'SCT', 'Minimum'),
  maximum: code('56851009', 'SCT', 'Maximum'),
  comment: code('121106', 'DCM', 'Comment'),
  seriesInstanceUid: code('112002', 'DCM', 'Series Instance UID'),
  /** What SpineLens keeps of a drawing that no standard concept names: ours, in a private scheme. */
  arrow: code('ARROW', '99SPINELENS', 'Arrow annotation'),
  diameterAxis: code('AXIS', '99SPINELENS', 'Diameter axis'),
  viewPlaneNormal: code('VIEWNORMAL', '99SPINELENS', 'Normal of the view plane drawn in (LPS)'),
  mm: code('mm', 'UCUM', 'millimeter'),
  mm2: code('mm2', 'UCUM', 'square millimeter'),
  ml: code('ml', 'UCUM', 'milliliter'),
  hu: code('[hnsf\'U]', 'UCUM', 'Hounsfield unit'),
  noUnits: code('1', 'UCUM', 'no units'),
} as const;

/** A vertebral level as a finding-site code of our private scheme (SNOMED has no code for a span like "C2-3"). */
export const levelCode = (level: string): Code => code(level, '99SPINELENS', `Vertebral level ${level}`);

/** The anatomical axis a length stands for ("ap", "transverse", "cc") as a code of our private scheme. */
export const axisCode = (axis: string): Code => code(axis, '99SPINELENS', `${{ ap: 'Anteroposterior', transverse: 'Transverse', cc: 'Craniocaudal' }[axis] ?? axis} diameter`);

export const sameCode = (a: Code | undefined, b: Code): boolean => a?.CodeValue === b.CodeValue && a.CodingSchemeDesignator === b.CodingSchemeDesignator;
