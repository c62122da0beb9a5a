/** SOP classes the viewer meets often, for messages and for telling non-images apart. */

export type SopClassKind = 'image' | 'non-image' | 'directory';

interface SopClassInfo {
  name: string;
  kind: SopClassKind;
}

const I = 'image';
const N = 'non-image';
const P = '1.2.840.10008.5.1.4.1.1.';

const TABLE: Record<string, SopClassInfo> = {
  '1.2.840.10008.1.3.10': { name: 'DICOMDIR (Media Storage Directory)', kind: 'directory' },
  [`${P}1`]: { name: 'CR Image', kind: I },
  [`${P}1.1`]: { name: 'Digital X-Ray Image', kind: I },
  [`${P}1.1.1`]: { name: 'Digital X-Ray Image (for processing)', kind: I },
  [`${P}1.2`]: { name: 'Digital Mammography Image', kind: I },
  [`${P}2`]: { name: 'CT Image', kind: I },
  [`${P}2.1`]: { name: 'Enhanced CT Image', kind: I },
  [`${P}2.2`]: { name: 'Legacy Converted Enhanced CT Image', kind: I },
  [`${P}3.1`]: { name: 'Ultrasound Multi-frame Image', kind: I },
  [`${P}4`]: { name: 'MR Image', kind: I },
  [`${P}4.1`]: { name: 'Enhanced MR Image', kind: I },
  [`${P}4.2`]: { name: 'MR Spectroscopy', kind: N },
  [`${P}4.3`]: { name: 'Enhanced MR Color Image', kind: I },
  [`${P}4.4`]: { name: 'Legacy Converted Enhanced MR Image', kind: I },
  [`${P}6.1`]: { name: 'Ultrasound Image', kind: I },
  [`${P}6.2`]: { name: 'Enhanced Ultrasound Volume', kind: I },
  [`${P}7`]: { name: 'Secondary Capture Image', kind: I },
  [`${P}7.1`]: { name: 'Multi-frame Single Bit Secondary Capture Image', kind: I },
  [`${P}7.2`]: { name: 'Multi-frame Grayscale Byte Secondary Capture Image', kind: I },
  [`${P}7.3`]: { name: 'Multi-frame Grayscale Word Secondary Capture Image', kind: I },
  [`${P}7.4`]: { name: 'Multi-frame True Color Secondary Capture Image', kind: I },
  [`${P}9.1.1`]: { name: '12-lead ECG Waveform', kind: N },
  [`${P}9.1.2`]: { name: 'General ECG Waveform', kind: N },
  [`${P}9.1.3`]: { name: 'Ambulatory ECG Waveform', kind: N },
  [`${P}9.2.1`]: { name: 'Hemodynamic Waveform', kind: N },
  [`${P}9.3.1`]: { name: 'Cardiac Electrophysiology Waveform', kind: N },
  [`${P}9.4.1`]: { name: 'Basic Voice Audio Waveform', kind: N },
  [`${P}11.1`]: { name: 'Grayscale Softcopy Presentation State', kind: N },
  [`${P}11.2`]: { name: 'Color Softcopy Presentation State', kind: N },
  [`${P}11.3`]: { name: 'Pseudo-Color Softcopy Presentation State', kind: N },
  [`${P}11.4`]: { name: 'Blending Softcopy Presentation State', kind: N },
  [`${P}12.1`]: { name: 'X-Ray Angiographic Image', kind: I },
  [`${P}12.2`]: { name: 'X-Ray Radiofluoroscopic Image', kind: I },
  [`${P}13.1.1`]: { name: 'X-Ray 3D Angiographic Image', kind: I },
  [`${P}13.1.3`]: { name: 'Breast Tomosynthesis Image', kind: I },
  [`${P}20`]: { name: 'Nuclear Medicine Image', kind: I },
  [`${P}30`]: { name: 'Parametric Map', kind: I },
  [`${P}66`]: { name: 'Raw Data', kind: N },
  [`${P}66.1`]: { name: 'Spatial Registration', kind: N },
  [`${P}66.2`]: { name: 'Spatial Fiducials', kind: N },
  [`${P}66.3`]: { name: 'Deformable Spatial Registration', kind: N },
  [`${P}66.4`]: { name: 'Segmentation', kind: N },
  [`${P}66.5`]: { name: 'Surface Segmentation', kind: N },
  [`${P}67`]: { name: 'Real World Value Mapping', kind: N },
  [`${P}77.1.1`]: { name: 'VL Endoscopic Image', kind: I },
  [`${P}77.1.2`]: { name: 'VL Microscopic Image', kind: I },
  [`${P}77.1.4`]: { name: 'VL Photographic Image', kind: I },
  [`${P}77.1.6`]: { name: 'VL Whole Slide Microscopy Image', kind: I },
  [`${P}88.11`]: { name: 'Basic Text SR', kind: N },
  [`${P}88.22`]: { name: 'Enhanced SR', kind: N },
  [`${P}88.33`]: { name: 'Comprehensive SR', kind: N },
  [`${P}88.34`]: { name: 'Comprehensive 3D SR', kind: N },
  [`${P}88.40`]: { name: 'Procedure Log', kind: N },
  [`${P}88.50`]: { name: 'Mammography CAD SR', kind: N },
  [`${P}88.59`]: { name: 'Key Object Selection', kind: N },
  [`${P}88.65`]: { name: 'Chest CAD SR', kind: N },
  [`${P}88.67`]: { name: 'X-Ray Radiation Dose SR', kind: N },
  [`${P}88.68`]: { name: 'Radiopharmaceutical Radiation Dose SR', kind: N },
  [`${P}88.71`]: { name: 'Acquisition Context SR', kind: N },
  [`${P}104.1`]: { name: 'Encapsulated PDF', kind: N },
  [`${P}104.2`]: { name: 'Encapsulated CDA', kind: N },
  [`${P}104.3`]: { name: 'Encapsulated STL', kind: N },
  [`${P}128`]: { name: 'PET Image', kind: I },
  [`${P}128.1`]: { name: 'Legacy Converted Enhanced PET Image', kind: I },
  [`${P}130`]: { name: 'Enhanced PET Image', kind: I },
  [`${P}481.1`]: { name: 'RT Image', kind: I },
  [`${P}481.2`]: { name: 'RT Dose', kind: I },
  [`${P}481.3`]: { name: 'RT Structure Set', kind: N },
  [`${P}481.4`]: { name: 'RT Beams Treatment Record', kind: N },
  [`${P}481.5`]: { name: 'RT Plan', kind: N },
  [`${P}481.6`]: { name: 'RT Brachy Treatment Record', kind: N },
  [`${P}481.7`]: { name: 'RT Treatment Summary Record', kind: N },
  [`${P}481.8`]: { name: 'RT Ion Plan', kind: N },
  [`${P}481.9`]: { name: 'RT Ion Beams Treatment Record', kind: N },
};

/** Readable name of a SOP class ("CT Image"); the UID itself when unknown, "unknown SOP class" when empty. */
export function sopClassName(uid: string): string {
  if (uid === '') return 'unknown SOP class';
  return TABLE[uid]?.name ?? `SOP class ${uid}`;
}

/** 'image', 'non-image', 'directory', or null when the class is not in the table. */
export function sopClassKind(uid: string): SopClassKind | null {
  return TABLE[uid]?.kind ?? null;
}
