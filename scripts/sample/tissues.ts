/** Tissue labels of the phantom and their CT / T2-MR signal. */
export const Tissue = {
  AIR: 0,
  SKIN: 1,
  FAT: 2,
  MUSCLE: 3,
  CORTICAL_BONE: 4,
  CANCELLOUS_BONE: 5,
  DISC: 6,
  CSF: 7,
  CORD: 8,
  LESION: 9,
  VESSEL: 10,
} as const;
export type Tissue = (typeof Tissue)[keyof typeof Tissue];

export const TISSUE_COUNT = 11;

export const TISSUE_NAMES: readonly string[] = [
  'air',
  'skin',
  'fat',
  'muscle',
  'cortical bone',
  'cancellous bone',
  'intervertebral disc',
  'CSF',
  'spinal cord',
  'lesion',
  'vessel',
];

/** Hounsfield units, indexed by Tissue. Contrast-enhanced (venous phase): the lesion enhances above muscle. */
export const CT_HU: readonly number[] = [-1000, 30, -100, 50, 1200, 320, 80, 5, 35, 85, 160];

/** T2-weighted fast spin-echo signal (arbitrary units), indexed by Tissue. Vessels are flow voids. */
export const MR_T2: readonly number[] = [0, 400, 1200, 350, 50, 500, 900, 1800, 600, 1000, 60];
