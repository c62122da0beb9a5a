import { BINDINGS, type Binding } from './keyboard/bindings';

const MOUSE: readonly [string, string][] = [
  ['Left drag', 'Active tool (window/level by default)'],
  ['Middle drag', 'Pan'],
  ['Right drag', 'Zoom'],
  ['Wheel', 'Scroll slices'],
  ['Drop files or folders', 'Open them'],
];

const keyLabel = (key: string) => (key === ' ' ? 'Space' : key);

/** Mouse and keyboard reference, generated from the binding table. */
export function HelpPanel() {
  const groups = new Map<Binding['group'], [string, Binding][]>();
  for (const [action, binding] of Object.entries(BINDINGS) as [string, Binding][]) {
    groups.set(binding.group, [...(groups.get(binding.group) ?? []), [action, binding]]);
  }
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
      {[...groups].map(([group, bindings]) => (
        <section key={group}>
          <h3>{group}</h3>
          <dl>
            {bindings.map(([action, binding]) => (
              <div key={action} className="binding">
                <dt>
                  <kbd>{keyLabel(binding.key)}</kbd>
                </dt>
                <dd>{binding.label}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}
