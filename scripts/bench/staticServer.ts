/** A static file server for the benchmark: the app's production build at /, the stock page under /stock/, the floor page. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.dcm': 'application/dicom',
};

/** Reads every chosen file with File.arrayBuffer, nothing else: the floor any viewer reading local files pays. */
const FLOOR_PAGE = `<!doctype html><meta charset="utf-8"><title>read floor</title><input id="files" type="file" multiple>
<script>
document.getElementById('files').addEventListener('change', async (event) => {
  const t0 = performance.now();
  const buffers = await Promise.all(Array.from(event.target.files).map((f) => f.arrayBuffer()));
  window.floorBytes = buffers.reduce((n, b) => n + b.byteLength, 0);
  window.floorMs = Math.round(performance.now() - t0);
});
</script>`;

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

export async function serveBuilds(appDir: string, stockDir: string): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/floor.html') {
      response.writeHead(200, { 'content-type': TYPES['.html']! });
      response.end(FLOOR_PAGE);
      return;
    }
    const [root, rest] = url.pathname.startsWith('/stock/') ? [stockDir, url.pathname.slice('/stock'.length)] : [appDir, url.pathname];
    let file = path.join(root, path.normalize(decodeURIComponent(rest)));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = path.join(root, 'index.html');
    response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
