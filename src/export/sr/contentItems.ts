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

/** A measured number (TID 300) with its unit, the geometry it was measured on and, if given, how it was derived. */
export function numItem(concept: Code, value: number, unit: Code, options: { observationUid?: string; geometry?: ContentItem; method?: Code } = {}): ContentItem {
  const children: ContentItem[] = [];
  if (options.method) children.push(codeItem('HAS CONCEPT MOD', { CodeValue: '370129005', CodingSchemeDesignator: 'SCT', CodeMeaning: 'Measurement Method' }, options.method));
  if (options.geometry) children.push(options.geometry);
  return {
    RelationshipType: 'CONTAINS',
    ValueType: 'NUM',
    ConceptNameCodeSequence: [concept],
    ...(options.observationUid ? { ObservationUID: options.observationUid } : {}),
    MeasuredValueSequence: [{ MeasurementUnitsCodeSequence: [unit], NumericValue: dsValue(value) }],
    ...(children.length ? { ContentSequence: children } : {}),
  };
}
