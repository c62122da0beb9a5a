import type { ComponentType } from 'react';
import type { PanelId } from '../state/viewerStore';
import { MeasurementPanel } from '../features/measurements';
import { SegmentationPanel } from '../features/segmentation';
import { TimelinePanel } from '../features/timeline';
import { ImportProblems } from '../features/import';
import { HelpPanel } from './HelpPanel';
import { DicomWebPanel } from '../features/dicomweb';

export interface PanelDefinition {
  title: string;
  tab: string;
  Component: ComponentType;
}

/** The right column's panels, in tab order. */
export const PANELS: Record<PanelId, PanelDefinition> = {
  lesions: { title: 'Lesions and measurements', tab: 'Lesions', Component: MeasurementPanel },
  segmentation: { title: 'Segmentation', tab: 'Segment', Component: SegmentationPanel },
  timeline: { title: 'Timeline', tab: 'Timeline', Component: TimelinePanel },
  problems: { title: 'Import problems', tab: 'Problems', Component: ImportProblems },
  pacs: { title: 'PACS (DICOMweb)', tab: 'PACS', Component: DicomWebPanel },
  help: { title: 'Mouse and keys', tab: 'Help', Component: HelpPanel },
};

export const PANEL_ORDER = Object.keys(PANELS) as PanelId[];
