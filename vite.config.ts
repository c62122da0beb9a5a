import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { pacsProxy } from './src/features/dicomweb/pacsProxy';
import { contentSecurityPolicy } from './scripts/contentSecurityPolicy';

const loaderCodecs = [
  'pako',
  'comlink',
  '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs',
  '@cornerstonejs/codec-charls/decodewasmjs',
  '@cornerstonejs/codec-openjpeg/decodewasmjs',
  '@cornerstonejs/codec-openjph/wasmjs',
  '@cornerstonejs/codec-libjxl/decodewasmjs',
].map((dep) => `@cornerstonejs/dicom-image-loader > ${dep}`);

// Cornerstone's compute worker (segmentation statistics) pulls these CommonJS modules.
const toolsWorkerDeps = ['lodash.get', 'fast-deep-equal', 'seedrandom', 'spark-md5', 'utif', 'webworker-promise', 'd3-scale'].map(
  (dep) => `@cornerstonejs/tools > ${dep}`,
);

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  server: { port: 5173, strictPort: true, fs: { allow: ['..'] }, proxy: pacsProxy(process.env) },
  preview: { port: 4173, strictPort: true },
  worker: { format: 'es' },
  optimizeDeps: {
    // The loader creates its decode worker with new URL(..., import.meta.url): pre-bundling breaks that.
    exclude: ['@cornerstonejs/dicom-image-loader'],
    include: ['@cornerstonejs/metadata', 'dicom-parser', ...loaderCodecs, ...toolsWorkerDeps],
  },
  build: { target: 'es2022', chunkSizeWarningLimit: 8000 },
});
