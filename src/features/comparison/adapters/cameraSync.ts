import { Enums, eventTarget, utilities, type Types } from '@cornerstonejs/core';
import { add, sub, tuple, type Vec3 } from '../../../geometry/vec3';
import { renderingEngine, viewportIdForSlot } from '../../../viewer/renderingEngine';
import { clampAlong, moveBy } from '../../../lesions/studyMapping';
import { dataDepth } from '../../../viewer/volumeExtent';

/** What the comparison needs from the stores, read at every event (so alignment changes apply at once). */
export interface SyncConfig {
  /** The two slots kept in step. */
  slots: readonly [number, number];
  /** A world position of `fromSlot` in the other slot's patient coordinates; null when not aligned. */
  mapPoint(fromSlot: number, point: Vec3): Vec3 | null;
  /** Window/level is shared only when the modalities match. */
  syncVoi: boolean;
}

type CameraEvent = CustomEvent<{ viewportId: string; camera: Types.ICamera; previousCamera?: Types.ICamera }>;
type VoiEvent = CustomEvent<{ viewportId: string; range?: Types.VOIRange }>;

const EPSILON_MM = 1e-3;

const close = (a: readonly number[] | undefined, b: readonly number[] | undefined): boolean =>
  a !== undefined && b !== undefined && a.every((v, i) => Math.abs(v - (b[i] ?? NaN)) < EPSILON_MM);

function slotOf(viewportId: string, slots: readonly number[]): number | undefined {
  return slots.find((slot) => viewportIdForSlot(slot) === viewportId);
}

function viewportOf(slot: number): Types.IViewport | undefined {
  return renderingEngine().getViewport(viewportIdForSlot(slot));
}

function keepInside(viewport: Types.IViewport, point: Vec3): Vec3 {
  const normal: Vec3 | undefined = viewport.getCamera().viewPlaneNormal;
  const depth = normal ? dataDepth(viewport, normal) : null;
  return normal && depth ? clampAlong(point, normal, depth.centres) : point;
}

/**
 * Keeps the focal point (scroll and pan), the zoom and, for one modality, the window of two viewports in
 * step by patient position. Changes made here are not echoed back: an event raised while applying one is
 * ignored, and so is a target camera already where it should be.
 */
export function startCameraSync(getConfig: () => SyncConfig | null): { stop(): void; syncFrom(slot: number): void } {
  let applying = false;
  const elements = new Set<HTMLDivElement>();

  const applyCamera = (sourceSlot: number, previousFocal?: Vec3) => {
    const config = getConfig();
    if (!config || applying) return;
    const targetSlot = config.slots[0] === sourceSlot ? config.slots[1] : config.slots[0];
    const source = viewportOf(sourceSlot);
    const target = viewportOf(targetSlot);
    if (!source || !target) return;
    const from = source.getCamera();
    const to = target.getCamera();
    if (!from.focalPoint || !to.focalPoint || !to.position) return;
    const sourceFocal: Vec3 = from.focalPoint;
    const targetFocal: Vec3 = to.focalPoint;
    const aligned = config.mapPoint(sourceSlot, sourceFocal);
    // Not aligned: the other viewport follows the movement, but never off its own volume (it would show black).
    const followed = aligned ? null : previousFocal ? keepInside(target, moveBy(targetFocal, previousFocal, sourceFocal)) : null;
    const mapped = aligned ?? followed;
    const scale = from.parallelScale;
    applying = true;
    try {
      if ('setImageIdIndex' in target && typeof (target as Types.IStackViewport).setImageIdIndex === 'function') {
        const stack = target as Types.IStackViewport;
        if (scale !== undefined && Math.abs((to.parallelScale ?? 0) - scale) > EPSILON_MM) stack.setCamera({ parallelScale: scale });
        const index = mapped ? utilities.getClosestStackImageIndexForPoint(mapped as Types.Point3, stack) : null;
        if (index !== null && index !== undefined && index !== stack.getCurrentImageIdIndex()) void stack.setImageIdIndex(index);
        stack.render();
        return;
      }
      const sameFocal = mapped === null || close(mapped, targetFocal);
      const sameScale = scale === undefined || Math.abs((to.parallelScale ?? 0) - scale) < EPSILON_MM;
      if (sameFocal && sameScale) return;
      const focalPoint = tuple(mapped ?? targetFocal);
      const offset = sub(to.position, to.focalPoint);
      const position = tuple(add(focalPoint, offset));
      target.setCamera({ focalPoint, position, ...(scale !== undefined ? { parallelScale: scale } : {}) });
      target.render();
    } finally {
      applying = false;
    }
  };

  const onCamera = (event: Event) => {
    const { viewportId, previousCamera } = (event as CameraEvent).detail;
    const config = getConfig();
    const slot = config && slotOf(viewportId, config.slots);
    if (slot === undefined || slot === null) return;
    applyCamera(slot, previousCamera?.focalPoint);
  };

  const onVoi = (event: Event) => {
    const { viewportId, range } = (event as VoiEvent).detail;
    const config = getConfig();
    const slot = config && slotOf(viewportId, config.slots);
    if (applying || slot === undefined || slot === null || !config?.syncVoi || !range) return;
    const target = viewportOf(config.slots[0] === slot ? config.slots[1] : config.slots[0]) as Types.IStackViewport | undefined;
    if (!target) return;
    const current = target.getProperties().voiRange;
    if (current && Math.abs(current.lower - range.lower) < EPSILON_MM && Math.abs(current.upper - range.upper) < EPSILON_MM) return;
    applying = true;
    try {
      target.setProperties({ voiRange: { lower: range.lower, upper: range.upper } });
      target.render();
    } finally {
      applying = false;
    }
  };

  /** A viewport that just got its images follows the other one, instead of leading it from its reset view. */
  const onNewData = (event: Event) => {
    const { viewportId } = (event as CustomEvent<{ viewportId: string }>).detail;
    const config = getConfig();
    const slot = config && slotOf(viewportId, config.slots);
    if (slot === undefined || slot === null || !config) return;
    const other = config.slots[0] === slot ? config.slots[1] : config.slots[0];
    setTimeout(() => applyCamera(other), 0);
  };

  const attach = (element: HTMLDivElement | undefined) => {
    if (!element || elements.has(element)) return;
    elements.add(element);
    element.addEventListener(Enums.Events.CAMERA_MODIFIED, onCamera);
    element.addEventListener(Enums.Events.VOI_MODIFIED, onVoi);
    element.addEventListener(Enums.Events.VOLUME_VIEWPORT_NEW_VOLUME, onNewData);
  };

  const onEnabled = (event: Event) => {
    const { element } = (event as CustomEvent<{ element: HTMLDivElement }>).detail;
    attach(element);
  };

  eventTarget.addEventListener(Enums.Events.ELEMENT_ENABLED, onEnabled);
  for (const viewport of renderingEngine().getViewports()) attach(viewport.element);

  return {
    stop() {
      eventTarget.removeEventListener(Enums.Events.ELEMENT_ENABLED, onEnabled);
      for (const element of elements) {
        element.removeEventListener(Enums.Events.CAMERA_MODIFIED, onCamera);
        element.removeEventListener(Enums.Events.VOI_MODIFIED, onVoi);
        element.removeEventListener(Enums.Events.VOLUME_VIEWPORT_NEW_VOLUME, onNewData);
      }
      elements.clear();
    },
    syncFrom: (slot) => applyCamera(slot),
  };
}
