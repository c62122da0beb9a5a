import { describe, expect, it } from 'vitest';
import { COMMAND_IDS, COMMANDS, commandForKey, keyOf, toolCommand, toolOfCommand, TOOL_NAMES, TOOLS, toolsIn } from '../../src/commands';

const event = (key: string, mods: Partial<{ ctrlKey: boolean; altKey: boolean; shiftKey: boolean; metaKey: boolean }> = {}, code = '') => ({
  key,
  code,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  metaKey: false,
  ...mods,
});

describe('the command and tool registry', () => {
  it('gives each key to one command only', () => {
    const seen = new Map<string, string[]>();
    for (const id of COMMAND_IDS) for (const key of COMMANDS[id].keys) seen.set(key, [...(seen.get(key) ?? []), id]);
    const clashes = [...seen].filter(([, ids]) => ids.length > 1);
    expect(clashes).toEqual([]);
  });

  it('writes every key in the notation keyOf produces', () => {
    const notation = /^(Ctrl\+[a-z]|Alt\+\d|Shift\+\d|[ -~]|Arrow(Up|Down|Left|Right)|Page(Up|Down)|Home|End|Tab|Delete|Backspace|Escape)$/;
    for (const id of COMMAND_IDS) for (const key of COMMANDS[id].keys) expect(key, id).toMatch(notation);
  });

  it('has one command per tool, listed in Help with the tool’s keys', () => {
    for (const tool of TOOL_NAMES) {
      const id = toolCommand(tool);
      expect(COMMANDS[id].keys).toEqual(TOOLS[tool].keys);
      expect(COMMANDS[id].group).toBe('Tools');
      expect(toolOfCommand(id)).toBe(tool);
    }
    expect(toolOfCommand('undo')).toBeNull();
  });

  it('routes key events to their commands', () => {
    expect(commandForKey(keyOf(event('l')))).toBe('tool.Length');
    expect(commandForKey(keyOf(event('ArrowLeft')))).toBe('previousSlice');
    expect(commandForKey(keyOf(event('ArrowRight')))).toBe('nextSlice');
    expect(commandForKey(keyOf(event('Backspace')))).toBe('deleteMeasurement');
    expect(commandForKey(keyOf(event('!', { shiftKey: true }, 'Digit1')))).toBe('layout1x1');
    expect(commandForKey(keyOf(event('¡', { altKey: true }, 'Digit3')))).toBe('viewSagittal');
    expect(commandForKey(keyOf(event('Z', { ctrlKey: true })))).toBe('undo');
    expect(commandForKey(keyOf(event('E', { shiftKey: true })))).toBe('openExport');
    expect(commandForKey(keyOf(event('q')))).toBeUndefined();
  });

  it('builds tool instances only on tools the registry has', () => {
    for (const tool of TOOL_NAMES) {
      const base = TOOLS[tool].instanceOf?.base;
      if (base) expect(TOOL_NAMES).toContain(base);
    }
  });

  it('shows every tool that has a key in a toolbar or panel', () => {
    const shown = new Set([...toolsIn('toolbar'), ...toolsIn('segmentation')]);
    for (const tool of TOOL_NAMES) if (TOOLS[tool].keys.length > 0) expect(shown.has(tool), tool).toBe(true);
  });
});
