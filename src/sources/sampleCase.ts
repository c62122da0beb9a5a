import { fromUrl, type SourceFile } from './sourceFile';

// Vite turns each bundled sample file into a URL (served in dev, emitted as an asset in a build).
const sampleUrls = import.meta.glob('/sample-dicom/**/*.dcm', { query: '?url', import: 'default', eager: true }) as Record<
  string,
  string
>;

/** The bundled cervical-spine phantom (baseline CT + MR, 3-month MR), as loadable files. */
export function sampleCaseFiles(): SourceFile[] {
  return Object.entries(sampleUrls)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, url]) => fromUrl(url, path.replace(/^\/sample-dicom\//, 'sample-dicom/')));
}
