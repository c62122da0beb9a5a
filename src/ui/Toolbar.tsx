import type { RefObject } from 'react';
import { COMMANDS, commandTitle, keyHint, toolCommand, toolsIn, TOOLS, type CommandId } from '../commands';
import { runCommand } from './commandHandlers';
import { findSeries, useViewerStore, type Layout, type PanelId, type ViewMode } from '../state/viewerStore';
import { useComparisonStore } from '../features/comparison';
import { presetsFor } from '../viewer/displayControls';
import { effectiveMode, mprUnavailableReason } from '../viewer/viewModes';
import { ExportButton } from '../features/export';

interface Props {
  fileInput: RefObject<HTMLInputElement | null>;
  folderInput: RefObject<HTMLInputElement | null>;
}

const MODES: readonly [ViewMode, CommandId, string][] = [
  ['stack', 'viewStack', 'Stack'],
  ['axial', 'viewAxial', 'Ax'],
  ['sagittal', 'viewSagittal', 'Sag'],
  ['coronal', 'viewCoronal', 'Cor'],
];
const LAYOUTS: readonly [Layout, CommandId][] = [
  ['1x1', 'layout1x1'],
  ['1x2', 'layout1x2'],
  ['2x2', 'layout2x2'],
];
/** The command of window preset number n. */
const presetCommand = (n: number) => `preset${n}` as CommandId;
const PANEL_BUTTONS: readonly [PanelId, CommandId, string][] = [
  ['lesions', 'toggleMeasurements', 'Lesions'],
  ['segmentation', 'toggleSegmentation', 'Segment'],
  ['timeline', 'toggleTimeline', 'Timeline'],
];

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
  const run = (id: CommandId) => runCommand(id, openFiles);
  return (
    <div className="toolbar" role="toolbar" aria-label="Viewer tools">
      <button type="button" onClick={openFiles} title={commandTitle('openFiles')}>
        Open files
      </button>
      <button type="button" onClick={() => folderInput.current?.click()} title="Open a folder of DICOM files">
        Open folder
      </button>
      <button type="button" aria-pressed={pacsOpen} onClick={() => run('togglePacs')} title={commandTitle('togglePacs')} data-testid="pacs-button">
        PACS
      </button>
      <ExportButton />
      <span className="sep" />
      {toolsIn('toolbar').map((tool) => (
        <button key={tool} type="button" aria-pressed={activeTool === tool} onClick={() => run(toolCommand(tool))} title={commandTitle(toolCommand(tool))} data-testid={`tool-${tool}`}>
          {TOOLS[tool].short}
        </button>
      ))}
      <span className="sep" />
      <select
        aria-label="Window preset"
        data-testid="preset-select"
        value=""
        disabled={!series}
        title={series ? `${series.modality} window presets` : 'No series in the active viewport'}
        onChange={(e) => e.target.value && run(e.target.value as CommandId)}
      >
        <option value="">{series ? `${series.modality} W/L preset…` : 'W/L preset…'}</option>
        {presets.map((preset) => {
          const command = presetCommand(preset.slot);
          return (
            <option key={preset.slot} value={command}>
              {preset.label} ({keyHint(command)})
            </option>
          );
        })}
      </select>
      <button type="button" onClick={() => run('invert')} title={commandTitle('invert')}>
        Invert
      </button>
      <button type="button" onClick={() => run('reset')} title={commandTitle('reset')}>
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
            title={blocked ? `${COMMANDS[action].label}: unavailable. ${mprBlocked}` : commandTitle(action)}
            data-testid={`mode-${m}`}
          >
            {label}
          </button>
        );
      })}
      <span className="sep" />
      {LAYOUTS.map(([l, action]) => (
        <button key={l} type="button" aria-pressed={layout === l} onClick={() => run(action)} title={commandTitle(action)} data-testid={`layout-${l}`}>
          {l.replace('x', '×')}
        </button>
      ))}
      <button type="button" aria-pressed={comparing} onClick={() => run('compare')} title={commandTitle('compare')} data-testid="compare-button">
        Compare
      </button>
      <span className="sep" />
      {PANEL_BUTTONS.map(([panel, action, label]) => (
        <button key={panel} type="button" aria-pressed={rightPanel === panel} onClick={() => run(action)} title={commandTitle(action)} data-testid={`panel-button-${panel}`}>
          {label}
        </button>
      ))}
      <button type="button" aria-pressed={helpOpen} onClick={() => run('toggleHelp')} title={commandTitle('toggleHelp')}>
        Help
      </button>
    </div>
  );
}
