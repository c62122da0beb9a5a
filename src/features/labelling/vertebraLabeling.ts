import { ensureCornerstone } from '../../viewer/cornerstoneSetup';
import { BaseVolumeViewport, StackViewport, type Types } from '@cornerstonejs/core';
import { nextLevelDown, type VertebralLabel } from '../../lesions';
import type { Vec3 } from '../../geometry/vec3';
import { nextLabelIn, useLabelingStore } from './labelingStore';
import { useMeasurementStore } from '../../state/measurementStore';
import { instanceForImageId } from '../../viewer/imageRegistry';
import { configureTool, selectTool } from '../../viewer/toolGroup';
import { recordUndoable } from '../../viewer/undoHistory';

/**
 * The study and frame of reference of what a viewport shows. A reconstructed plane (the sagittal MPR of an axial CT)
 * lies on no acquired image, so Cornerstone gives it no current image id: any image of the volume tells the study.
 */
export function viewportStudy(viewport: Types.IViewport): { studyInstanceUid: string; frameOfReferenceUid: string } | null {
  const images = viewport instanceof StackViewport || viewport instanceof BaseVolumeViewport ? viewport : undefined;
  const imageId = images?.getCurrentImageId() ?? images?.getImageIds()[0];
  const found = imageId ? instanceForImageId(imageId) : undefined;
  if (!found) return null;
  return { studyInstanceUid: found.instance.studyInstanceUid, frameOfReferenceUid: found.instance.frameOfReferenceUid };
}

/** Places the next vertebral label at a clicked point, then moves on to the level below. */
export function placeLabel(world: Vec3, viewport: Types.IViewport): VertebralLabel | null {
  const study = viewportStudy(viewport);
  if (!study) return null;
  const labeling = useLabelingStore.getState();
  const next = nextLabelIn(labeling, study.studyInstanceUid);
  const label: VertebralLabel = { id: crypto.randomUUID(), vertebra: next, position: [world[0], world[1], world[2]], ...study };
  useMeasurementStore.getState().upsertLabel(label);
  const below = nextLevelDown(next);
  if (below) labeling.setNext(study.studyInstanceUid, below);
  return label;
}

/** Removes a vertebral label; Ctrl+Z puts it back. */
export function deleteLabel(labelId: string): void {
  const label = useMeasurementStore.getState().state.labels.find((l) => l.id === labelId);
  if (!label) return;
  useMeasurementStore.getState().removeLabel(labelId);
  recordUndoable(
    () => useMeasurementStore.getState().upsertLabel(label),
    () => useMeasurementStore.getState().removeLabel(labelId),
  );
}

/** Connects the label tool's clicks to placeLabel. */
export function startVertebraLabeling(): void {
  void ensureCornerstone().then(() => configureTool('VertebraLabel', { onClick: (world: Types.Point3, viewport: Types.IViewport) => placeLabel(world, viewport) }));
}

/** Done (or Esc): back to window/level; a comparison then aligns by the labels placed. */
export function finishLabelling(): void {
  selectTool('WindowLevel');
}
