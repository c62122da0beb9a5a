import { useState } from 'react';
import type { Vec3 } from '../../../geometry/vec3';

interface Props {
  initial: Vec3;
  /** The offset between the viewports' current positions, or null when it cannot be read. */
  fromCurrent(): Vec3 | null;
  onApply(offset: Vec3): void;
}

const AXES = ['x (L+)', 'y (P+)', 'z (H+)'] as const;

/** Follow-up position = baseline position + offset, in mm of patient coordinates. */
export function ManualOffsetForm({ initial, fromCurrent, onApply }: Props) {
  const [values, setValues] = useState(() => initial.map((v) => v.toFixed(1)));
  const [x = NaN, y = NaN, z = NaN] = values.map(Number);
  const parsed: Vec3 = [x, y, z];
  const valid = parsed.every((v) => Number.isFinite(v));
  return (
    <form
      className="manual-offset"
      data-testid="manual-offset-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) onApply(parsed);
      }}
    >
      {AXES.map((axis, i) => (
        <label key={axis}>
          {axis}
          <input
            type="number"
            step="0.1"
            value={values[i]}
            onChange={(e) => setValues(values.map((v, j) => (j === i ? e.target.value : v)))}
            onKeyDown={(e) => e.stopPropagation()}
          />
        </label>
      ))}
      <span>mm</span>
      <button type="submit" disabled={!valid}>
        Apply
      </button>
      <button
        type="button"
        title="Make what the two viewports show now correspond"
        onClick={() => {
          const offset = fromCurrent();
          if (offset) onApply(offset);
        }}
      >
        Set offset from current positions
      </button>
    </form>
  );
}
