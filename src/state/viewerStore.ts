import { create } from 'zustand';
import type { ToolName } from '../commands';
import type { InstanceMeta, PatientNode, SeriesNode } from '../dicom/types';
import { buildSeries } from '../dicom';
import type { ImportNote } from '../loading/importFiles';

export type ViewMode = 'stack' | 'axial' | 'sagittal' | 'coronal';
export type Layout = '1x1' | '1x2' | '2x2';
export type { ToolName } from '../commands';

/** The panels of the right column; one shows at a time, beside (never over) the viewports. */
export type PanelId = 'lesions' | 'segmentation' | 'timeline' | 'problems' | 'pacs' | 'help';

export interface ViewportSlot {
  seriesKey: string | null;
  mode: ViewMode;
}

export interface Progress {
  label: string;
  done: number;
  total: number;
}

export interface ViewerState {
  instances: InstanceMeta[];
  patients: PatientNode[];
  notes: ImportNote[];
  progress: Progress | null;
  /** The first image of files still being read, shown at once; not a series of the study browser until all are read. */
  preview: SeriesNode | null;
  layout: Layout;
  slots: ViewportSlot[];
  activeSlot: number;
  activeTool: ToolName;
  rightPanel: PanelId | null;
  addImport(instances: InstanceMeta[], notes: ImportNote[]): void;
  /** A file that parsed but whose pixels the decoder rejected: listed like any other bad file. */
  reportDecodeFailure(fileName: string, reason: string, details?: string): void;
  setProgress(progress: Progress | null): void;
  setPreview(preview: SeriesNode | null): void;
  /** Removes a study's images and series; viewports showing them are emptied. Saved work is kept (it comes back on reopening). */
  closeStudy(studyInstanceUid: string): void;
  setLayout(layout: Layout): void;
  showSeries(slot: number, seriesKey: string, mode?: ViewMode): void;
  setMode(slot: number, mode: ViewMode): void;
  setActiveSlot(slot: number): void;
  setActiveTool(tool: ToolName): void;
  /** Shows the panel, or hides it when it is already showing. */
  togglePanel(panel: PanelId): void;
  setPanel(panel: PanelId | null): void;
}

export const SLOT_COUNT: Record<Layout, number> = { '1x1': 1, '1x2': 2, '2x2': 4 };

export const useViewerStore = create<ViewerState>()((set) => ({
  instances: [],
  patients: [],
  notes: [],
  progress: null,
  preview: null,
  layout: '1x1',
  slots: Array.from({ length: 4 }, () => ({ seriesKey: null, mode: 'stack' as ViewMode })),
  activeSlot: 0,
  activeTool: 'WindowLevel',
  rightPanel: null,
  addImport: (instances, notes) =>
    set((state) => {
      const all = [...state.instances, ...instances];
      return { instances: all, patients: buildSeries(all), notes: [...state.notes, ...notes], rightPanel: notes.some((n) => n.severity === 'problem') ? 'problems' : state.rightPanel };
    }),
  reportDecodeFailure: (fileName, reason, details) =>
    set((state) => {
      const text = `Could not decode the pixels: ${reason}`;
      // One line a file, or one a frame when the reason names the frame (a multi-frame file with several damaged frames).
      const perFrame = /^frame \d+ of \d+: /.test(reason);
      const listed = state.notes.some((n) => n.fileName === fileName && n.reason.startsWith('Could not decode') && (!perFrame || n.reason === text));
      return listed ? {} : { notes: [...state.notes, { fileName, reason: text, severity: 'problem', ...(details ? { details } : {}) }], rightPanel: 'problems' };
    }),
  setProgress: (progress) => set({ progress }),
  setPreview: (preview) => set({ preview }),
  closeStudy: (studyInstanceUid) =>
    set((state) => {
      const instances = state.instances.filter((i) => i.studyInstanceUid !== studyInstanceUid);
      if (instances.length === state.instances.length) return {};
      const patients = buildSeries(instances);
      const kept = new Set(allSeries(patients).map((s) => s.key));
      const slots = state.slots.map((s) => (s.seriesKey !== null && !kept.has(s.seriesKey) ? { ...s, seriesKey: null } : s));
      return { instances, patients, slots };
    }),
  setLayout: (layout) =>
    set((state) => {
      // Empty viewports of the new layout take the series not shown yet, in browser order.
      const shown = new Set(state.slots.map((s) => s.seriesKey));
      const unshown = allSeries(state.patients).filter((s) => !shown.has(s.key) && s.frames.length > 1);
      const slots = state.slots.map((slot, i) => {
        if (i >= SLOT_COUNT[layout] || slot.seriesKey !== null) return slot;
        const next = unshown.shift();
        return next ? { seriesKey: next.key, mode: (next.geometry?.isVolume ? 'sagittal' : 'stack') as ViewMode } : slot;
      });
      return { layout, slots };
    }),
  showSeries: (slot, seriesKey, mode) =>
    set((state) => ({
      slots: state.slots.map((s, i) => (i === slot ? { seriesKey, mode: mode ?? s.mode } : s)),
      activeSlot: slot,
    })),
  // A series that is not a volume has only its acquired slices: MPR modes are refused (the toolbar says why).
  setMode: (slot, mode) =>
    set((state) => {
      const series = findSeries(state.patients, state.slots[slot]?.seriesKey ?? null);
      if (mode !== 'stack' && series && !series.geometry?.isVolume) return {};
      return { slots: state.slots.map((s, i) => (i === slot ? { ...s, mode } : s)) };
    }),
  setActiveSlot: (activeSlot) => set({ activeSlot }),
  setActiveTool: (activeTool) => set({ activeTool }),
  togglePanel: (panel) => set((state) => ({ rightPanel: state.rightPanel === panel ? null : panel })),
  setPanel: (rightPanel) => set({ rightPanel }),
}));

export function findSeries(patients: readonly PatientNode[], key: string | null): SeriesNode | undefined {
  if (!key) return undefined;
  for (const patient of patients) for (const study of patient.studies) for (const series of study.series) if (series.key === key) return series;
  return undefined;
}

/** The series a slot shows: one of the loaded series, else the preview of an import under way. */
export function shownSeries(state: Pick<ViewerState, 'patients' | 'preview'>, key: string | null): SeriesNode | undefined {
  return findSeries(state.patients, key) ?? (key !== null && state.preview?.key === key ? state.preview : undefined);
}

export function allSeries(patients: readonly PatientNode[]): SeriesNode[] {
  return patients.flatMap((p) => p.studies.flatMap((s) => s.series));
}
