import { create } from 'zustand';

interface SyncNotice {
  /** What autosave tells the reader that is not an error: work merged in from another tab, or an edit both tabs made. */
  notice: string | null;
  /** True while the notice is about an edit made in two tabs at once: a plain "merged in" does not hide it. */
  conflict: boolean;
  setNotice(notice: string | null, conflict?: boolean): void;
}

export const useSyncNotice = create<SyncNotice>((set) => ({
  notice: null,
  conflict: false,
  setNotice: (notice, conflict = false) => set((s) => (s.conflict && notice !== null && !conflict ? {} : { notice, conflict })),
}));
