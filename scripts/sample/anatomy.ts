import type { Vec3 } from '../../src/geometry/vec3';
import type { Lesion } from './lesion';
import { makePart, Priority, type Part } from './parts';
import { aabbOverlap, type Aabb } from './shapes';
import { buildSoftTissues } from './softTissues';
import { Tissue } from './tissues';
import { buildVertebrae, type Vertebra, type VertebraName } from './vertebrae';

/** The phantom at one timepoint, in anatomy (= baseline patient) coordinates. */
export interface Anatomy {
  /** All primitives, highest priority first. */
  readonly parts: readonly Part[];
  readonly vertebrae: readonly Vertebra[];
  /** Tissue at a point: the highest-priority primitive containing it, air outside the body. */
  labelAt(p: Vec3): Tissue;
  /** The primitives whose bounds meet `box`, highest priority first (for fast sampling of a small region). */
  partsNear(box: Aabb): Part[];
}

/** First part (in priority order) containing the point; air when none. */
export function labelFromParts(parts: readonly Part[], x: number, y: number, z: number): Tissue {
  for (const part of parts) {
    if (part.shape.contains(x, y, z)) return part.tissue;
  }
  return Tissue.AIR;
}

export function buildAnatomy(lesion: Lesion): Anatomy {
  const { vertebrae, discs } = buildVertebrae();
  const lesionParts = lesion.lobes.map((l) =>
    makePart(`lesion ${l.name}`, Tissue.LESION, Priority.LESION, l.ellipsoid.toShape()),
  );
  const parts = [...lesionParts, ...buildSoftTissues(lesion.cordMassEffect), ...vertebrae.flatMap((v) => v.parts), ...discs];
  // Stable sort: equal priorities keep their construction order.
  parts.sort((a, b) => b.priority - a.priority);
  const partsNear = (box: Aabb): Part[] => parts.filter((p) => aabbOverlap(p.bounds, box));
  return {
    parts,
    vertebrae,
    partsNear,
    labelAt: (p) => labelFromParts(partsNear({ min: p, max: p }), p[0], p[1], p[2]),
  };
}

export function bodyCentres(anatomy: Anatomy): Partial<Record<VertebraName, Vec3>> {
  const out: Partial<Record<VertebraName, Vec3>> = {};
  for (const v of anatomy.vertebrae) if (v.body) out[v.name] = v.body.centre;
  return out;
}
