import { create } from 'zustand';

/** What autosave tells the reader that is not an error: work merged in from another tab. */
export const useSyncNotice = create<{ notice: string | null; setNotice(notice: string | null): void }>((set) => ({
  notice: null,
  setNotice: (notice) => set({ notice }),
}));
