import { COMMAND_IDS, COMMANDS, keyLabel, type CommandGroup, type CommandId } from '../commands';

const MOUSE: readonly [string, string][] = [
  ['Left drag', 'Active tool (window/level by default)'],
  ['Middle drag', 'Pan'],
  ['Right drag', 'Zoom'],
  ['Wheel', 'Scroll slices'],
  ['Drop files or folders', 'Open them'],
];

/** Mouse and keyboard reference, generated from the command table. */
export function HelpPanel() {
  const groups = new Map<CommandGroup, CommandId[]>();
  for (const id of COMMAND_IDS) if (COMMANDS[id].keys.length > 0) groups.set(COMMANDS[id].group, [...(groups.get(COMMANDS[id].group) ?? []), id]);
  return (
    <div className="help-panel" data-testid="help-panel">
      <h3>Mouse</h3>
      <dl>
        {MOUSE.map(([gesture, what]) => (
          <div key={gesture} className="binding">
            <dt>{gesture}</dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      {[...groups].map(([group, ids]) => (
        <section key={group}>
          <h3>{group}</h3>
          <dl>
            {ids.map((id) => (
              <div key={id} className="binding">
                <dt>
                  {COMMANDS[id].keys.map((key) => (
                    <kbd key={key}>{keyLabel(key)}</kbd>
                  ))}
                </dt>
                <dd>{COMMANDS[id].label}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
