export * from './vertebraLabeling';
export * from './LabelingControls';
