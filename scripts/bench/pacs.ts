/**
 * The PACS case of the load benchmark: a throw-away Orthanc holding the series, and `vite preview` of the built app
 * proxying /pacs to it with the test user (the same proxy as `npm start`, src/features/dicomweb/pacsProxy.ts).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { startOrthanc, TEST_PASSWORD, TEST_USER, type RunningOrthanc } from '../orthanc';

export const BENCH_ORTHANC_PORT = Number(process.env.SPINELENS_BENCH_ORTHANC_PORT ?? 8045);

export interface BenchPacs {
  orthanc: RunningOrthanc;
  studyInstanceUid: string;
}

/** Starts Orthanc (empty), uploads the files and returns the Study Instance UID Orthanc indexed them under. */
export async function startBenchPacs(files: string[], log: (line: string) => void): Promise<BenchPacs> {
  const orthanc = await startOrthanc(BENCH_ORTHANC_PORT, { seed: false });
  try {
    log(`uploading ${files.length} files to Orthanc on port ${BENCH_ORTHANC_PORT}…`);
    for (const file of files) {
      const response = await orthanc.rest('/instances', { method: 'POST', body: readFileSync(file), headers: { 'Content-Type': 'application/dicom' } });
      if (!response.ok) throw new Error(`Orthanc refused ${file}: HTTP ${response.status}`);
    }
    const studies = (await (await orthanc.rest('/studies?expand')).json()) as { MainDicomTags: { StudyInstanceUID: string } }[];
    if (studies.length !== 1) throw new Error(`Orthanc holds ${studies.length} studies after the upload, expected 1`);
    return { orthanc, studyInstanceUid: studies[0]!.MainDicomTags.StudyInstanceUID };
  } catch (error) {
    await orthanc.stop();
    throw error;
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no free port');
  return address.port;
}

/** `vite preview` of appDir from the source it was built from (its vite.config.ts holds the /pacs proxy). */
export async function previewWithPacsProxy(
  sourceDir: string,
  appDir: string,
  orthanc: RunningOrthanc,
): Promise<{ url: string; close(): Promise<void> }> {
  const port = await freePort();
  const vite = path.join(sourceDir, 'node_modules', '.bin', 'vite');
  const child = spawn(vite, ['preview', '--outDir', appDir, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: sourceDir,
    env: { ...process.env, SPINELENS_PACS_URL: orthanc.dicomWebRoot, SPINELENS_PACS_AUTH: `${TEST_USER}:${TEST_PASSWORD}` },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const url = `http://127.0.0.1:${port}`;
  const close = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with code ${child.exitCode}: ${stderr}`);
    // The proxy answers only once the server is up; a QIDO search through it proves the login reaches Orthanc.
    const answer = await fetch(`${url}/pacs/studies`).catch(() => null);
    if (answer?.ok) return { url, close };
    if (answer && answer.status !== 404) {
      await close();
      throw new Error(`vite preview's /pacs proxy answered HTTP ${answer.status}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await close();
  throw new Error(`vite preview did not answer within 30 s: ${stderr}`);
}
