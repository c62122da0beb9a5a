import { create } from 'zustand';
import type { Vec3 } from '../../geometry/vec3';
import type { VertebralLabel } from '../../lesions';

/** Picking a point pair: waiting for the landmark in the baseline, then for the same landmark in the follow-up. */
export type PointPick = { step: 'baseline' } | { step: 'followup'; baselinePoint: Vec3 };

/** Whether the two viewports of the 1×2 layout are compared (kept in step); the alignment itself is saved in the measurement store. */
export interface ComparisonState {
  active: boolean;
  /** Non-null while the user picks a point pair. */
  pointPick: PointPick | null;
  /**
   * The labels as they were when the reader started labelling; non-null while labelling. The alignment by labels
   * is fitted to these until the reader finishes, so the follow-up does not move under the cursor between clicks.
   */
  labelsBeforeLabelling: readonly VertebralLabel[] | null;
  setActive(active: boolean): void;
  setPointPick(pick: PointPick | null): void;
  setLabelsBeforeLabelling(labels: readonly VertebralLabel[] | null): void;
}

export const useComparisonStore = create<ComparisonState>()((set) => ({
  active: false,
  pointPick: null,
  labelsBeforeLabelling: null,
  setActive: (active) => set(active ? { active } : { active, pointPick: null }),
  setPointPick: (pointPick) => set({ pointPick }),
  setLabelsBeforeLabelling: (labelsBeforeLabelling) => set({ labelsBeforeLabelling }),
}));

