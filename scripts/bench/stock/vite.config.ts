import { defineConfig } from 'vite';

// The stock page is built on its own (npm run bench:load builds it into a temp folder), never into the app.
const loaderCodecs = [
  'pako',
  'comlink',
  '@cornerstonejs/codec-libjpeg-turbo-8bit/decodewasmjs',
  '@cornerstonejs/codec-charls/decodewasmjs',
  '@cornerstonejs/codec-openjpeg/decodewasmjs',
  '@cornerstonejs/codec-openjph/wasmjs',
  '@cornerstonejs/codec-libjxl/decodewasmjs',
].map((dep) => `@cornerstonejs/dicom-image-loader > ${dep}`);

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  worker: { format: 'es' },
  optimizeDeps: {
    exclude: ['@cornerstonejs/dicom-image-loader'],
    include: ['@cornerstonejs/metadata', 'dicom-parser', ...loaderCodecs],
  },
  build: { target: 'es2022', chunkSizeWarningLimit: 8000, emptyOutDir: true },
  logLevel: 'error',
});
