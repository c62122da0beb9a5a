import type { DataSet } from 'dicom-parser';
import type { Vec3 } from '../geometry/vec3';
import type { ImageOrientation } from './types';

/** Small typed readers over a dicom-parser DataSet. All return trimmed strings or finite numbers. */

export function readString(ds: DataSet, tag: string): string {
  try {
    return (ds.string(tag) ?? '').replace(/\0/g, '').trim();
  } catch {
    return '';
  }
}

/** Multi-valued string (backslash separated), each value trimmed, empty values kept out. */
export function readStrings(ds: DataSet, tag: string): string[] {
  return readString(ds, tag)
    .split('\\')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** DS/IS values (decimal or integer strings), non-finite entries dropped. */
export function readNumbers(ds: DataSet, tag: string): number[] {
  const raw = readString(ds, tag);
  if (raw === '') return [];
  return raw
    .split('\\')
    .map((v) => Number(v.trim()))
    .filter((v) => Number.isFinite(v));
}

export function readNumber(ds: DataSet, tag: string): number | null {
  const raw = readString(ds, tag).split('\\')[0]?.trim() ?? '';
  if (raw === '') return null;
  const value = Number(raw);
  return Number.isFinite(value) ? value : null;
}

/** US value (binary, so endianness comes from the data set's parser). */
export function readUint16(ds: DataSet, tag: string): number | null {
  const element = ds.elements[tag];
  if (!element || element.length < 2) return null;
  try {
    const value = ds.uint16(tag);
    return value === undefined ? null : value;
  } catch {
    return null;
  }
}

export function readVec3(ds: DataSet, tag: string): Vec3 | null {
  const v = readNumbers(ds, tag);
  if (v.length < 3) return null;
  return [v[0] ?? 0, v[1] ?? 0, v[2] ?? 0];
}

export function readOrientation(ds: DataSet, tag: string): ImageOrientation | null {
  const v = readNumbers(ds, tag);
  if (v.length < 6) return null;
  const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = v;
  // A zero row or column vector is as good as absent.
  if (Math.hypot(a, b, c) < 1e-6 || Math.hypot(d, e, f) < 1e-6) return null;
  return [a, b, c, d, e, f];
}

export function readPair(ds: DataSet, tag: string): readonly [number, number] | null {
  const v = readNumbers(ds, tag);
  const [a, b] = v;
  // Exactly two positive numbers: a single value ("0.7"), an empty one ("0.7\\") or text is not a spacing, and
  // guessing square pixels would show millimetres as if calibrated.
  if (v.length !== 2 || a === undefined || b === undefined || !(a > 0) || !(b > 0)) return null;
  return [a, b];
}

/** First item of a sequence element, or null. */
export function firstItem(ds: DataSet | undefined, tag: string): DataSet | null {
  return ds?.elements[tag]?.items?.[0]?.dataSet ?? null;
}

/** All item data sets of a sequence element. */
export function sequenceItems(ds: DataSet, tag: string): DataSet[] {
  const items = ds.elements[tag]?.items ?? [];
  return items.flatMap((item) => (item.dataSet ? [item.dataSet] : []));
}
