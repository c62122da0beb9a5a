/** Minimal typings for the parts of dcmjs the sample generator and its tests use. */
declare module 'dcmjs' {
  type NaturalDataset = Record<string, unknown>;
  type DenaturalizedDataset = Record<string, { vr: string; Value?: unknown[] }>;

  class DicomDict {
    constructor(meta: DenaturalizedDataset);
    meta: DenaturalizedDataset;
    dict: DenaturalizedDataset;
    write(options?: { allowInvalidVRLength?: boolean }): ArrayBuffer;
  }

  const dcmjs: {
    data: {
      DicomDict: typeof DicomDict;
      DicomMessage: {
        readFile(buffer: ArrayBuffer, options?: Record<string, unknown>): DicomDict;
      };
      DicomMetaDictionary: {
        denaturalizeDataset(dataset: NaturalDataset): DenaturalizedDataset;
        naturalizeDataset(dataset: DenaturalizedDataset): NaturalDataset;
      };
    };
  };
  export default dcmjs;
}
