import type { Vec3 } from '../../src/geometry/vec3';
import type { BidirectionalMeasurement, DiameterAxis, LengthMeasurement, MeasurementBase } from '../../src/measure';

let counter = 0;

export function base(overrides: Partial<MeasurementBase> = {}): MeasurementBase {
  counter += 1;
  return {
    id: `m${counter}`,
    studyInstanceUid: 'study-1',
    seriesKey: 'series-1',
    frameOfReferenceUid: 'for-1',
    createdAt: new Date(Date.UTC(2026, 0, 5) + counter * 1000).toISOString(),
    label: '',
    ...overrides,
  };
}

export function lengthMeasurement(a: Vec3, b: Vec3, overrides: Partial<MeasurementBase> & { axis?: DiameterAxis } = {}): LengthMeasurement {
  const { axis, ...rest } = overrides;
  return { ...base(rest), kind: 'length', points: [a, b], ...(axis ? { axis } : {}) };
}

export function bidirectional(long: [Vec3, Vec3], short: [Vec3, Vec3], overrides: Partial<MeasurementBase> = {}): BidirectionalMeasurement {
  return { ...base(overrides), kind: 'bidirectional', long, short };
}

export function degToRad(deg: number): number {
  return (deg * Math.PI) / 180;
}
