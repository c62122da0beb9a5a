import type { Aabb, Shape } from './shapes';
import type { Tissue } from './tissues';

/** Priority bands: where primitives overlap, the higher priority wins. */
export const Priority = {
  SKIN: 1,
  FAT: 2,
  MUSCLE: 3,
  AIRWAY: 20,
  NECK_VESSEL: 25,
  DISC: 45,
  CORTICAL: 50,
  CANCELLOUS: 51,
  VERTEBRAL_ARTERY: 60,
  CSF: 70,
  CORD: 80,
  LESION: 100,
} as const;

export interface Part {
  readonly name: string;
  readonly tissue: Tissue;
  readonly priority: number;
  readonly shape: Shape;
  readonly bounds: Aabb;
}

export const makePart = (name: string, tissue: Tissue, priority: number, shape: Shape): Part => ({
  name,
  tissue,
  priority,
  shape,
  bounds: shape.bounds(),
});
