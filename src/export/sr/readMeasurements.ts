import { add, cross, distance, length, type Vec3 } from '../../geometry/vec3';
import { DIAMETER_AXES, type DiameterAxis, type Measurement, type MeasurementBase, type StatsUnit } from '../../measure';
import { CODES, sameCode, type Code } from './codes';
import { isoOfDt, type ContentItem } from './contentItems';
import { idFromTrackingUid } from './trackingUid';

export const asArray = (value: unknown): ContentItem[] => (Array.isArray(value) ? (value as ContentItem[]) : value ? [value as ContentItem] : []);
export const conceptOf = (item: ContentItem): Code | undefined => asArray(item['ConceptNameCodeSequence'])[0] as Code | undefined;
export const children = (item: ContentItem): ContentItem[] => asArray(item['ContentSequence']);
export const childOf = (item: ContentItem, concept: Code) => children(item).find((c) => sameCode(conceptOf(c), concept));
const codeValueOf = (item: ContentItem | undefined) => (asArray(item?.['ConceptCodeSequence'])[0] as Code | undefined)?.CodeValue;

/**
 * A text value as written (UTF-8, ISO_IR 192). dcmjs decodes the items of a sequence as Latin-1 whatever the
 * character set, so a value whose code units are all bytes is decoded again as UTF-8 when that is valid.
 */
export function textOf(value: unknown): string {
  const text = String(value ?? '');
  if (![...text].every((c) => c.charCodeAt(0) < 256)) return text;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(text, (c) => c.charCodeAt(0)));
  } catch {
    return text;
  }
}

export function pointsOf(item: ContentItem | undefined): Vec3[] {
  const data = (item?.['GraphicData'] ?? []) as number[];
  const out: Vec3[] = [];
  for (let i = 0; i + 2 < data.length; i += 3) out.push([Number(data[i]), Number(data[i + 1]), Number(data[i + 2])]);
  return out;
}

export function numberOf(item: ContentItem): { value: number; unit: Code | undefined } {
  const measured = asArray(item['MeasuredValueSequence'])[0] ?? {};
  return { value: Number(measured['NumericValue']), unit: asArray(measured['MeasurementUnitsCodeSequence'])[0] as Code | undefined };
}

/** Square millimetres per unit of an area, by UCUM code; other units are not taken. */
const MM2_PER_UNIT = new Map([
  ['mm2', 1],
  ['cm2', 100],
]);

/**
 * An area in mm²: the value written, converted by its UCUM unit; for any other unit (or none), the area of the
 * outline drawn in patient mm (SCOORD3D), as a foreign SR's value in an unknown unit would be read wrong.
 */
function areaMm2(value: number, unit: Code | undefined, type: unknown, outline: Vec3[]): number {
  const perUnit = unit?.CodingSchemeDesignator === 'UCUM' ? MM2_PER_UNIT.get(unit.CodeValue) : undefined;
  if (perUnit !== undefined && Number.isFinite(value)) return value * perUnit;
  if (type === 'ELLIPSE') return (Math.PI * distance(outline[0]!, outline[1]!) * distance(outline[2]!, outline[3]!)) / 4;
  // A planar polygon: half the length of the sum of its edges' cross products.
  return length(outline.reduce((sum, p, i) => add(sum, cross(p, outline[(i + 1) % outline.length]!)), [0, 0, 0] as Vec3)) / 2;
}

const statsUnit = (unit: Code | undefined): StatsUnit => (unit?.CodeValue === CODES.hu.CodeValue ? 'HU' : '');
const geometryOf = (item: ContentItem) => children(item).find((c) => c['ValueType'] === 'SCOORD3D');
const pair = (p: Vec3[]): [Vec3, Vec3] | null => (p.length === 2 ? [p[0]!, p[1]!] : null);

/** Where the measurements of a group belong; the series is found from what the SR names. */
export interface GroupContext {
  studyInstanceUid: string;
  lesionId?: string;
  seriesKeyFor(frameOfReferenceUid: string, seriesInstanceUid: string): string;
}

/** The fields every measurement carries, from its first item and the items describing it. */
function baseOf(item: ContentItem, fallbackId: string, group: GroupContext): MeasurementBase {
  const frameOfReferenceUid = String(geometryOf(item)?.['ReferencedFrameOfReferenceUID'] ?? '');
  const seriesInstanceUid = String(childOf(item, CODES.seriesInstanceUid)?.['UID'] ?? '');
  const level = codeValueOf(childOf(item, CODES.findingSite));
  const normal = String(childOf(item, CODES.viewPlaneNormal)?.['TextValue'] ?? '').split(' ').filter(Boolean).map(Number);
  return {
    id: idFromTrackingUid(String(item['ObservationUID'] ?? fallbackId)),
    studyInstanceUid: group.studyInstanceUid,
    seriesKey: group.seriesKeyFor(frameOfReferenceUid, seriesInstanceUid),
    frameOfReferenceUid,
    createdAt: isoOfDt(item['ObservationDateTime']),
    label: textOf(childOf(item, CODES.comment)?.['TextValue']),
    ...(group.lesionId ? { lesionId: group.lesionId } : {}),
    ...(level ? { level } : {}),
    ...(normal.length === 3 && normal.every(Number.isFinite) ? { viewPlaneNormal: [normal[0]!, normal[1]!, normal[2]!] as Vec3 } : {}),
  };
}

/** A measurement from the item that starts it (it has geometry or an Observation UID); null for other items. */
function startOf(item: ContentItem, fallbackId: string, group: GroupContext): Measurement | null {
  const concept = conceptOf(item);
  const geometry = geometryOf(item);
  if (!geometry || sameCode(concept, CODES.shortAxis)) return null;
  const base = baseOf(item, fallbackId, group);
  const p = pointsOf(geometry);
  const type = geometry['GraphicType'];
  if (item['ValueType'] === 'TEXT' && sameCode(concept, CODES.arrow)) {
    const points = pair(p);
    return points ? { ...base, kind: 'arrow', points, text: textOf(item['TextValue']) } : null;
  }
  if (item['ValueType'] !== 'NUM') return null;
  const { value, unit } = numberOf(item);
  if (sameCode(concept, CODES.length) && pair(p)) {
    const axis = codeValueOf(childOf(item, CODES.diameterAxis));
    return { ...base, kind: 'length', points: pair(p)!, ...(DIAMETER_AXES.includes(axis as DiameterAxis) ? { axis: axis as DiameterAxis } : {}) };
  }
  // The short axis follows; until then the long axis stands for both.
  if (sameCode(concept, CODES.longAxis) && pair(p)) return { ...base, kind: 'bidirectional', long: pair(p)!, short: pair(p)!, shortAxisSet: false };
  if (sameCode(concept, CODES.area)) {
    const stats = (outline: Vec3[]) => ({ areaMm2: areaMm2(value, unit, type, outline), mean: 0, sd: 0, min: 0, max: 0, unit: '' as StatsUnit });
    if (type === 'ELLIPSE' && p.length === 4) return { ...base, kind: 'ellipse', points: [p[0]!, p[1]!, p[2]!, p[3]!], stats: stats(p) };
    // The polygon is written closed; the contour keeps its first point once.
    const open = p.length > 1 && p[0]!.every((v, a) => v === p[p.length - 1]![a]) ? p.slice(0, -1) : p;
    if (type === 'POLYGON' && open.length >= 3) return { ...base, kind: 'freehand', points: open, stats: stats(open) };
  }
  if (sameCode(concept, CODES.mean) && type === 'POINT' && p.length === 1) return { ...base, kind: 'probe', point: p[0]!, value, unit: statsUnit(unit) };
  return null;
}

/** Completes the measurement in progress with an item after its first: the short axis, or an ROI statistic. */
function complete(m: Measurement, item: ContentItem): Measurement {
  const concept = conceptOf(item);
  if (m.kind === 'bidirectional' && sameCode(concept, CODES.shortAxis)) {
    const short = pair(pointsOf(item['ValueType'] === 'SCOORD3D' ? item : geometryOf(item)));
    return short ? { ...m, short, shortAxisSet: item['ValueType'] === 'NUM' } : m;
  }
  if ((m.kind === 'ellipse' || m.kind === 'freehand') && item['ValueType'] === 'NUM') {
    const { value, unit } = numberOf(item);
    if (sameCode(concept, CODES.mean)) return { ...m, stats: { ...m.stats, mean: value, unit: statsUnit(unit) } };
    if (sameCode(concept, CODES.standardDeviation)) return { ...m, stats: { ...m.stats, sd: value } };
    if (sameCode(concept, CODES.minimum)) return { ...m, stats: { ...m.stats, min: value } };
    if (sameCode(concept, CODES.maximum)) return { ...m, stats: { ...m.stats, max: value } };
  }
  return m;
}

/** The measurements of one measurement group, in the order written. */
export function measurementsOfGroup(group: ContentItem, context: GroupContext, fallbackPrefix: string): Measurement[] {
  const out: Measurement[] = [];
  let current: Measurement | null = null;
  children(group).forEach((item, index) => {
    const started = startOf(item, `${fallbackPrefix}.${index}`, context);
    if (started) {
      if (current) out.push(current);
      current = started;
    } else if (current) current = complete(current, item);
  });
  if (current) out.push(current);
  return out;
}
