import { useEffect } from 'react';
import { commandForKey, keyOf } from '../../commands';
import { runCommand } from '../commandHandlers';

/** Routes key presses to commands, except while the user types in a field. */
export function useKeyboard(openFiles: () => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
      const command = commandForKey(keyOf(event));
      if (!command) return;
      event.preventDefault();
      runCommand(command, openFiles);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [openFiles]);
}
