import type { Vec3 } from '../../src/geometry/vec3';
import { makePart, Priority, type Part } from './parts';
import { box, capsule, cylinder, ellipsoid, frameToWorld, subFrame, type Frame, type Shape } from './shapes';
import { vertebraFrame } from './spine';
import { Tissue } from './tissues';

export const VERTEBRA_NAMES = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'T1', 'T2'] as const;
export type VertebraName = (typeof VERTEBRA_NAMES)[number];

export interface Vertebra {
  readonly name: VertebraName;
  readonly frame: Frame;
  /** Centre of the vertebral body (C1 has none: the anterior-arch centre instead). */
  readonly bodyCentre: Vec3;
  /** Body as an elliptic cylinder in `frame` (semi LR, semi AP, half-height); null for C1. */
  readonly body: { readonly centre: Vec3; readonly a: number; readonly b: number; readonly h: number } | null;
  readonly parts: Part[];
}

const SHELL_MM = 1.0;

/** Cortical shell with a cancellous core. */
function bone(name: string, shape: Shape): Part[] {
  const parts = [makePart(`${name} cortex`, Tissue.CORTICAL_BONE, Priority.CORTICAL, shape)];
  const core = shape.shrink(SHELL_MM);
  if (core) parts.push(makePart(`${name} marrow`, Tissue.CANCELLOUS_BONE, Priority.CANCELLOUS, core));
  return parts;
}

const mirror = (p: Vec3, side: 1 | -1): Vec3 => [p[0] * side, p[1], p[2]];

/** A lamina plate running from `lateral` to `medial` (local coords, both at the same height). */
function lamina(f: Frame, lateral: Vec3, medial: Vec3, halfThickness: number, halfHeight: number): Shape {
  const mid: Vec3 = [(lateral[0] + medial[0]) / 2, (lateral[1] + medial[1]) / 2, lateral[2]];
  const dx = medial[0] - lateral[0];
  const dy = medial[1] - lateral[1];
  const yaw = (Math.atan2(dy, dx) * 180) / Math.PI;
  return box(subFrame(f, mid, yaw), Math.hypot(dx, dy) / 2 + 1, halfThickness, halfHeight);
}

const seg = (f: Frame, a: Vec3, b: Vec3, r: number): Shape => capsule(frameToWorld(f, a), frameToWorld(f, b), r);

interface SubaxialSpec {
  name: VertebraName;
  z: number;
  body: [number, number, number];
  spinousTip: Vec3;
  spinousRadius: number;
  bifid: boolean;
  transverseTipX: number;
}

const SUBAXIAL: readonly SubaxialSpec[] = [
  { name: 'C3', z: 0, body: [8.5, 7.5, 6.5], spinousTip: [0, 35, -4], spinousRadius: 3, bifid: true, transverseTipX: 23 },
  { name: 'C4', z: -18, body: [9, 7.7, 6.5], spinousTip: [0, 35, -5], spinousRadius: 3, bifid: true, transverseTipX: 23 },
  { name: 'C5', z: -36, body: [9.5, 8, 6.5], spinousTip: [0, 36, -5], spinousRadius: 3, bifid: true, transverseTipX: 24 },
  { name: 'C6', z: -54, body: [10, 8.2, 6.5], spinousTip: [0, 38, -6], spinousRadius: 3.2, bifid: true, transverseTipX: 25 },
  { name: 'C7', z: -72, body: [10.5, 8.5, 6.8], spinousTip: [0, 44, -9], spinousRadius: 3.5, bifid: false, transverseTipX: 27 },
  { name: 'T1', z: -91, body: [11.5, 9.5, 7.5], spinousTip: [0, 45, -12], spinousRadius: 3.5, bifid: false, transverseTipX: 30 },
];

/** Body placed so that its posterior wall sits at local y = 7.5 whatever its depth. */
function bodyOf(f: Frame, a: number, b: number, h: number) {
  const local: Vec3 = [0, 7.5 - b, 0];
  return { centre: frameToWorld(f, local), a, b, h, frame: subFrame(f, local) };
}

function subaxial(spec: SubaxialSpec): Vertebra {
  const f = vertebraFrame(spec.z);
  const [a, b, h] = spec.body;
  const body = bodyOf(f, a, b, h);
  const n = spec.name;
  const parts: Part[] = [...bone(`${n} body`, cylinder(body.frame, a, b, h))];
  for (const side of [1, -1] as const) {
    const s = side === 1 ? 'L' : 'R';
    parts.push(...bone(`${n} pedicle ${s}`, seg(f, mirror([6.5, 6, 1.5], side), mirror([12, 10.5, 1.5], side), 2.6)));
    parts.push(...bone(`${n} articular pillar ${s}`, cylinder(subFrame(f, mirror([16.5, 15, 0], side)), 5, 6.5, 7.8)));
    parts.push(
      ...bone(
        `${n} transverse process ${s}`,
        seg(f, mirror([a, 1.5, 1], side), mirror([spec.transverseTipX, 4.5, 0], side), 3.3),
      ),
    );
    parts.push(...bone(`${n} lamina ${s}`, lamina(f, mirror([13.5, 20.5, -1], side), [0, 25.5, -1], 1.8, 5.5)));
    if (spec.bifid) {
      const [, ty, tz] = spec.spinousTip;
      parts.push(...bone(`${n} spinous tubercle ${s}`, seg(f, [0, ty - 4, tz], mirror([2.8, ty + 1, tz - 0.5], side), 2)));
    }
  }
  parts.push(...bone(`${n} spinous process`, seg(f, [0, 25, -1], spec.spinousTip, spec.spinousRadius)));
  return { name: n, frame: f, bodyCentre: body.centre, body: { centre: body.centre, a, b, h }, parts };
}

const C2_Z = 19.5;

function axis(): Vertebra {
  const f = vertebraFrame(C2_Z);
  const [a, b, h] = [8.5, 7.5, 8];
  const body = bodyOf(f, a, b, h);
  const parts: Part[] = [...bone('C2 body', cylinder(body.frame, a, b, h))];
  parts.push(...bone('C2 dens', seg(f, [0, 0.5, 8], [0, 0.5, 17], 5)));
  for (const side of [1, -1] as const) {
    const s = side === 1 ? 'L' : 'R';
    parts.push(...bone(`C2 pars ${s}`, seg(f, mirror([6.5, 6, 0], side), mirror([12, 11, -1], side), 3)));
    parts.push(...bone(`C2 superior facet ${s}`, ellipsoid(subFrame(f, mirror([15, 4, 4], side)), 6.5, 7.5, 4.5)));
    parts.push(...bone(`C2 inferior articular process ${s}`, cylinder(subFrame(f, mirror([16, 15, -4], side)), 5, 6, 4.5)));
    parts.push(...bone(`C2 transverse process ${s}`, seg(f, mirror([9, 2, 0], side), mirror([20, 4, 0], side), 3)));
    parts.push(...bone(`C2 lamina ${s}`, lamina(f, mirror([13.5, 20, -3], side), [0, 26, -3], 2.5, 6.5)));
    parts.push(...bone(`C2 spinous tubercle ${s}`, seg(f, [0, 36, -4], mirror([4, 42, -4.5], side), 2.8)));
  }
  parts.push(...bone('C2 spinous process', seg(f, [0, 25, -3], [0, 40, -4], 4.5)));
  return { name: 'C2', frame: f, bodyCentre: body.centre, body: { centre: body.centre, a, b, h }, parts };
}

const C1_Z = 34;

function atlas(): Vertebra {
  const f = vertebraFrame(C1_Z);
  const parts: Part[] = [];
  // The ring: a chain of capsules around an ellipse centred behind the dens.
  const ring = (t: number): Vec3 => [19 * Math.cos(t), 8 + 18 * Math.sin(t), 0];
  const segments = 24;
  for (let i = 0; i < segments; i++) {
    const t0 = (2 * Math.PI * i) / segments;
    const t1 = (2 * Math.PI * (i + 1)) / segments;
    parts.push(...bone(`C1 ring ${i}`, seg(f, ring(t0), ring(t1), 3.2)));
  }
  parts.push(...bone('C1 anterior tubercle', ellipsoid(subFrame(f, [0, -10.5, 0]), 6, 3.5, 5.5)));
  parts.push(...bone('C1 posterior tubercle', ellipsoid(subFrame(f, [0, 27, 0]), 5, 3.5, 4.5)));
  for (const side of [1, -1] as const) {
    const s = side === 1 ? 'L' : 'R';
    parts.push(...bone(`C1 lateral mass ${s}`, ellipsoid(subFrame(f, mirror([15.5, 4, 0], side)), 6.5, 9, 8)));
    parts.push(...bone(`C1 transverse process ${s}`, seg(f, mirror([20, 4, 0], side), mirror([33, 5, 0], side), 3.5)));
  }
  const anteriorArch = frameToWorld(f, [0, -10, 0]);
  return { name: 'C1', frame: f, bodyCentre: anteriorArch, body: null, parts };
}

/** T2 appears only as a body at the bottom edge of the MR field of view. */
function upperThoracicBody(): Vertebra {
  const f = vertebraFrame(-111.5);
  const [a, b, h] = [12, 10.5, 8];
  const body = bodyOf(f, a, b, h);
  return {
    name: 'T2',
    frame: f,
    bodyCentre: body.centre,
    body: { centre: body.centre, a, b, h },
    parts: bone('T2 body', cylinder(body.frame, a, b, h)),
  };
}

/** Intervertebral disc filling the gap between two bodies (it overlaps them; the bodies win on priority). */
function disc(upper: Vertebra, lower: Vertebra): Part {
  const u = upper.body;
  const l = lower.body;
  if (!u || !l) throw new Error('disc needs two bodies');
  const zMid = (u.centre[2] - u.h + (l.centre[2] + l.h)) / 2;
  const f = vertebraFrame(zMid);
  const b = (u.b + l.b) / 2;
  const gap = u.centre[2] - u.h - (l.centre[2] + l.h);
  return makePart(
    `${upper.name}-${lower.name} disc`,
    Tissue.DISC,
    Priority.DISC,
    cylinder(subFrame(f, [0, 7.5 - b, 0]), (u.a + l.a) / 2, b, gap / 2 + 1.5),
  );
}

export function buildVertebrae(): { vertebrae: Vertebra[]; discs: Part[] } {
  const vertebrae = [atlas(), axis(), ...SUBAXIAL.map(subaxial), upperThoracicBody()];
  const discs: Part[] = [];
  for (let i = 1; i + 1 < vertebrae.length; i++) discs.push(disc(vertebrae[i]!, vertebrae[i + 1]!));
  return { vertebrae, discs };
}
