import { firstText, type DicomDataset } from './dataset';

/** Modalities whose pixels often carry burned-in patient text (screen captures, projection and scope images). */
const BURNS_IN = new Set(['US', 'XA', 'RF', 'CR', 'DX', 'MG', 'IO', 'PX', 'ES', 'XC', 'GM', 'SM', 'OT', 'SC', 'DOC']);
const SECONDARY_CAPTURE_PREFIX = '1.2.840.10008.5.1.4.1.1.7';

/**
 * Whether pixels may show identifying text that no attribute change removes: "yes" when Burned In
 * Annotation says so, "unknown" when it is absent for a modality that burns in, else "no".
 */
export function burnedInRisk(dataset: DicomDataset): 'yes' | 'unknown' | 'no' {
  const flag = firstText(dataset, '00280301')?.trim().toUpperCase();
  if (flag === 'YES') return 'yes';
  if (flag === 'NO') return 'no';
  const modality = firstText(dataset, '00080060')?.trim().toUpperCase() ?? '';
  const sopClass = firstText(dataset, '00080016') ?? '';
  return BURNS_IN.has(modality) || sopClass.startsWith(SECONDARY_CAPTURE_PREFIX) ? 'unknown' : 'no';
}
