import { RenderingEngine, getRenderingEngine } from '@cornerstonejs/core';

export const RENDERING_ENGINE_ID = 'spinelens';

export function renderingEngine(): RenderingEngine {
  return (getRenderingEngine(RENDERING_ENGINE_ID) as RenderingEngine | undefined) ?? new RenderingEngine(RENDERING_ENGINE_ID);
}

export const viewportIdForSlot = (slot: number): string => `slot-${slot}`;

/** Re-fits every viewport to its element, if the engine exists yet. */
export function resizeViewports(): void {
  (getRenderingEngine(RENDERING_ENGINE_ID) as RenderingEngine | undefined)?.resize(true, true);
}
