import { create } from 'zustand';
import type { DiameterAxis, Measurement } from '../measure/types';
import {
  emptyState,
  type Lesion,
  type LesionSite,
  type LesionStatus,
  type SegmentationSummary,
  type SpineLensState,
  type StudyAlignment,
  type VertebralLabel,
} from '../lesions';
import type { AnnotationJson } from '../measure/annotationConversion';
import { keepUserFields, newLesion, noteLevelChange, updateLesion, withAutoLevels, withLevelChanges, withoutLesion } from './caseEdits';
import { sameDrawing, withDrawing, withoutDrawing, type Drawings } from './drawings';

/**
 * The case record of the loaded studies: what the reader made (lesions, measurements, labels, segmentation
 * summaries, alignment) and the Cornerstone drawing of each measurement. Whether it is saved is in
 * saveStatusStore; saving it is storage/autosave's job.
 */
export interface MeasurementStoreState {
  /** What the user created for the loaded studies; autosaved under state.studiesKey. */
  state: SpineLensState;
  /** Cornerstone drawing of each measurement (by measurement id), so a restore redraws it exactly. */
  annotations: Drawings;
  /** Keeps the level the measurement had before the edit (as the reader's level) and closes the notice. */
  keepPreviousLevel(measurementId: string): void;
  acceptLevelChange(measurementId: string): void;
  /** Replaces everything, e.g. after loading saved state for newly loaded studies. */
  replaceAll(state: SpineLensState, annotations: Drawings): void;
  /** Adds or updates a measurement; the user's label, lesion and creation time survive edits. */
  upsertMeasurement(measurement: Measurement, annotation?: AnnotationJson): void;
  removeMeasurement(id: string): void;
  /** Makes a new lesion without measurements (e.g. to segment it first); returns its id. */
  createLesion(name?: string): string;
  /** Makes a new lesion holding the measurement; returns the lesion id. */
  createLesionFromMeasurement(measurementId: string, name?: string): string | null;
  renameLesion(lesionId: string, name: string): void;
  /** A level typed by the user; an empty string returns to the automatic level. */
  setLesionLevel(lesionId: string, level: string): void;
  setLesionSite(lesionId: string, site: LesionSite): void;
  setLesionStatus(lesionId: string, status: LesionStatus): void;
  setLesionNotes(lesionId: string, notes: string): void;
  removeLesion(lesionId: string): void;
  /** What removeLesion would take away, to give to restoreLesion on undo. */
  lesionSnapshot(lesionId: string): LesionSnapshot | null;
  /** Puts a deleted lesion back where it was, with its links to measurements and its segmentation summaries. */
  restoreLesion(snapshot: LesionSnapshot): void;
  /** The level the user gives a measurement; an empty string returns to the level from the labels. */
  setMeasurementLevel(measurementId: string, level: string): void;
  /** Which diameter of its lesion a length measures (AP, transverse, craniocaudal), or none. */
  setMeasurementAxis(measurementId: string, axis: DiameterAxis | null): void;
  /** Links a measurement to a lesion (or unlinks it with null). */
  assignMeasurement(measurementId: string, lesionId: string | null): void;
  /** Places a vertebral label; a label of the same vertebra in the same study is replaced. */
  upsertLabel(label: VertebralLabel): void;
  removeLabel(labelId: string): void;
  /** The segmentation result of a lesion at a timepoint; replaces the previous one. */
  upsertSegmentationSummary(summary: SegmentationSummary): void;
  /** Summaries are kept per lesion and series: a second series of the same study never replaces the first. */
  removeSegmentationSummary(lesionId: string, seriesKey: string): void;
  setBaselineStudy(studyInstanceUid: string | undefined): void;
  /** The series that counts at a timepoint; undefined goes back to the default. */
  setCountedSeries(studyInstanceUid: string, seriesKey: string | undefined): void;
  /** The alignment between two studies; replaces the previous one of the same pair. */
  setAlignment(alignment: StudyAlignment): void;
}

/** A lesion as it was before deletion: itself, its place in the list, its measurements and segmentation summaries. */
export interface LesionSnapshot {
  lesion: Lesion;
  index: number;
  measurementIds: readonly string[];
  summaries: readonly SegmentationSummary[];
}

export const useMeasurementStore = create<MeasurementStoreState>()((set, get) => ({
  state: emptyState(''),
  annotations: {},
  replaceAll: (state, annotations) => set({ state: withAutoLevels(state), annotations }),
  upsertMeasurement: (measurement, annotation) =>
    set((s) => {
      const old = s.state.measurements.find((m) => m.id === measurement.id);
      const merged = old ? keepUserFields(measurement, old) : measurement;
      const annotations = annotation ? withDrawing(s.annotations, measurement.id, annotation) : s.annotations;
      // Cornerstone re-announces unchanged annotations on every render: no new state, so no save, for those.
      if (old && JSON.stringify(old) === JSON.stringify(merged) && sameDrawing(annotations, s.annotations, measurement.id)) return {};
      const measurements = old ? s.state.measurements.map((m) => (m.id === measurement.id ? merged : m)) : [...s.state.measurements, merged];
      const levelChanges = old ? noteLevelChange(s.state.levelChanges ?? {}, s.state, old, merged) : s.state.levelChanges;
      return { state: withAutoLevels(withLevelChanges({ ...s.state, measurements }, levelChanges)), annotations };
    }),
  keepPreviousLevel: (measurementId) => {
    const change = get().state.levelChanges?.[measurementId];
    if (change) get().setMeasurementLevel(measurementId, change.from);
    get().acceptLevelChange(measurementId);
  },
  acceptLevelChange: (measurementId) =>
    set((s) => {
      const changes = s.state.levelChanges ?? {};
      if (!(measurementId in changes)) return {};
      const { [measurementId]: _done, ...levelChanges } = changes;
      return { state: withLevelChanges(s.state, levelChanges) };
    }),
  removeMeasurement: (id) =>
    set((s) => {
      if (!s.state.measurements.some((m) => m.id === id) && !(id in s.annotations)) return {};
      const annotations = withoutDrawing(s.annotations, id);
      const { [id]: _change, ...levelChanges } = s.state.levelChanges ?? {};
      return { state: withAutoLevels(withLevelChanges({ ...s.state, measurements: s.state.measurements.filter((m) => m.id !== id) }, levelChanges)), annotations };
    }),
  createLesion: (name) => {
    const { state } = get();
    const lesion = newLesion(name ?? `Lesion ${state.lesions.length + 1}`);
    set({ state: { ...state, lesions: [...state.lesions, lesion] } });
    return lesion.id;
  },
  createLesionFromMeasurement: (measurementId, name) => {
    const { state } = get();
    if (!state.measurements.some((m) => m.id === measurementId)) return null;
    const lesion = newLesion(name ?? `Lesion ${state.lesions.length + 1}`);
    const measurements = state.measurements.map((m) => (m.id === measurementId ? { ...m, lesionId: lesion.id } : m));
    set({ state: withAutoLevels({ ...state, lesions: [...state.lesions, lesion], measurements }) });
    return lesion.id;
  },
  renameLesion: (lesionId, name) => set((s) => ({ state: updateLesion(s.state, lesionId, { name }) })),
  setLesionLevel: (lesionId, level) =>
    set((s) => ({
      // Kept as typed (a trailing space is part of typing "C2 posterior"); cleared, it goes back to the labels' level.
      state: withAutoLevels(updateLesion(s.state, lesionId, level.trim() ? { level, levelSource: 'user' } : { level: '', levelSource: 'auto' })),
    })),
  setLesionSite: (lesionId, site) => set((s) => ({ state: updateLesion(s.state, lesionId, { site }) })),
  setLesionStatus: (lesionId, status) => set((s) => ({ state: updateLesion(s.state, lesionId, { status }) })),
  setLesionNotes: (lesionId, notes) => set((s) => ({ state: updateLesion(s.state, lesionId, { notes }) })),
  removeLesion: (lesionId) =>
    set((s) => ({
      state: {
        ...s.state,
        lesions: s.state.lesions.filter((l) => l.id !== lesionId),
        measurements: s.state.measurements.map((m) => (m.lesionId === lesionId ? withoutLesion(m) : m)),
        segmentationSummaries: s.state.segmentationSummaries.filter((x) => x.lesionId !== lesionId),
      },
    })),
  lesionSnapshot: (lesionId) => {
    const { state } = get();
    const index = state.lesions.findIndex((l) => l.id === lesionId);
    const lesion = state.lesions[index];
    if (!lesion) return null;
    return {
      lesion,
      index,
      measurementIds: state.measurements.filter((m) => m.lesionId === lesionId).map((m) => m.id),
      summaries: state.segmentationSummaries.filter((x) => x.lesionId === lesionId),
    };
  },
  restoreLesion: ({ lesion, index, measurementIds, summaries }) =>
    set((s) => {
      const lesions = s.state.lesions.filter((l) => l.id !== lesion.id);
      lesions.splice(Math.min(index, lesions.length), 0, lesion);
      const linked = new Set(measurementIds);
      const restored = (x: SegmentationSummary) => summaries.some((y) => y.lesionId === x.lesionId && y.seriesKey === x.seriesKey);
      return {
        state: withAutoLevels({
          ...s.state,
          lesions,
          measurements: s.state.measurements.map((m) => (linked.has(m.id) ? { ...m, lesionId: lesion.id } : m)),
          segmentationSummaries: [...s.state.segmentationSummaries.filter((x) => !restored(x)), ...summaries],
        }),
      };
    }),
  setMeasurementLevel: (measurementId, level) =>
    set((s) => ({
      state: {
        ...s.state,
        measurements: s.state.measurements.map((m) => {
          if (m.id !== measurementId) return m;
          const { level: _old, ...rest } = m;
          return (level.trim() ? { ...rest, level } : rest) as Measurement;
        }),
      },
    })),
  setMeasurementAxis: (measurementId, axis) =>
    set((s) => ({
      state: {
        ...s.state,
        measurements: s.state.measurements.map((m) => {
          if (m.id !== measurementId || m.kind !== 'length') return m;
          const { axis: _old, ...rest } = m;
          return axis ? { ...rest, axis } : rest;
        }),
      },
    })),
  assignMeasurement: (measurementId, lesionId) =>
    set((s) => ({
      state: withAutoLevels({
        ...s.state,
        measurements: s.state.measurements.map((m) => (m.id !== measurementId ? m : lesionId ? { ...m, lesionId } : withoutLesion(m))),
      }),
    })),
  upsertLabel: (label) =>
    set((s) => ({
      state: withAutoLevels({
        ...s.state,
        labels: [
          ...s.state.labels.filter((l) => l.id !== label.id && !(l.studyInstanceUid === label.studyInstanceUid && l.vertebra === label.vertebra)),
          label,
        ],
      }),
    })),
  removeLabel: (labelId) => set((s) => ({ state: withAutoLevels({ ...s.state, labels: s.state.labels.filter((l) => l.id !== labelId) }) })),
  upsertSegmentationSummary: (summary) =>
    set((s) => {
      const same = (x: SegmentationSummary) => x.lesionId === summary.lesionId && x.seriesKey === summary.seriesKey;
      const createdAt = s.state.segmentationSummaries.find(same)?.createdAt ?? summary.createdAt ?? new Date().toISOString();
      return {
        state: { ...s.state, segmentationSummaries: [...s.state.segmentationSummaries.filter((x) => !same(x)), { ...summary, createdAt }] },
      };
    }),
  removeSegmentationSummary: (lesionId, seriesKey) =>
    set((s) => ({
      state: {
        ...s.state,
        segmentationSummaries: s.state.segmentationSummaries.filter((x) => !(x.lesionId === lesionId && x.seriesKey === seriesKey)),
      },
    })),
  setBaselineStudy: (baselineStudyUid) =>
    set((s) => {
      const { baselineStudyUid: _old, ...rest } = s.state;
      return { state: baselineStudyUid ? { ...rest, baselineStudyUid } : rest };
    }),
  setCountedSeries: (studyInstanceUid, seriesKey) =>
    set((s) => {
      const others = (s.state.countedSeries ?? []).filter((c) => c.studyInstanceUid !== studyInstanceUid);
      return { state: { ...s.state, countedSeries: seriesKey ? [...others, { studyInstanceUid, seriesKey }] : others } };
    }),
  setAlignment: (alignment) =>
    set((s) => ({
      state: {
        ...s.state,
        alignment: [
          ...(s.state.alignment ?? []).filter((a) => !(a.fromStudyUid === alignment.fromStudyUid && a.toStudyUid === alignment.toStudyUid)),
          alignment,
        ],
      },
    })),
}));
