import type { Vec3 } from '../../geometry/vec3';
import type { Code } from './codes';

/** One SR content item in dcmjs's naturalised form (keywords as keys). */
export type ContentItem = Record<string, unknown>;

type Relationship = 'CONTAINS' | 'HAS CONCEPT MOD' | 'HAS OBS CONTEXT' | 'INFERRED FROM' | 'HAS PROPERTIES';

/** DS holds 16 characters: 4 decimals of a millimetre (0.1 µm) is far below any scanner's resolution. */
export const dsValue = (value: number): number => Number(value.toFixed(4));

export const container = (relationship: Relationship | null, concept: Code, children: ContentItem[], extra: ContentItem = {}): ContentItem => ({
  ...(relationship ? { RelationshipType: relationship } : {}),
  ValueType: 'CONTAINER',
  ConceptNameCodeSequence: [concept],
  ContinuityOfContent: 'SEPARATE',
  ...extra,
  // Content Sequence is Type 1C: absent, not empty, when the container has no children.
  ...(children.length ? { ContentSequence: children } : {}),
});

export const codeItem = (relationship: Relationship, concept: Code, value: Code): ContentItem => ({
  RelationshipType: relationship,
  ValueType: 'CODE',
  ConceptNameCodeSequence: [concept],
  ConceptCodeSequence: [value],
});

export const textItem = (relationship: Relationship, concept: Code, text: string): ContentItem => ({
  RelationshipType: relationship,
  ValueType: 'TEXT',
  ConceptNameCodeSequence: [concept],
  TextValue: text,
});

export const uidItem = (relationship: Relationship, concept: Code, uid: string): ContentItem => ({
  RelationshipType: relationship,
  ValueType: 'UIDREF',
  ConceptNameCodeSequence: [concept],
  UID: uid,
});

export type GraphicType = 'POINT' | 'POLYLINE' | 'POLYGON' | 'ELLIPSE';

export const scoord3d = (relationship: Relationship, concept: Code | null, type: GraphicType, points: readonly Vec3[], frameOfReferenceUid: string): ContentItem => ({
  RelationshipType: relationship,
  ValueType: 'SCOORD3D',
  ...(concept ? { ConceptNameCodeSequence: [concept] } : {}),
  GraphicType: type,
  GraphicData: points.flatMap((p) => [p[0], p[1], p[2]]),
  ReferencedFrameOfReferenceUID: frameOfReferenceUid,
});

/** Options of a measured number: what identifies it, what it was measured on, and what else describes it. */
export interface NumOptions {
  observationUid?: string;
  geometry?: ContentItem;
  method?: Code;
  /** Further children (finding site, label, …) after the method and the geometry. */
  children?: ContentItem[];
  /** Observation DateTime (DT) of the item. */
  observationDateTime?: string;
}

/** A measured number (TID 300) with its unit, the geometry it was measured on and, if given, how it was derived. */
export function numItem(concept: Code, value: number, unit: Code, options: NumOptions = {}): ContentItem {
  const children: ContentItem[] = [];
  if (options.method) children.push(codeItem('HAS CONCEPT MOD', { CodeValue: '370129005', CodingSchemeDesignator: 'SCT', CodeMeaning: 'Measurement Method' }, options.method));
  if (options.geometry) children.push(options.geometry);
  children.push(...(options.children ?? []));
  return {
    RelationshipType: 'CONTAINS',
    ValueType: 'NUM',
    ConceptNameCodeSequence: [concept],
    ...(options.observationUid ? { ObservationUID: options.observationUid } : {}),
    ...(options.observationDateTime ? { ObservationDateTime: options.observationDateTime } : {}),
    MeasuredValueSequence: [{ MeasurementUnitsCodeSequence: [unit], NumericValue: dsValue(value) }],
    ...(children.length ? { ContentSequence: children } : {}),
  };
}

/**
 * An ISO 8601 instant as DICOM DT in UTC (YYYYMMDDHHMMSS.FFF); undefined when it is not a date. The report says
 * its times are UTC once (Timezone Offset From UTC): dcmtk refuses an offset inside an SR content item.
 */
export function dtOfIso(iso: string): string | undefined {
  const d = new Date(iso);
  if (!iso || Number.isNaN(d.getTime())) return undefined;
  return d.toISOString().replace(/[-:T]/g, '').replace('Z', '');
}

/** A DICOM DT back to ISO 8601 (UTC); '' when it cannot be read. */
export function isoOfDt(dt: unknown): string {
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{1,6}))?([+-])?(\d{2})?(\d{2})?$/.exec(String(dt ?? '').trim());
  if (!m) return '';
  const ms = Number((m[7] ?? '0').padEnd(3, '0').slice(0, 3));
  const offsetMin = m[8] ? (m[8] === '-' ? -1 : 1) * (Number(m[9] ?? 0) * 60 + Number(m[10] ?? 0)) : 0;
  const utc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6]), ms) - offsetMin * 60_000;
  return new Date(utc).toISOString();
}
