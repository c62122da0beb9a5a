import type { Code } from '../sr/codes';

const code = (CodeValue: string, CodingSchemeDesignator: string, CodeMeaning: string): Code => ({ CodeValue, CodingSchemeDesignator, CodeMeaning });

/** The concepts a SpineLens SEG uses (PS3.16 CID 7202, 7203, 7150, 7151). */
export const SEG_CODES = {
  sourceImage: code('121322', 'DCM', 'Source image for image processing operation'),
  segmentation: code('113076', 'DCM', 'Segmentation'),
  morphologicallyAlteredStructure: code('49755003', 'SCT', 'Morphologically Altered Structure'),
  lesion: code('52988006', 'SCT', 'Lesion'),
} as const;
