import type { RefObject } from 'react';
import { BINDINGS, type Action } from './keyboard/bindings';
import { runAction } from './commands';
import { useViewerStore, type Layout, type ToolName, type ViewMode } from '../state/viewerStore';
import { useComparisonStore } from '../state/comparisonStore';

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
const PRESETS: readonly [Action, string][] = [
  ['presetSoftTissue', 'Soft tissue'],
  ['presetBone', 'Bone'],
  ['presetBrain', 'Brain'],
  ['presetLung', 'Lung'],
  ['presetFromFile', 'From file'],
  ['presetHistogram', 'Histogram'],
];

const keyHint = (action: Action) => {
  const key = BINDINGS[action].key;
  return key === ' ' ? 'Space' : key;
};

export function Toolbar({ fileInput, folderInput }: Props) {
  const activeTool = useViewerStore((s) => s.activeTool);
  const layout = useViewerStore((s) => s.layout);
  const mode = useViewerStore((s) => s.slots[s.activeSlot]?.mode);
  const helpOpen = useViewerStore((s) => s.rightPanel === 'help');
  const pacsOpen = rightPanel === 'pacs';
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
      <span className="sep" />
      {TOOLS.map(([tool, action, label]) => (
        <button key={tool} type="button" aria-pressed={activeTool === tool} onClick={() => run(action)} title={`${BINDINGS[action].label} (${keyHint(action)})`} data-testid={`tool-${tool}`}>
          {label}
        </button>
      ))}
      <span className="sep" />
      <select aria-label="Window preset" data-testid="preset-select" value="" onChange={(e) => e.target.value && run(e.target.value as Action)}>
        <option value="">W/L preset…</option>
        {PRESETS.map(([action, label]) => (
          <option key={action} value={action}>
            {label} ({keyHint(action)})
          </option>
        ))}
      </select>
      <button type="button" onClick={() => run('invert')} title={`Invert (${keyHint('invert')})`}>
        Invert
      </button>
      <button type="button" onClick={() => run('reset')} title={`Reset (${keyHint('reset')})`}>
        Reset
      </button>
      <span className="sep" />
      {MODES.map(([m, action, label]) => (
        <button key={m} type="button" aria-pressed={mode === m} onClick={() => run(action)} title={`${BINDINGS[action].label} (${keyHint(action)})`} data-testid={`mode-${m}`}>
          {label}
        </button>
      ))}
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
      <button type="button" aria-pressed={helpOpen} onClick={() => run('toggleHelp')} title={`Help (${keyHint('toggleHelp')})`}>
        Help
      </button>
    </div>
  );
}
