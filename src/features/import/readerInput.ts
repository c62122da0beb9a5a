/**
 * Whether the reader has acted on the image since start(): pressed a button or turned the wheel over a viewport, or
 * pressed a key that moves through the images. Their view is then theirs. Opening a panel or choosing a tool by key
 * does not count: it leaves the view as it was, and the default hanging (e.g. baseline beside follow-up) still follows.
 */
export interface ReaderInput {
  start(): void;
  stop(): void;
  touched(): boolean;
}

const POINTER_EVENTS = ['pointerdown', 'wheel'] as const;
const NAVIGATION_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'PageUp', 'PageDown', 'Home', 'End']);
const VIEWPORT_SELECTOR = '.viewport-pane';

export function watchReaderInput(): ReaderInput {
  let touched = false;
  let listening = false;
  const onPointer = (event: Event) => {
    if (event.isTrusted && event.target instanceof Element && event.target.closest(VIEWPORT_SELECTOR)) touched = true;
  };
  const onKey = (event: KeyboardEvent) => {
    if (event.isTrusted && NAVIGATION_KEYS.has(event.key)) touched = true;
  };
  return {
    start() {
      if (listening) return;
      listening = true;
      for (const type of POINTER_EVENTS) document.addEventListener(type, onPointer, { capture: true, passive: true });
      document.addEventListener('keydown', onKey, { capture: true, passive: true });
    },
    stop() {
      if (!listening) return;
      listening = false;
      for (const type of POINTER_EVENTS) document.removeEventListener(type, onPointer, { capture: true });
      document.removeEventListener('keydown', onKey, { capture: true });
    },
    touched: () => touched,
  };
}
