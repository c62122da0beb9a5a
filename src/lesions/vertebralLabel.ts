import type { Vec3 } from '../geometry/vec3';
import type { Vertebra } from './vertebrae';

/** A user-placed marker at the centre of a vertebral body. */
export interface VertebralLabel {
  id: string;
  vertebra: Vertebra;
  position: Vec3;
  studyInstanceUid: string;
  frameOfReferenceUid: string;
}
