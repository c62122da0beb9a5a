import { useMeasurementStore } from '../../../state/measurementStore';
import { useSaveStatusStore } from '../../../state/saveStatusStore';
import { useSegmentationStore } from '../segmentationStore';
import { findSeries, useViewerStore } from '../../../state/viewerStore';
import { commandTitle, toolCommand, toolsIn, TOOLS } from '../../../commands';
import {
  addLesionSegment,
  clearSegmentation,
  interpolate,
  redo,
  setActiveSegment,
  setBrushSize,
  setLesion,
  startForActiveSlot,
  undo,
} from '../adapters/segmentationController';
import { selectTool } from '../../../viewer/toolGroup';
import { EdgeControl } from './EdgeControl';
import { SegmentFlags } from './SegmentFlags';
import { SegmentationNumbers } from './SegmentationNumbers';
import { ThresholdControl } from './ThresholdControl';
import './segmentation.css';

const NEW_LESION = '__new__';

/** Segmentation of the lesion in the series of the active viewport: grow, edit, volume and diameters. */
export function SegmentationPanel() {
  const seriesKey = useViewerStore((s) => s.slots[s.activeSlot]?.seriesKey ?? null);
  const patients = useViewerStore((s) => s.patients);
  const activeTool = useViewerStore((s) => s.activeTool);
  const view = useSegmentationStore((s) => (seriesKey ? s.views[seriesKey] : undefined));
  const busy = useSegmentationStore((s) => s.busy);
  const message = useSegmentationStore((s) => s.message);
  const brushSizeMm = useSegmentationStore((s) => s.brushSizeMm);
  const lesions = useMeasurementStore((s) => s.state.lesions);
  const storageError = useSaveStatusStore((s) => s.storageError);
  const series = findSeries(patients, seriesKey);
  const active = view?.segments.find((seg) => seg.label === view.activeLabel);

  return (
    <div className="segmentation-panel" data-testid="segmentation-panel">
      <div className="seg-tools" role="group" aria-label="Segmentation tools">
        {toolsIn('segmentation').map((tool) => (
          <button key={tool} type="button" aria-pressed={activeTool === tool} data-testid={`seg-tool-${tool}`} title={commandTitle(toolCommand(tool))} onClick={() => selectTool(tool)}>
            {TOOLS[tool].short}
          </button>
        ))}
        {busy && <span className="muted" data-testid="seg-busy">Working…</span>}
      </div>
      {!series && <p className="muted">Show a series in the active viewport to segment it.</p>}
      {series && !view && (
        <p>
          <span className="muted">{series.modality} {series.description}: not segmented. Click the lesion with Grow, or </span>
          <button type="button" data-testid="seg-start" disabled={busy} onClick={() => void startForActiveSlot()}>
            Start segmentation
          </button>
        </p>
      )}
      {view && (
        <>
          <p className="seg-series" data-testid="seg-series">
            {view.seriesLabel}
          </p>
          <div className="seg-segments" role="radiogroup" aria-label="Lesions segmented in this series" data-testid="seg-segments">
            {view.segments.map((seg) => {
              const lesion = lesions.find((l) => l.id === seg.lesionId);
              return (
                <label key={seg.label} className="seg-segment" aria-current={seg.label === view.activeLabel} data-testid={`seg-segment-${seg.label}`}>
                  <input type="radio" name="seg-active" checked={seg.label === view.activeLabel} onChange={() => setActiveSegment(view.seriesKey, seg.label)} />
                  {lesion ? `${lesion.name}${lesion.level ? ` (${lesion.level})` : ''}` : '(lesion not found)'}
                  <span className="muted" data-testid={`seg-segment-volume-${seg.label}`}>
                    {seg.result.voxelCount > 0 ? `${seg.result.volumeMl.toFixed(2)} mL` : 'empty'}
                    {seg.flags.length > 0 && !seg.confirmedAt ? ' ⚠ check' : ''}
                  </span>
                </label>
              );
            })}
            <button type="button" data-testid="seg-add-lesion" title="Segment another lesion in this series (its own label and volume)" onClick={() => addLesionSegment(view.seriesKey)}>
              Another lesion
            </button>
          </div>
          {active && (
            <>
              <label className="seg-row">
                Lesion{' '}
                <select value={active.lesionId} data-testid="seg-lesion" onChange={(e) => setLesion(view.seriesKey, active.label, e.target.value === NEW_LESION ? null : e.target.value)}>
                  {!lesions.some((l) => l.id === active.lesionId) && <option value={active.lesionId}>(lesion not found)</option>}
                  {lesions.map((l) => (
                    <option key={l.id} value={l.id}>
                      {l.name}
                      {l.level ? ` (${l.level})` : ''}
                    </option>
                  ))}
                  <option value={NEW_LESION}>New lesion</option>
                </select>
              </label>
              <SegmentFlags seriesKey={view.seriesKey} segment={active} />
              <SegmentationNumbers view={view} segment={active} />
            </>
          )}
          <EdgeControl view={view} />
          <label className="seg-row">
            Brush size{' '}
            <input type="range" min={1} max={20} step={0.5} value={brushSizeMm} data-testid="seg-brush-size" onChange={(e) => setBrushSize(Number(e.target.value))} />
            <span className="muted">{brushSizeMm} mm</span>
          </label>
          <ThresholdControl view={view} />
          <div className="seg-row">
            <button type="button" data-testid="seg-undo" disabled={!view.canUndo} onClick={() => undo(view.seriesKey)}>
              Undo
            </button>
            <button type="button" data-testid="seg-redo" disabled={!view.canRedo} onClick={() => redo(view.seriesKey)}>
              Redo
            </button>
            <button type="button" data-testid="seg-interpolate" title="Fill the slices between painted slices" onClick={() => interpolate(view.seriesKey)}>
              Interpolate
            </button>
            <button type="button" data-testid="seg-clear" onClick={() => clearSegmentation(view.seriesKey)}>
              Clear
            </button>
          </div>
          <p className="muted seg-help" data-testid="seg-help">
            Grow (g): click anywhere inside the lesion: the edge is learnt from the lesion and its surroundings. Line (n): for hard cases, drag across the lesion from outside to outside: it stays within the circle on the line. Brush (d) and Erase (x) paint and erase; Threshold (h) paints only voxels between the low and high value
            above (the last grow fills them in). Interpolate fills the slices between painted ones. Ctrl+Z / Ctrl+Y undo and redo segmentation
            edits while this panel is open; y confirms a flagged volume, Shift+N starts another lesion.
          </p>
        </>
      )}
      {message && (
        <p className="error" role="status" data-testid="seg-message">
          {message}
        </p>
      )}
      {storageError && <p className="error">{storageError}</p>}
    </div>
  );
}
