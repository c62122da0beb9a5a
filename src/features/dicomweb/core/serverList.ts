import type { DicomWebServer } from './client';

/** The servers the reader keeps, as saved in this browser (never with credentials). */
export type SavedServer = Pick<DicomWebServer, 'name' | 'url'>;

/** A plain reason the address cannot be a DICOMweb root, or null. Relative paths are on this page's origin (a proxy). */
export function serverUrlProblem(url: string): string | null {
  const trimmed = url.trim();
  if (!trimmed) return 'Enter the DICOMweb address of the server, e.g. /pacs or https://pacs.example.org/dicom-web.';
  if (trimmed.startsWith('/')) return null;
  try {
    const parsed = new URL(trimmed);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `"${trimmed}" is not a web address (http or https).`;
    if (parsed.username || parsed.password) return 'Put no user or password in the address: let the proxy add the login.';
    return null;
  } catch {
    return `"${trimmed}" is not a web address: start it with / (this site's proxy) or https://.`;
  }
}

export function defaultServerName(url: string): string {
  const trimmed = url.trim();
  if (trimmed.startsWith('/')) return `This site ${trimmed}`;
  try {
    return new URL(trimmed).host;
  } catch {
    return trimmed;
  }
}

/** Adds (or renames) a server by its address; the list stays in the order added. */
export function withServer(servers: readonly SavedServer[], server: SavedServer): SavedServer[] {
  const url = server.url.trim().replace(/\/+$/, '');
  const known = servers.find((s) => s.url === url);
  // A link without a name (?pacs=) keeps the name the reader gave.
  const entry = { name: server.name.trim() || known?.name || defaultServerName(url), url };
  return known ? servers.map((s) => (s === known ? entry : s)) : [...servers, entry];
}

export function parseSavedServers(json: string | null): SavedServer[] {
  if (!json) return [];
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.filter(
      (s): s is SavedServer => typeof s === 'object' && s !== null && typeof s.name === 'string' && typeof s.url === 'string' && serverUrlProblem(s.url) === null,
    );
  } catch {
    return [];
  }
}
