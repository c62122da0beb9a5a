import { COMMAND_IDS, COMMANDS, type CommandId } from './commandTable';

type KeyEventLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey' | 'code'>;

/** The key string of an event in the table's notation ("Ctrl+z", "Alt+1", "Shift+1", "N", "?"). */
export function keyOf(event: KeyEventLike): string {
  const ctrl = event.ctrlKey || event.metaKey;
  if (event.altKey && /^Digit\d$/.test(event.code)) return `Alt+${event.code.slice(5)}`;
  if (ctrl) return `Ctrl+${event.key.toLowerCase()}`;
  if (event.shiftKey && /^Digit\d$/.test(event.code)) return `Shift+${event.code.slice(5)}`;
  return event.key;
}

const byKey = new Map<string, CommandId>(COMMAND_IDS.flatMap((id) => COMMANDS[id].keys.map((key) => [key, id] as const)));

export function commandForKey(key: string): CommandId | undefined {
  return byKey.get(key);
}

/** How a key is written for people. */
export function keyLabel(key: string): string {
  if (key === ' ') return 'Space';
  if (/^[A-Z]$/.test(key)) return `Shift+${key.toLowerCase()}`;
  return key;
}

/** The first key of a command, for tooltips: "Length (l)". Empty when it has none. */
export function keyHint(id: CommandId): string {
  const key = COMMANDS[id].keys[0];
  return key === undefined ? '' : keyLabel(key);
}

/** "Label (key)" for a button's tooltip. */
export function commandTitle(id: CommandId): string {
  const hint = keyHint(id);
  return hint ? `${COMMANDS[id].label} (${hint})` : COMMANDS[id].label;
}
