import type { Measurement } from '../measure/types';
import { measurementCentre } from '../measure';
import { assignLevel, lesionPosition, type Lesion, type LevelChange, type SpineLensState } from '../lesions';

// How one edit of the case record changes the rest of it: levels from the labels, the reader's fields kept.

/** The level from the labels at a measurement's centre; '' without labels there. */
function labelLevel(state: SpineLensState, m: Measurement): string {
  const labels = state.labels.filter((l) => l.studyInstanceUid === m.studyInstanceUid);
  return assignLevel(measurementCentre(m), labels, m.frameOfReferenceUid)?.level ?? '';
}

/** Records that an edit moved a measurement to another level (only when its level comes from the labels). */
export function noteLevelChange(changes: Readonly<Record<string, LevelChange>>, state: SpineLensState, old: Measurement, next: Measurement): Readonly<Record<string, LevelChange>> {
  if (next.level !== undefined) return changes;
  const from = changes[next.id]?.from ?? labelLevel(state, old);
  const to = labelLevel(state, next);
  const { [next.id]: _previous, ...others } = changes;
  if (!from || from === to) return next.id in changes ? others : changes;
  return { ...others, [next.id]: { from, to } };
}

/** The saved state carries the level-change notices only while there are some (older records have none). */
export function withLevelChanges(state: SpineLensState, changes: Readonly<Record<string, LevelChange>> | undefined): SpineLensState {
  const { levelChanges: _old, ...rest } = state;
  return changes && Object.keys(changes).length > 0 ? { ...rest, levelChanges: changes } : rest;
}

export function keepUserFields(next: Measurement, old: Measurement): Measurement {
  const kept = { ...next, createdAt: old.createdAt, label: old.label || next.label };
  if (old.lesionId !== undefined) kept.lesionId = old.lesionId;
  if (old.level !== undefined) kept.level = old.level;
  if (kept.kind === 'length' && old.kind === 'length' && old.axis !== undefined) kept.axis = old.axis;
  if (kept.kind === 'bidirectional' && old.kind === 'bidirectional' && old.shortAxisSet) kept.shortAxisSet = true;
  return kept;
}

export function newLesion(name: string): Lesion {
  return { id: crypto.randomUUID(), name, level: '', levelSource: 'auto', site: 'osseous', notes: '', status: 'tracked', createdAt: new Date().toISOString() };
}

export function withoutLesion(m: Measurement): Measurement {
  const { lesionId: _lesionId, ...rest } = m;
  return rest as Measurement;
}

export function updateLesion(state: SpineLensState, lesionId: string, patch: Partial<Lesion>): SpineLensState {
  return { ...state, lesions: state.lesions.map((l) => (l.id === lesionId ? { ...l, ...patch } : l)) };
}

/**
 * Lesions whose level is automatic get it from the vertebral labels: the level at the lesion's
 * position in the earliest study where it is measured and labelled; empty when none can be given.
 */
export function withAutoLevels(state: SpineLensState): SpineLensState {
  let changed = false;
  const lesions = state.lesions.map((lesion) => {
    if (lesion.levelSource !== 'auto') return lesion;
    const level = autoLevel(state, lesion.id) ?? '';
    if (level === lesion.level) return lesion;
    changed = true;
    return { ...lesion, level };
  });
  return changed ? { ...state, lesions } : state;
}

/** The level at the lesion's position in the earliest study where it is measured and labelled; null without. */
function autoLevel(state: SpineLensState, lesionId: string): string | null {
  const studies = [...new Set(state.measurements.filter((m) => m.lesionId === lesionId).map((m) => m.studyInstanceUid))];
  for (const study of studies) {
    const where = lesionPosition(state, lesionId, study);
    const labels = state.labels.filter((l) => l.studyInstanceUid === study);
    const level = where && labels.length > 0 ? assignLevel(where.position, labels, where.frameOfReferenceUid)?.level : undefined;
    if (level) return level;
  }
  return null;
}
