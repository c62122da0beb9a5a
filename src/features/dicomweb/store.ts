import { create } from 'zustand';
import { searchProblem, type StudySearch, type StudySummary } from './core/studySearch';
import { parseSavedServers, serverUrlProblem, withServer, type SavedServer } from './core/serverList';
import { errorMessage } from './core/errors';

const SERVERS_KEY = 'spinelens.dicomweb.servers';
const SELECTED_KEY = 'spinelens.dicomweb.selected';

/** A store of the reading (SR, SEG) that has not reached the server yet; its files stay here until it does. */
export interface PendingStore {
  id: string;
  label: string;
  serverUrl: string;
  files: ArrayBuffer[];
  /** ISO time of the first attempt. */
  savedAt: string;
  state: 'storing' | 'failed' | 'stored';
  message: string;
}

interface DicomWebState {
  servers: SavedServer[];
  selectedUrl: string | null;
  search: StudySearch;
  results: StudySummary[] | null;
  busy: 'search' | 'open' | null;
  error: string | null;
  /** Other studies of the patient last opened from the server. */
  priors: StudySummary[];
  pendingStores: PendingStore[];
  addServer(server: SavedServer): string | null;
  removeServer(url: string): void;
  selectServer(url: string): void;
  setSearch(search: Partial<StudySearch>): void;
  validateSearch(): string | null;
  setBusy(busy: DicomWebState['busy']): void;
  setResults(results: StudySummary[] | null): void;
  setError(error: unknown): void;
  setPriors(priors: StudySummary[]): void;
  upsertPendingStore(store: PendingStore): void;
}

function load<T>(read: () => T, fallback: T): T {
  try {
    return read();
  } catch {
    return fallback;
  }
}

function save(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode or full storage: the list still works for this page.
  }
}

const initialServers = load(() => parseSavedServers(localStorage.getItem(SERVERS_KEY)), []);

export const useDicomWebStore = create<DicomWebState>((set, get) => ({
  servers: initialServers,
  selectedUrl: load(() => localStorage.getItem(SELECTED_KEY), null) ?? initialServers[0]?.url ?? null,
  search: {},
  results: null,
  busy: null,
  error: null,
  priors: [],
  pendingStores: [],
  addServer: (server) => {
    const problem = serverUrlProblem(server.url);
    if (problem) return problem;
    const servers = withServer(get().servers, server);
    const url = server.url.trim().replace(/\/+$/, '');
    save(SERVERS_KEY, JSON.stringify(servers));
    save(SELECTED_KEY, url);
    set({ servers, selectedUrl: url, results: null, error: null });
    return null;
  },
  removeServer: (url) => {
    const servers = get().servers.filter((s) => s.url !== url);
    const selectedUrl = get().selectedUrl === url ? (servers[0]?.url ?? null) : get().selectedUrl;
    save(SERVERS_KEY, JSON.stringify(servers));
    save(SELECTED_KEY, selectedUrl ?? '');
    set({ servers, selectedUrl, results: null });
  },
  selectServer: (url) => {
    save(SELECTED_KEY, url);
    set({ selectedUrl: url, results: null, error: null, priors: [] });
  },
  setSearch: (search) => set({ search: { ...get().search, ...search } }),
  validateSearch: () => searchProblem(get().search),
  setBusy: (busy) => set({ busy }),
  setResults: (results) => set({ results, error: null }),
  setError: (error) => set({ error: error === null ? null : errorMessage(error) }),
  setPriors: (priors) => set({ priors }),
  upsertPendingStore: (store) => set({ pendingStores: [...get().pendingStores.filter((s) => s.id !== store.id), store].sort((a, b) => a.savedAt.localeCompare(b.savedAt)) }),
}));

export function selectedServer(): SavedServer | null {
  const { servers, selectedUrl } = useDicomWebStore.getState();
  return servers.find((s) => s.url === selectedUrl) ?? null;
}
