/** Whether the reader pressed a button, turned the wheel or typed a key since start(): their view is then theirs. */
export interface ReaderInput {
  start(): void;
  stop(): void;
  touched(): boolean;
}

const EVENTS = ['pointerdown', 'wheel', 'keydown'] as const;

export function watchReaderInput(): ReaderInput {
  let touched = false;
  let listening = false;
  const onInput = (event: Event) => {
    if (event.isTrusted) touched = true;
  };
  return {
    start() {
      if (listening) return;
      listening = true;
      for (const type of EVENTS) document.addEventListener(type, onInput, { capture: true, passive: true });
    },
    stop() {
      if (!listening) return;
      listening = false;
      for (const type of EVENTS) document.removeEventListener(type, onInput, { capture: true });
    },
    touched: () => touched,
  };
}
