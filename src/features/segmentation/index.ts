export * from './adapters/startSegmentation';
export * from './adapters/segmentationController';
export * from './segmentationStore';
export * from './ui/SegmentationPanel';
