import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuthorization, orthancMissingReason, startOrthanc, TEST_USER, type RunningOrthanc } from '../../scripts/orthanc';
import { listInstances, retrieveInstance, searchStudies, storeInstances, type DicomWebServer } from '../../src/features/dicomweb/core/client';
import { DicomWebError } from '../../src/features/dicomweb/core/errors';
import { remoteFiles } from '../../src/features/dicomweb/core/studySources';
import { newObjectInStudy, ORTHANC_TEST_PORT, sampleFiles } from './orthancFixture';
import { installFetchXhr } from './fetchXhr';

installFetchXhr();

const missing = orthancMissingReason();
const hasDcmcjpls = (() => {
  try {
    execFileSync('dcmcjpls', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (missing) console.warn(missing);

const baseline = sampleFiles('baseline');
const followup = sampleFiles('followup');
const baselineUid = baseline[0]!.studyInstanceUid;
const followupUid = followup[0]!.studyInstanceUid;

async function problemOf(promise: Promise<unknown>): Promise<DicomWebError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DicomWebError);
  return error as DicomWebError;
}

describe.skipIf(missing !== null)('DICOMweb client against a real Orthanc', () => {
  let orthanc: RunningOrthanc;
  let pacs: DicomWebServer;

  beforeAll(async () => {
    orthanc = await startOrthanc(ORTHANC_TEST_PORT);
    pacs = { name: 'Test PACS', url: orthanc.dicomWebRoot, authorization: orthanc.authorization };
  }, 60_000);
  afterAll(() => orthanc?.stop());

  it('finds the sample patient by name (case and prefix), newest study first, with the image counts of the files', async () => {
    const studies = await searchStudies(pacs, { patientName: 'phantom' });
    expect(studies.map((s) => s.studyInstanceUid)).toEqual([followupUid, baselineUid]);
    expect(studies.map((s) => s.studyDate)).toEqual(['2026-04-06', '2026-01-05']);
    expect(studies.map((s) => s.instanceCount)).toEqual([followup.length, baseline.length]);
    expect(studies[1]!.modalities.sort()).toEqual(['CT', 'MR']);
    expect(studies[0]!.patientName).toBe('PHANTOM^CSPINE');
  });

  it('filters by patient ID, date range and modality', async () => {
    expect(await searchStudies(pacs, { patientId: 'SLPH-0001' })).toHaveLength(2);
    expect(await searchStudies(pacs, { patientId: 'NO-SUCH-ID' })).toEqual([]);
    expect((await searchStudies(pacs, { dateFrom: '2026-03-01' })).map((s) => s.studyInstanceUid)).toEqual([followupUid]);
    expect((await searchStudies(pacs, { dateTo: '2026-02-01' })).map((s) => s.studyInstanceUid)).toEqual([baselineUid]);
    expect(await searchStudies(pacs, { dateFrom: '2026-01-06', dateTo: '2026-04-05' })).toEqual([]);
    expect((await searchStudies(pacs, { modality: 'ct' })).map((s) => s.studyInstanceUid)).toEqual([baselineUid]);
    expect(await searchStudies(pacs, { patientName: 'SOMEONE ELSE' })).toEqual([]);
  });

  it('retrieves every image of a study byte for byte as uploaded, the middle slice first', async () => {
    const refs = await listInstances(pacs, followupUid);
    expect(refs).toHaveLength(followup.length);
    const files = remoteFiles(pacs, refs);
    const numbers = refs.map((r) => r.instanceNumber ?? 0).sort((a, b) => a - b);
    const middle = numbers[Math.floor((numbers.length - 1) / 2)];
    expect(refs.find((r) => files[0]!.name.endsWith(r.sopInstanceUid))?.instanceNumber).toBe(middle);
    const bySop = new Map(followup.map((f) => [f.sopInstanceUid, f.bytes]));
    for (const ref of refs) {
      const bytes = Buffer.from(await retrieveInstance(pacs, ref));
      expect(bytes.equals(bySop.get(ref.sopInstanceUid)!), ref.sopInstanceUid).toBe(true);
    }
  });

  it('says plainly that a study is not on the server', async () => {
    const error = await problemOf(listInstances(pacs, '1.2.3.4.5.999'));
    expect(error.problem).toBe('notFound');
    expect(error.message).toMatch(/has no study 1\.2\.3\.4\.5\.999/);
  });

  it('names a wrong address: no server, not DICOMweb, not JSON of datasets, not a URL', async () => {
    const nobody = await problemOf(searchStudies({ ...pacs, url: 'http://127.0.0.1:9/dicom-web' }, {}));
    expect(nobody.problem).toBe('unreachable');
    expect(nobody.message).toMatch(/could not be reached/);
    const wrongPath = await problemOf(searchStudies({ ...pacs, url: `${orthanc.origin}/not-dicom-web` }, {}));
    expect(wrongPath.problem).toBe('notFound');
    // Orthanc's own REST /studies answers a JSON list of ids, not DICOM datasets.
    const restRoot = await problemOf(searchStudies({ ...pacs, url: orthanc.origin }, {}));
    expect(restRoot.problem).toBe('malformed');
    const notUrl = await problemOf(searchStudies({ ...pacs, url: 'pacs.example' }, {}));
    expect(notUrl.problem).toBe('unreachable');
    expect(notUrl.message).toMatch(/not a valid server address/);
  });

  it('reports missing and wrong credentials as a login problem', async () => {
    const none = await problemOf(searchStudies({ ...pacs, authorization: undefined }, {}));
    expect(none.problem).toBe('unauthorized');
    const wrong = await problemOf(searchStudies({ ...pacs, authorization: basicAuthorization(TEST_USER, 'wrong') }, {}));
    expect(wrong.problem).toBe('unauthorized');
    expect(wrong.message).toMatch(/HTTP 401/);
  });

  it('stores new objects with STOW-RS; the server then lists them in the study', async () => {
    const sop = `2.25.${BigInt(Date.now()) * 1000n + 1n}`;
    const series = `2.25.${BigInt(Date.now()) * 1000n + 2n}`;
    const result = await storeInstances(pacs, [newObjectInStudy(followup[0]!, sop, series)]);
    expect(result).toEqual({ stored: [sop], failed: [] });
    // Asked through Orthanc's REST API, not through our client.
    const found = (await (await orthanc.rest('/tools/find', { method: 'POST', body: JSON.stringify({ Level: 'Instance', Query: { SOPInstanceUID: sop, StudyInstanceUID: followupUid } }) })).json()) as string[];
    expect(found).toHaveLength(1);
    expect(await listInstances(pacs, followupUid)).toHaveLength(followup.length + 1);
  });

  it('retrieves a JPEG-LS file as stored (transfer-syntax=*), not transcoded by the server', async (context) => {
    if (!hasDcmcjpls) return context.skip('dcmcjpls (dcmtk) not installed: transfer-syntax check skipped');
    const folder = mkdtempSync(path.join(tmpdir(), 'spinelens-jls-'));
    try {
      const sop = `2.25.${BigInt(Date.now()) * 1000n + 5n}`;
      const series = `2.25.${BigInt(Date.now()) * 1000n + 6n}`;
      writeFileSync(path.join(folder, 'in.dcm'), new Uint8Array(newObjectInStudy(followup[0]!, sop, series)));
      execFileSync('dcmcjpls', [path.join(folder, 'in.dcm'), path.join(folder, 'out.dcm')]);
      const compressed = readFileSync(path.join(folder, 'out.dcm'));
      expect((await orthanc.rest('/instances', { method: 'POST', body: compressed })).ok).toBe(true);
      const bytes = Buffer.from(await retrieveInstance(pacs, { studyInstanceUid: followupUid, seriesInstanceUid: series, sopInstanceUid: sop, instanceNumber: null, modality: 'MR' }));
      // dcmtk names the syntax of what came back: JPEG-LS Lossless, as uploaded.
      writeFileSync(path.join(folder, 'back.dcm'), bytes);
      expect(execFileSync('dcmdump', ['+P', '0002,0010', path.join(folder, 'back.dcm')], { encoding: 'utf8' })).toContain('JPEGLSLossless');
      expect(bytes.equals(compressed)).toBe(true);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('turns a store without credentials into a login problem', async () => {
    const error = await problemOf(storeInstances({ ...pacs, authorization: undefined }, [newObjectInStudy(followup[0]!, '2.25.77', '2.25.78')]));
    expect(error.problem).toBe('unauthorized');
  });

  // Last: it stops the server.
  it('reports a server stopped mid-load as unreachable, after the images already read', async () => {
    const files = remoteFiles(pacs, await listInstances(pacs, baselineUid));
    const firstTen = await Promise.all(files.slice(0, 10).map((f) => f.read()));
    expect(firstTen.every((b) => b.byteLength > 0)).toBe(true);
    await orthanc.stop();
    const error = await problemOf(files[10]!.read());
    expect(error.problem).toBe('unreachable');
    expect(error.message).toMatch(/^Test PACS could not be reached/);
  });
});

describe('DICOMweb client timeouts', () => {
  let silent: Server;
  let url = '';
  beforeAll(async () => {
    // Accepts the connection and never answers.
    silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const address = silent.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/dicom-web`;
  });
  afterAll(() => {
    silent.closeAllConnections();
    silent.close();
  });

  it('gives up after the timeout with a plain message', async () => {
    const error = await problemOf(searchStudies({ name: 'Slow PACS', url, timeoutMs: 300 }, {}));
    expect(error.problem).toBe('timeout');
    expect(error.message).toBe('Slow PACS did not answer within 0.3 s for the study search.');
  });
});

describe('DICOMweb answers that are not DICOMweb', () => {
  let fake: Server;
  let url = '';
  const ref = { studyInstanceUid: '1.2', seriesInstanceUid: '1.2.3', sopInstanceUid: '1.2.3.4', instanceNumber: 1, modality: 'CT' };
  beforeAll(async () => {
    fake = createServer((request, response) => {
      if (request.url?.includes('/json/')) response.writeHead(200, { 'Content-Type': 'application/dicom+json' }).end('[]');
      else if (request.url?.includes('/garbled/')) response.writeHead(200, { 'Content-Type': 'multipart/related; type="application/dicom"; boundary=x' }).end('no parts here');
      else response.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>login page</html>');
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    const address = fake.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => fake.close());

  it('names an image answer that is not multipart DICOM, and one the client cannot decode, without waiting for the timeout', async () => {
    for (const root of ['json', 'garbled']) {
      const started = Date.now();
      const error = await problemOf(retrieveInstance({ name: 'Odd PACS', url: `${url}/${root}`, timeoutMs: 10_000 }, ref));
      expect(error.problem, root).toBe('malformed');
      expect(error.message).toMatch(/^Odd PACS sent image 1\.2\.3\.4 in a form that is not/);
      expect(Date.now() - started).toBeLessThan(2000);
    }
  });

  it('names a search answer that is not DICOM JSON', async () => {
    const error = await problemOf(searchStudies({ name: 'Odd PACS', url: `${url}/html` }, {}));
    expect(error.problem).toBe('malformed');
    expect(error.message).toMatch(/not DICOM JSON/);
  });
});
