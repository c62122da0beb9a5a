import { create } from 'zustand';

/** Tolerance of the intensity window around the seed: a multiple of the seed neighbourhood SD, or ± % of its mean. */
export type ToleranceUnit = 'sd' | 'percent';
export interface Tolerance {
  unit: ToleranceUnit;
  value: number;
}

/** Defaults that reach the sample lesion from one click: CT ±3 SD, MR ±30 % (partial-volume edges on 3 mm slices). */
export function defaultTolerance(modality: string): Tolerance {
  return modality === 'CT' ? { unit: 'sd', value: 3 } : { unit: 'percent', value: 30 };
}

export interface SegmentationResult {
  voxelCount: number;
  voxelVolumeMm3: number;
  volumeMl: number;
  longestDiameterMm: number;
  perpendicularDiameterMm: number;
}

/** What the panel shows of the segmentation of one series. */
export interface SegmentationView {
  segmentationId: string;
  seriesKey: string;
  seriesLabel: string;
  studyInstanceUid: string;
  modality: string;
  lesionId: string;
  tolerance: Tolerance;
  result: SegmentationResult;
  /** Intensity window and duration (worker round trip) of the last grow. */
  lastGrow: { range: [number, number]; ms: number } | null;
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
