import dcmjs from 'dcmjs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dicomFilesIn, SAMPLE_DIR } from '../../scripts/orthanc';

export const ORTHANC_TEST_PORT = 8043;

export interface SampleFile {
  path: string;
  bytes: Buffer;
  sopInstanceUid: string;
  studyInstanceUid: string;
}

/** The sample files as read by dcmjs: an independent reading of what was uploaded. */
export function sampleFiles(folder = ''): SampleFile[] {
  return dicomFilesIn(path.join(SAMPLE_DIR, folder)).map((file) => {
    const bytes = readFileSync(file);
    const dict = dcmjs.data.DicomMessage.readFile(new Uint8Array(bytes).buffer);
    const uid = (tag: string) => String(dict.dict[tag]?.Value?.[0] ?? '');
    return { path: file, bytes, sopInstanceUid: uid('00080018'), studyInstanceUid: uid('0020000D') };
  });
}

/** A copy of a sample file as a new object in the same study (new SOP Instance and Series UIDs). */
export function newObjectInStudy(source: SampleFile, sopInstanceUid: string, seriesInstanceUid: string): ArrayBuffer {
  const dict = dcmjs.data.DicomMessage.readFile(new Uint8Array(source.bytes).buffer);
  dict.dict['00080018'] = { vr: 'UI', Value: [sopInstanceUid] };
  dict.dict['0020000E'] = { vr: 'UI', Value: [seriesInstanceUid] };
  dict.meta['00020003'] = { vr: 'UI', Value: [sopInstanceUid] };
  return dict.write();
}
