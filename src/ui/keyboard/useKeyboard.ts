import { useEffect } from 'react';
import { actionForKey, keyOf } from './bindings';
import { runAction } from '../commands';

/** Routes key presses to actions, except while the user types in a field. */
export function useKeyboard(openFiles: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const action = actionForKey(keyOf(event));
      if (!action) return;
      event.preventDefault();
      runAction(action, openFiles);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openFiles]);
}
