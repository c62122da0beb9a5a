/** A DICOM data set as dcmjs reads and writes it (tags as GGGGEEEE, upper-case hex). */
export interface DicomElement {
  vr: string;
  Value?: unknown[];
  InlineBinary?: string;
  BulkDataURI?: string;
}

export type DicomDataset = Record<string, DicomElement>;

export const isPrivateTag = (tag: string): boolean => parseInt(tag.slice(0, 4), 16) % 2 === 1;

/** Items of a sequence element (each a nested data set). */
export function sequenceItems(element: DicomElement): DicomDataset[] {
  return (element.Value ?? []) as DicomDataset[];
}

/** The first value of an element as text (PN as its alphabetic form), or undefined. */
export function firstText(dataset: DicomDataset, tag: string): string | undefined {
  const value = dataset[tag]?.Value?.[0];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && 'Alphabetic' in value) return String((value as { Alphabetic: unknown }).Alphabetic);
  return undefined;
}
