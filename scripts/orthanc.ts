/**
 * A throw-away Orthanc for tests: JSON config, storage in a temporary folder, the DICOMweb plugin,
 * loopback only, authentication on with a test user. Seeds it with sample-dicom over the REST API.
 *
 *   npx tsx scripts/orthanc.ts start [port]   # starts, seeds, prints the URL, runs until Ctrl+C
 *
 * Tests import startOrthanc() and call stop() when done.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const ORTHANC_BINARY = process.env.SPINELENS_ORTHANC ?? '/usr/sbin/Orthanc';
export const DICOMWEB_PLUGIN = process.env.SPINELENS_ORTHANC_DICOMWEB ?? '/usr/share/orthanc/plugins/libOrthancDicomWeb.so';
export const TEST_USER = 'spinelens';
export const TEST_PASSWORD = 'test-only-password';
export const SAMPLE_DIR = path.resolve(import.meta.dirname, '../sample-dicom');

/** Why Orthanc tests cannot run here, or null when they can. */
export function orthancMissingReason(): string | null {
  if (!existsSync(ORTHANC_BINARY)) return `Orthanc not installed (${ORTHANC_BINARY}; apt-get install orthanc orthanc-dicomweb): PACS tests skipped`;
  if (!existsSync(DICOMWEB_PLUGIN)) return `Orthanc's DICOMweb plugin not installed (${DICOMWEB_PLUGIN}): PACS tests skipped`;
  return null;
}

export interface RunningOrthanc {
  /** http://127.0.0.1:port */
  origin: string;
  /** The DICOMweb root, origin + /dicom-web */
  dicomWebRoot: string;
  /** Value of an Authorization header for the test user. */
  authorization: string;
  /** REST call with the test user's credentials. */
  rest(pathName: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

export const basicAuthorization = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

export async function startOrthanc(port: number, options: { seed?: boolean } = {}): Promise<RunningOrthanc> {
  const missing = orthancMissingReason();
  if (missing) throw new Error(missing);
  const folder = mkdtempSync(path.join(tmpdir(), 'spinelens-orthanc-'));
  const config = {
    Name: 'SpineLensTest',
    StorageDirectory: path.join(folder, 'db'),
    IndexDirectory: path.join(folder, 'db'),
    HttpPort: port,
    RemoteAccessAllowed: false,
    AuthenticationEnabled: true,
    RegisteredUsers: { [TEST_USER]: TEST_PASSWORD },
    DicomServerEnabled: false,
    Plugins: [DICOMWEB_PLUGIN],
    DicomWeb: { Enable: true, Root: '/dicom-web/' },
  };
  const configPath = path.join(folder, 'orthanc.json');
  writeFileSync(configPath, JSON.stringify(config, null, 2));
  const child = spawn(ORTHANC_BINARY, [configPath], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const origin = `http://127.0.0.1:${port}`;
  const authorization = basicAuthorization(TEST_USER, TEST_PASSWORD);
  const rest = (pathName: string, init: RequestInit = {}) =>
    fetch(origin + pathName, { ...init, headers: { Authorization: authorization, ...(init.headers as Record<string, string> | undefined) } });
  const stop = () => stopProcess(child).finally(() => rmSync(folder, { recursive: true, force: true }));
  try {
    await waitUntilUp(rest, child, () => log);
    if (options.seed ?? true) await uploadFolder(rest, SAMPLE_DIR);
  } catch (error) {
    await stop();
    throw error;
  }
  return { origin, dicomWebRoot: `${origin}/dicom-web`, authorization, rest, stop };
}

async function waitUntilUp(rest: RunningOrthanc['rest'], child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Orthanc exited with code ${child.exitCode}: ${log()}`);
    try {
      if ((await rest('/system')).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Orthanc did not answer within 15 s: ${log()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export function dicomFilesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return dicomFilesIn(full);
    return name.endsWith('.dcm') ? [full] : [];
  });
}

/** Uploads every .dcm under a folder with POST /instances (Orthanc's REST API). */
export async function uploadFolder(rest: RunningOrthanc['rest'], dir: string): Promise<number> {
  const files = dicomFilesIn(dir);
  for (const file of files) {
    const response = await rest('/instances', { method: 'POST', body: readFileSync(file), headers: { 'Content-Type': 'application/dicom' } });
    if (!response.ok) throw new Error(`Orthanc refused ${file}: HTTP ${response.status}`);
  }
  return files.length;
}

async function main(): Promise<void> {
  const [command, portArg] = process.argv.slice(2);
  if (command !== 'start') {
    console.log('usage: tsx scripts/orthanc.ts start [port=8043]');
    process.exit(2);
  }
  const orthanc = await startOrthanc(Number(portArg ?? 8043));
  console.log(`Orthanc at ${orthanc.origin} (DICOMweb ${orthanc.dicomWebRoot}), user ${TEST_USER} / ${TEST_PASSWORD}, sample-dicom uploaded. Ctrl+C stops it.`);
  const shutdown = () => void orthanc.stop().then(() => process.exit(0));
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) void main();

/** The e2e Orthanc's port, and the env that makes the preview server proxy /pacs to it with the test user. */
export const E2E_ORTHANC_PORT = 8043;
export function e2ePacsProxyEnv(): Record<string, string> {
  return {
    SPINELENS_PACS_URL: process.env.SPINELENS_PACS_URL ?? `http://127.0.0.1:${E2E_ORTHANC_PORT}/dicom-web`,
    SPINELENS_PACS_AUTH: process.env.SPINELENS_PACS_AUTH ?? `${TEST_USER}:${TEST_PASSWORD}`,
  };
}
