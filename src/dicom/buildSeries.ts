import { compareByInstance } from './frameFacts';
import { expandFrames, makeSeriesNode } from './seriesNode';
import { splitSeries } from './splitSeries';
import type { InstanceMeta, PatientNode, SeriesNode, StudyNode } from './types';

const NO_SERIES_UID = 'no-series-uid';

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** First non-empty value of a field across instances (studies and patients are repeated per file). */
function firstValue(instances: readonly InstanceMeta[], pick: (i: InstanceMeta) => string): string {
  for (const instance of instances) {
    const value = pick(instance);
    if (value !== '') return value;
  }
  return '';
}

function compareSeries(a: SeriesNode, b: SeriesNode): number {
  const an = a.seriesNumber ?? Number.MAX_SAFE_INTEGER;
  const bn = b.seriesNumber ?? Number.MAX_SAFE_INTEGER;
  if (an !== bn) return an - bn;
  return a.seriesInstanceUid < b.seriesInstanceUid ? -1 : a.seriesInstanceUid > b.seriesInstanceUid ? 1 : 0;
}

function buildSeriesNodes(uid: string, instances: InstanceMeta[]): SeriesNode[] {
  const ordered = [...instances].sort((a, b) => compareByInstance({ instance: a, frameIndex: 0, position: null }, { instance: b, frameIndex: 0, position: null }));
  const { frames, warnings } = expandFrames(ordered);
  const nodes = splitSeries(frames).map((group) => makeSeriesNode(uid, group));
  for (const node of nodes) node.warnings.unshift(...warnings);
  return nodes;
}

/** Series key of an instance: its Series Instance UID, else what it says about its series (never '': an empty key cannot be shown). */
function seriesKeyOf(i: InstanceMeta): string {
  return i.seriesInstanceUid || `${NO_SERIES_UID}|${i.modality}|${i.seriesNumber ?? ''}|${i.seriesDescription}`;
}

function buildSeriesGroup(key: string, members: InstanceMeta[]): SeriesNode[] {
  const nodes = buildSeriesNodes(key, members);
  if (!key.startsWith(NO_SERIES_UID)) return nodes;
  for (const node of nodes) {
    node.seriesInstanceUid = '';
    node.warnings.unshift('no Series Instance UID (0020,000E): images grouped by modality, series number and description');
  }
  return nodes;
}

function buildStudy(uid: string, instances: InstanceMeta[]): StudyNode {
  const series = [...groupBy(instances, seriesKeyOf)].flatMap(([key, members]) => buildSeriesGroup(key, members));
  return {
    studyInstanceUid: uid,
    date: firstValue(instances, (i) => i.studyDate),
    time: firstValue(instances, (i) => i.studyTime),
    description: firstValue(instances, (i) => i.studyDescription),
    accessionNumber: firstValue(instances, (i) => i.accessionNumber),
    // Array.prototype.sort is stable, so split parts of one series keep their largest-first order.
    series: series.sort(compareSeries),
  };
}

function compareStudies(a: StudyNode, b: StudyNode): number {
  return a.date.localeCompare(b.date) || a.time.localeCompare(b.time) || a.studyInstanceUid.localeCompare(b.studyInstanceUid);
}

/**
 * Patient → study → series tree. Series are split where one SeriesInstanceUID mixes stacks,
 * frames are sorted along the slice normal, and spacing is measured from Image Position.
 */
export function buildSeries(instances: InstanceMeta[]): PatientNode[] {
  const patients = groupBy(instances, (i) => `${i.patientId}\u0000${i.patientName}`);
  const nodes = [...patients.values()].map((members): PatientNode => {
    const studies = [...groupBy(members, (i) => i.studyInstanceUid)].map(([uid, studyMembers]) => buildStudy(uid, studyMembers));
    return {
      patientId: members[0]?.patientId ?? '',
      patientName: members[0]?.patientName ?? '',
      birthDate: firstValue(members, (i) => i.patientBirthDate),
      sex: firstValue(members, (i) => i.patientSex),
      studies: studies.sort(compareStudies),
    };
  });
  return nodes.sort((a, b) => a.patientName.localeCompare(b.patientName) || a.patientId.localeCompare(b.patientId));
}
