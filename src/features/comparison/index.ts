export * from './comparisonStore';
export * from './ui/ComparisonBar';
export * from './ui/comparisonController';
export * from './ui/pointPairPick';
