import { create } from 'zustand';

/** Whether the case record is saved in this browser, and why not when it is not. */
export interface SaveStatus {
  /** Why the last save or load failed; shown in the status bar until a save succeeds. */
  storageError: string | null;
  /** True from a change until it is written to the browser's storage. */
  savePending: boolean;
  setStorageError(error: string | null): void;
  setSavePending(pending: boolean): void;
}

export const useSaveStatusStore = create<SaveStatus>()((set) => ({
  storageError: null,
  savePending: false,
  setStorageError: (storageError) => set({ storageError }),
  setSavePending: (savePending) => set({ savePending }),
}));
