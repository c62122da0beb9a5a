import type { Vec3 } from '../../geometry/vec3';
import { bidirectionalAxes, lengthMm, type Measurement, type RoiStats } from '../../measure';
import { axisCode, CODES, levelCode, type Code } from './codes';
import { codeItem, dtOfIso, numItem, scoord3d, textItem, uidItem, type ContentItem } from './contentItems';
import { trackingUidFor } from './trackingUid';

const unitOf = (unit: string): Code => (unit === 'HU' ? CODES.hu : CODES.noUnits);

/**
 * What describes the measurement beyond its value, as children of its first item: the level the reader typed, the
 * axis a length stands for, its free-text label, the view it was drawn in and the series it was measured on.
 */
function describing(m: Measurement, seriesInstanceUid: string): ContentItem[] {
  const items: ContentItem[] = [];
  if (m.level) items.push(codeItem('HAS CONCEPT MOD', CODES.findingSite, levelCode(m.level)));
  if (m.kind === 'length' && m.axis) items.push(codeItem('HAS CONCEPT MOD', CODES.diameterAxis, axisCode(m.axis)));
  if (m.label) items.push(textItem('HAS PROPERTIES', CODES.comment, m.label));
  if (m.viewPlaneNormal) items.push(textItem('HAS PROPERTIES', CODES.viewPlaneNormal, m.viewPlaneNormal.map(String).join(' ')));
  if (/^[0-9]+(\.[0-9]+)*$/.test(seriesInstanceUid) && seriesInstanceUid.length <= 64) items.push(uidItem('HAS PROPERTIES', CODES.seriesInstanceUid, seriesInstanceUid));
  return items;
}

/** Mean, SD, minimum and maximum of an ROI, after its area (TID 1419 concepts). */
const statItems = (stats: RoiStats): ContentItem[] => [
  numItem(CODES.mean, stats.mean, unitOf(stats.unit)),
  numItem(CODES.standardDeviation, stats.sd, unitOf(stats.unit)),
  numItem(CODES.minimum, stats.min, unitOf(stats.unit)),
  numItem(CODES.maximum, stats.max, unitOf(stats.unit)),
];

/**
 * The content items of one measurement, each value with the SCOORD3D it was measured on (patient coordinates). The
 * first carries the measurement's id as Observation UID and when it was made; the items after it complete it.
 */
export function measurementItems(m: Measurement, seriesInstanceUid: string): ContentItem[] {
  const frame = m.frameOfReferenceUid;
  const first = { observationUid: trackingUidFor(m.id), observationDateTime: dtOfIso(m.createdAt), children: describing(m, seriesInstanceUid) };
  const line = (points: readonly Vec3[]) => scoord3d('INFERRED FROM', null, 'POLYLINE', points, frame);
  switch (m.kind) {
    case 'length':
      return [numItem(CODES.length, lengthMm(...m.points), CODES.mm, { ...first, geometry: line(m.points) })];
    case 'bidirectional': {
      const axes = bidirectionalAxes(m);
      const long = numItem(CODES.longAxis, axes.longMm, CODES.mm, { ...first, geometry: line(m.long) });
      // A short axis the tool drew by itself is no measurement: its points travel, not a value.
      const short = m.shortAxisSet === false ? scoord3d('CONTAINS', CODES.shortAxis, 'POLYLINE', m.short, frame) : numItem(CODES.shortAxis, axes.shortMm, CODES.mm, { geometry: line(m.short) });
      return [long, short];
    }
    case 'ellipse':
    case 'freehand': {
      const geometry = m.kind === 'ellipse' ? scoord3d('INFERRED FROM', null, 'ELLIPSE', m.points, frame) : scoord3d('INFERRED FROM', null, 'POLYGON', [...m.points, m.points[0]!], frame);
      return [numItem(CODES.area, m.stats.areaMm2, CODES.mm2, { ...first, geometry }), ...statItems(m.stats)];
    }
    case 'probe':
      return [numItem(CODES.mean, m.value, unitOf(m.unit), { ...first, geometry: scoord3d('INFERRED FROM', null, 'POINT', [m.point], frame) })];
    case 'arrow':
      return [
        {
          ...textItem('CONTAINS', CODES.arrow, m.text || 'Arrow'),
          ObservationUID: first.observationUid,
          ...(first.observationDateTime ? { ObservationDateTime: first.observationDateTime } : {}),
          ContentSequence: [line(m.points), ...first.children],
        },
      ];
  }
}
