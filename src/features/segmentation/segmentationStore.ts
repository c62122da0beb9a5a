import { create } from 'zustand';
import type { SegmentationFlag } from '../../lesions/lesion';

/**
 * Where the grown region's edge sits between the lesion's intensity (0) and its surroundings' (1), both learnt
 * from the region: 0.5 (halfway) is unbiased for partial-volume edges. Steps of EDGE_STEP: each one moves the
 * edge through the partial-volume voxels, so each changes the volume.
 */
export const EDGE_LEVELS = { min: 0.3, max: 0.7, step: 0.05, default: 0.5 } as const;

export interface SegmentationResult {
  voxelCount: number;
  voxelVolumeMm3: number;
  volumeMl: number;
  longestDiameterMm: number;
  perpendicularDiameterMm: number;
}

/** One lesion's segment (label) in a series' labelmap. */
export interface SegmentView {
  /** Segment index in the labelmap. */
  label: number;
  lesionId: string;
  result: SegmentationResult;
  method: 'grow' | 'line' | 'edit';
  flags: readonly SegmentationFlag[];
  /** ISO 8601: the reader confirmed this flagged volume. */
  confirmedAt?: string;
  /** What the last grow learnt (lesion and surroundings intensity) and how long it took (worker round trip). */
  lastGrow: { lesionMean: number; backgroundMedian: number | null; ms: number } | null;
}

/** What the panel shows of the segmentation of one series. */
export interface SegmentationView {
  segmentationId: string;
  seriesKey: string;
  seriesLabel: string;
  seriesDescription: string;
  studyInstanceUid: string;
  modality: string;
  segments: readonly SegmentView[];
  /** The segment that Grow, the brush and the eraser work on. */
  activeLabel: number;
  edgeLevel: number;
  hasSeed: boolean;
  canUndo: boolean;
  canRedo: boolean;
}

export interface SegmentationStoreState {
  /** By series key. */
  views: Readonly<Record<string, SegmentationView>>;
  busy: boolean;
  message: string | null;
  /** Brush and eraser radius in mm. */
  brushSizeMm: number;
  /** Value range [low, high] the threshold brush paints (HU on CT, signal on MR); the last grow's window fills it in. */
  thresholdRange: [number, number];
  putView(view: SegmentationView): void;
  patchView(seriesKey: string, patch: Partial<SegmentationView>): void;
  removeView(seriesKey: string): void;
  setBusy(busy: boolean): void;
  setMessage(message: string | null): void;
  setBrushSize(mm: number): void;
  setThresholdRange(range: [number, number]): void;
}

/** Soft-tissue lesion on CT (enhancing lesion ≈ 85 HU, muscle ≈ 50 HU; fat and air far below). */
export const DEFAULT_THRESHOLD_RANGE: [number, number] = [40, 150];

export const useSegmentationStore = create<SegmentationStoreState>()((set) => ({
  views: {},
  busy: false,
  message: null,
  brushSizeMm: 5,
  thresholdRange: DEFAULT_THRESHOLD_RANGE,
  putView: (view) => set((s) => ({ views: { ...s.views, [view.seriesKey]: view } })),
  patchView: (seriesKey, patch) =>
    set((s) => {
      const old = s.views[seriesKey];
      return old ? { views: { ...s.views, [seriesKey]: { ...old, ...patch } } } : {};
    }),
  removeView: (seriesKey) =>
    set((s) => {
      const { [seriesKey]: _gone, ...views } = s.views;
      return { views };
    }),
  setBusy: (busy) => set({ busy }),
  setMessage: (message) => set({ message }),
  setBrushSize: (brushSizeMm) => set({ brushSizeMm }),
  setThresholdRange: (thresholdRange) => set({ thresholdRange }),
}));
