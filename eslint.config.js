// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** Folders that form the pure domain core: no React, no Cornerstone, no stores, no UI. */
const PURE_CORE = ['src/dicom/**', 'src/measure/**', 'src/lesions/**', 'src/segment/core/**', 'src/response/**', 'src/geometry/**', 'src/features/dicomweb/core/**', 'src/deidentify/**', 'src/export/**', 'src/pixels/**'];

export default tseslint.config(
  { ignores: ['dist/**', 'dist-e2e-*/**', 'node_modules/**', 'playwright-report/**', 'test-results/**', 'sample-dicom/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: PURE_CORE,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react/*'], message: 'The pure core may not import React.' },
            { group: ['@cornerstonejs/*'], message: 'The pure core may not import Cornerstone: put adapters in src/viewer.' },
            { group: ['zustand', 'zustand/*', 'idb'], message: 'The pure core may not import stores or storage.' },
            { group: ['**/ui/**', '**/viewer/**', '**/state/**', '**/storage/**'], message: 'The pure core may not import UI, viewer, state or storage.' },
          ],
        },
      ],
    },
  },
);
