export * from './ui/TimelinePanel';
