export * from './adapters/startSegmentation';
export * from './adapters/segmentationController';
export * from './segmentationStore';
export * from './ui/SegmentationPanel';
export { labelmapLayout, loadSegmentsIntoSeries, openLabelmaps, savedLabelmap, type LabelmapSlice, type SeriesLabelmap } from './adapters/labelmapExchange';
export { startSessionLifecycle } from './adapters/sessionLifecycle';
