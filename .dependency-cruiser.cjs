/**
 * Layer and feature boundaries above the pure core, checked by `npm run lint:deps` (part of `npm test`).
 * The pure core's own rule (no React, Cornerstone, stores) is in eslint.config.js.
 */
const PURE = '^src/(dicom|geometry|measure|lesions|response|segment/core|deidentify|export)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-cycle', severity: 'error', comment: 'Import cycles make load order and ownership unclear.', from: {}, to: { circular: true } },
    {
      name: 'feature-through-index',
      severity: 'error',
      comment: 'A feature is entered through its index.ts only.',
      from: { path: '^src/', pathNot: '^src/(features|testing)/' },
      to: { path: '^src/features/[^/]+/', pathNot: '^src/features/[^/]+/index\\.tsx?$' },
    },
    {
      name: 'feature-to-feature-through-index',
      severity: 'error',
      comment: 'One feature uses another through its index.ts only.',
      from: { path: '^src/features/([^/]+)/' },
      to: { path: '^src/features/[^/]+/', pathNot: ['^src/features/$1/', '^src/features/[^/]+/index\\.tsx?$'] },
    },
    {
      name: 'pure-core-stays-pure',
      severity: 'error',
      comment: 'The pure core imports only the pure core.',
      from: { path: PURE },
      to: { path: '^src/', pathNot: PURE },
    },
    {
      name: 'no-upward-from-adapters',
      severity: 'error',
      comment: 'Features, Cornerstone adapters, stores and storage sit below the app (src/ui).',
      from: { path: '^src/(viewer|state|storage|sources|loading|commands|features)/' },
      to: { path: '^src/(ui|app)/' },
    },
    {
      name: 'platform-below-features',
      severity: 'error',
      comment: 'The platform (Cornerstone adapters, stores, storage, loading) is shared by features and knows none of them.',
      from: { path: '^src/(viewer|state|storage|sources|loading|commands)/' },
      to: { path: '^src/features/' },
    },
    {
      name: 'test-hooks-from-test-entry-only',
      severity: 'error',
      comment: 'Test hooks are installed by main.tsx in the test build only.',
      from: { path: '^src/', pathNot: '^src/(testing/|main\\.tsx$|ui/testHooks\\.ts$)' },
      to: { path: '^src/testing/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
