export * from './importSources';
export * from './ImportProblems';
