import { create } from 'zustand';
import type { Vertebra } from '../../lesions';

/** Where a study's labelling starts until the reader picks another level. */
export const FIRST_LABEL: Vertebra = 'C2';

interface LabelingState {
  /** Per study: the vertebra the next click of the label tool places there (each study follows its own sequence). */
  nextByStudy: Readonly<Record<string, Vertebra>>;
  setNext(studyInstanceUid: string, vertebra: Vertebra): void;
}

export const useLabelingStore = create<LabelingState>()((set) => ({
  nextByStudy: {},
  setNext: (studyInstanceUid, vertebra) => set((s) => ({ nextByStudy: { ...s.nextByStudy, [studyInstanceUid]: vertebra } })),
}));

export const nextLabelIn = (state: Pick<LabelingState, 'nextByStudy'>, studyInstanceUid: string): Vertebra => state.nextByStudy[studyInstanceUid] ?? FIRST_LABEL;
