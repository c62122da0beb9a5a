import { create } from 'zustand';

/** Whether the two viewports of the 1×2 layout are compared (kept in step); the alignment itself is saved in the measurement store. */
export interface ComparisonState {
  active: boolean;
  setActive(active: boolean): void;
}

export const useComparisonStore = create<ComparisonState>()((set) => ({
  active: false,
  setActive: (active) => set({ active }),
}));
