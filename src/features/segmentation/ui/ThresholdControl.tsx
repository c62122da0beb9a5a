import { useEffect, useState } from 'react';
import { useSegmentationStore, type SegmentationView } from '../segmentationStore';
import { setThresholdRange } from '../adapters/segmentationController';

/** Low and high value the threshold brush paints; a grow fills in its window, the user can type over it. */
export function ThresholdControl({ view }: { view: SegmentationView }) {
  const range = useSegmentationStore((s) => s.thresholdRange);
  const [low, setLow] = useState(String(Math.round(range[0])));
  const [high, setHigh] = useState(String(Math.round(range[1])));
  useEffect(() => {
    setLow(String(Math.round(range[0])));
    setHigh(String(Math.round(range[1])));
  }, [range]);
  const commit = (lowText: string, highText: string) => {
    const a = Number(lowText);
    const b = Number(highText);
    if (lowText.trim() !== '' && highText.trim() !== '' && Number.isFinite(a) && Number.isFinite(b) && a <= b && (a !== range[0] || b !== range[1])) setThresholdRange([a, b]);
  };
  const unit = view.modality === 'CT' ? 'HU' : '(signal)';
  return (
    <div className="seg-row" data-testid="seg-threshold">
      Threshold brush{' '}
      <input
        type="number"
        aria-label="Threshold low"
        data-testid="seg-threshold-low"
        value={low}
        onChange={(e) => {
          setLow(e.target.value);
          commit(e.target.value, high);
        }}
      />
      –
      <input
        type="number"
        aria-label="Threshold high"
        data-testid="seg-threshold-high"
        value={high}
        onChange={(e) => {
          setHigh(e.target.value);
          commit(low, e.target.value);
        }}
      />
      <span className="muted">{unit}</span>
    </div>
  );
}
