import { createDeidentifySession } from '../../deidentify';
import { caseFile, teachingCaseEntries } from '../../export';
import { instanceBytes, loadedCase } from './adapters/loadedCase';
import { segmentationObjects } from './segmentations';
import { structuredReports } from './structuredReports';
import { zipArchive } from './zip/zipWriter';

export interface TeachingCaseResult {
  parts: Uint8Array<ArrayBuffer>[];
  written: number;
  leftOut: { fileName: string; reason: string; burnedIn: boolean }[];
}

/**
 * The de-identified teaching case of the loaded studies as one zip: the images, the SR of each study, the SEG of
 * each segmented series (open now or saved earlier) and the case file, all through one de-identification session.
 */
export async function buildTeachingCase(includeBurnedIn: boolean, onProgress: (done: number, total: number) => void): Promise<TeachingCaseResult> {
  const { state, context, instances } = loadedCase();
  const images = instances.map((instance) => ({ ...instance, read: () => instanceBytes(instance) }));
  const problems: string[] = [];
  const segmentations = await segmentationObjects(state, context, problems);
  const { entries, written, leftOut } = await teachingCaseEntries(
    // Dated 1970: the export time would tell when the case was read.
    { images, reports: structuredReports(state, context), segmentations, caseFile: caseFile(state, context, new Date(0)) },
    createDeidentifySession(),
    includeBurnedIn,
    onProgress,
  );
  const notMade = problems.map((reason) => ({ fileName: 'segmentation', reason, burnedIn: false }));
  return { parts: zipArchive(entries), written, leftOut: [...leftOut, ...notMade] };
}
