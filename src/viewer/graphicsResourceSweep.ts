import { getRenderingEngine } from '@cornerstonejs/core';
import { RENDERING_ENGINE_ID } from './renderingEngine';

interface ResourceUser {
  isDeleted(): boolean;
}
interface SharedResource {
  users: Set<ResourceUser>;
}
/** The part of vtk.js's OpenGL render window this sweep needs; `get` is vtk's accessor for model fields. */
interface OpenGLRenderWindow {
  get(name: '_graphicsResources'): { _graphicsResources?: Map<unknown, SharedResource> };
  unregisterGraphicsResourceUser(coreObject: unknown, user: ResourceUser): void;
}
interface ContextPoolEngine {
  contextPool?: { getAllContexts(): { getOpenGLRenderWindow(): OpenGLRenderWindow }[] };
}

function renderWindows(): OpenGLRenderWindow[] {
  // Cornerstone's context-pool engine keeps its vtk render windows in a pool its types do not declare.
  const engine = getRenderingEngine(RENDERING_ENGINE_ID) as ContextPoolEngine | undefined;
  return engine?.contextPool?.getAllContexts().map((c) => c.getOpenGLRenderWindow()) ?? [];
}

const stale = (resource: SharedResource): boolean => resource.users.size > 0 && [...resource.users].every((u) => u.isDeleted());

/** Shared textures (colour, opacity, label outline) whose every user is a deleted image mapper. */
export function staleGraphicsResourceCount(): number {
  return renderWindows().reduce((n, w) => n + [...(w.get('_graphicsResources')._graphicsResources?.values() ?? [])].filter(stale).length, 0);
}

/**
 * vtk.js keeps a shared texture per transfer function until its last user unregisters; image mappers deleted with a
 * closed series' actors leave theirs registered (about nine entries and their GL textures per series shown), so the
 * render window would hold every closed series' transfer functions for the life of the page. Unregistering the deleted
 * users releases them; textures still used by a live mapper are left alone.
 */
export function releaseStaleGraphicsResources(): number {
  let released = 0;
  for (const window of renderWindows()) {
    const resources = window.get('_graphicsResources')._graphicsResources;
    if (!resources) continue;
    for (const [coreObject, resource] of [...resources]) {
      if (!stale(resource)) continue;
      for (const user of [...resource.users]) window.unregisterGraphicsResourceUser(coreObject, user);
      released++;
    }
  }
  return released;
}
