const PREFIX = 'spinelens-tab:';

/** Holds a Web Lock named after this tab while the page lives: other tabs see which tab records still have a writer. */
export function announceTab(tab: string): void {
  if (typeof navigator === 'undefined' || !navigator.locks) return;
  void navigator.locks.request(`${PREFIX}${tab}`, () => new Promise<never>(() => {})).catch(() => {});
}

/** Ids of the tabs open now, or null when the browser cannot tell (no Web Locks): then no tab record is folded away. */
export async function openTabs(): Promise<ReadonlySet<string> | null> {
  if (typeof navigator === 'undefined' || !navigator.locks) return null;
  try {
    const { held = [], pending = [] } = await navigator.locks.query();
    return new Set([...held, ...pending].flatMap((lock) => (lock.name?.startsWith(PREFIX) ? [lock.name.slice(PREFIX.length)] : [])));
  } catch {
    return null;
  }
}
