import type { RefObject } from 'react';
import { BINDINGS, type Action } from './keyboard/bindings';
import { runAction } from './commands';
import { findSeries, useViewerStore, type Layout, type PanelId, type ToolName, type ViewMode } from '../state/viewerStore';
import { useComparisonStore } from '../state/comparisonStore';
import { presetsFor } from '../viewer/displayControls';
import { effectiveMode, mprUnavailableReason } from '../viewer/viewModes';
import { ExportButton } from '../features/export';

interface Props {
  fileInput: RefObject<HTMLInputElement | null>;
  folderInput: RefObject<HTMLInputElement | null>;
}

const TOOLS: readonly [ToolName, Action, string][] = [
  ['WindowLevel', 'toolWindowLevel', 'W/L'],
  ['Pan', 'toolPan', 'Pan'],
  ['Zoom', 'toolZoom', 'Zoom'],
  ['Length', 'toolLength', 'Length'],
  ['Bidirectional', 'toolBidirectional', 'Bidir.'],
  ['EllipticalROI', 'toolEllipse', 'Ellipse'],
  ['PlanarFreehandROI', 'toolFreehand', 'Freehand'],
  ['Probe', 'toolProbe', 'Probe'],
  ['ArrowAnnotate', 'toolArrow', 'Arrow'],
  ['VertebraLabel', 'toolVertebraLabel', 'Level'],
  ['SegmentSeed', 'toolSegmentSeed', 'Grow'],
  ['Brush', 'toolBrush', 'Brush'],
  ['Eraser', 'toolEraser', 'Erase'],
];
const MODES: readonly [ViewMode, Action, string][] = [
  ['stack', 'viewStack', 'Stack'],
  ['axial', 'viewAxial', 'Ax'],
  ['sagittal', 'viewSagittal', 'Sag'],
  ['coronal', 'viewCoronal', 'Cor'],
];
const LAYOUTS: readonly [Layout, Action][] = [
  ['1x1', 'layout1x1'],
  ['1x2', 'layout1x2'],
  ['2x2', 'layout2x2'],
];
/** The action whose key gives preset number n. */
const PRESET_ACTION_BY_NUMBER: Record<number, Action> = {
  1: 'presetSoftTissue',
  2: 'presetBone',
  3: 'presetBrain',
  4: 'presetLung',
  5: 'presetFromFile',
  6: 'presetHistogram',
  7: 'presetSeven',
};
const PANEL_BUTTONS: readonly [PanelId, Action, string][] = [
  ['lesions', 'toggleMeasurements', 'Lesions'],
  ['segmentation', 'toggleSegmentation', 'Segment'],
  ['timeline', 'toggleTimeline', 'Timeline'],
];

const keyHint = (action: Action) => {
  const key = BINDINGS[action].key;
  return key === ' ' ? 'Space' : key;
};

export function Toolbar({ fileInput, folderInput }: Props) {
  const activeTool = useViewerStore((s) => s.activeTool);
  const layout = useViewerStore((s) => s.layout);
  const storedMode = useViewerStore((s) => s.slots[s.activeSlot]?.mode ?? 'stack');
  const rightPanel = useViewerStore((s) => s.rightPanel);
  const helpOpen = rightPanel === 'help';
  const pacsOpen = rightPanel === 'pacs';
  const series = useViewerStore((s) => findSeries(s.patients, s.slots[s.activeSlot]?.seriesKey ?? null));
  const mprBlocked = mprUnavailableReason(series);
  const mode = effectiveMode(series, storedMode);
  const presets = series ? presetsFor(series.modality) : [];
  const comparing = useComparisonStore((s) => s.active);
  const openFiles = () => fileInput.current?.click();
  const run = (action: Action) => runAction(action, openFiles);
  return (
    <div className="toolbar" role="toolbar" aria-label="Viewer tools">
      <button type="button" onClick={openFiles} title={`Open DICOM files (${keyHint('openFiles')})`}>
        Open files
      </button>
      <button type="button" onClick={() => folderInput.current?.click()} title="Open a folder of DICOM files">
        Open folder
      </button>
      <button type="button" aria-pressed={pacsOpen} onClick={() => run('togglePacs')} title={BINDINGS.togglePacs.label} data-testid="pacs-button">
        PACS
      </button>
      <ExportButton />
      <span className="sep" />
      {TOOLS.map(([tool, action, label]) => (
        <button key={tool} type="button" aria-pressed={activeTool === tool} onClick={() => run(action)} title={`${BINDINGS[action].label} (${keyHint(action)})`} data-testid={`tool-${tool}`}>
          {label}
        </button>
      ))}
      <span className="sep" />
      <select
        aria-label="Window preset"
        data-testid="preset-select"
        value=""
        disabled={!series}
        title={series ? `${series.modality} window presets` : 'No series in the active viewport'}
        onChange={(e) => e.target.value && run(e.target.value as Action)}
      >
        <option value="">{series ? `${series.modality} W/L preset…` : 'W/L preset…'}</option>
        {presets.map((preset) => {
          const action = PRESET_ACTION_BY_NUMBER[preset.slot]!;
          return (
            <option key={preset.slot} value={action}>
              {preset.label} ({keyHint(action)})
            </option>
          );
        })}
      </select>
      <button type="button" onClick={() => run('invert')} title={`Invert (${keyHint('invert')})`}>
        Invert
      </button>
      <button type="button" onClick={() => run('reset')} title={`Reset (${keyHint('reset')})`}>
        Reset
      </button>
      <span className="sep" />
      {MODES.map(([m, action, label]) => {
        const blocked = m !== 'stack' && mprBlocked !== null;
        return (
          <button
            key={m}
            type="button"
            aria-pressed={mode === m && !blocked}
            disabled={blocked}
            onClick={() => run(action)}
            title={blocked ? `${BINDINGS[action].label}: unavailable. ${mprBlocked}` : `${BINDINGS[action].label} (${keyHint(action)})`}
            data-testid={`mode-${m}`}
          >
            {label}
          </button>
        );
      })}
      <span className="sep" />
      {LAYOUTS.map(([l, action]) => (
        <button key={l} type="button" aria-pressed={layout === l} onClick={() => run(action)} title={`${BINDINGS[action].label} (${keyHint(action)})`} data-testid={`layout-${l}`}>
          {l.replace('x', '×')}
        </button>
      ))}
      <button type="button" aria-pressed={comparing} onClick={() => run('compare')} title={`${BINDINGS.compare.label} (${keyHint('compare')})`} data-testid="compare-button">
        Compare
      </button>
      <span className="sep" />
      {PANEL_BUTTONS.map(([panel, action, label]) => (
        <button key={panel} type="button" aria-pressed={rightPanel === panel} onClick={() => run(action)} title={`${BINDINGS[action].label} (${keyHint(action)})`} data-testid={`panel-button-${panel}`}>
          {label}
        </button>
      ))}
      <button type="button" aria-pressed={helpOpen} onClick={() => run('toggleHelp')} title={`Help (${keyHint('toggleHelp')})`}>
        Help
      </button>
    </div>
  );
}
