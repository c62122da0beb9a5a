import { useViewerStore, type PanelId } from '../state/viewerStore';
import { PANEL_ORDER, PANELS } from './panels';

/** The right column: a tab row and the chosen panel, beside the viewports. */
export function RightPanel({ panel }: { panel: PanelId }) {
  const { title, Component } = PANELS[panel];
  const setPanel = useViewerStore((s) => s.setPanel);
  return (
    <aside className="right-panel" aria-label={title} data-testid={`panel-${panel}`}>
      <div className="panel-tabs" role="tablist">
        {PANEL_ORDER.map((id) => (
          <button key={id} type="button" role="tab" aria-selected={id === panel} data-testid={`panel-tab-${id}`} onClick={() => setPanel(id)}>
            {PANELS[id].tab}
          </button>
        ))}
        <button type="button" className="panel-close" aria-label="Close panel" onClick={() => setPanel(null)}>
          ×
        </button>
      </div>
      <h2 className="panel-title">{title}</h2>
      <Component />
    </aside>
  );
}
