import { create } from 'zustand';
import type { Vertebra } from '../lesions';

interface LabelingState {
  /** The vertebra the next click of the label tool places. */
  next: Vertebra;
  setNext(vertebra: Vertebra): void;
}

export const useLabelingStore = create<LabelingState>()((set) => ({
  next: 'C2',
  setNext: (next) => set({ next }),
}));
