import type { ProxyOptions } from 'vite';

/** The path on the page's own origin where the configured PACS answers. */
export const PACS_PROXY_PATH = '/pacs';

/**
 * Vite dev/preview proxy to a PACS (Orthanc sends no CORS headers, so the browser must reach it on the
 * page's origin). SPINELENS_PACS_URL is the DICOMweb root (e.g. http://127.0.0.1:8042/dicom-web);
 * SPINELENS_PACS_AUTH ("user:password") is turned into an Authorization header here, so the browser
 * never holds the password. No URL, no proxy.
 */
export function pacsProxy(env: Record<string, string | undefined>): Record<string, ProxyOptions> {
  const url = env.SPINELENS_PACS_URL;
  if (!url) return {};
  const target = new URL(url);
  const rootPath = target.pathname.replace(/\/+$/, '');
  const auth = env.SPINELENS_PACS_AUTH;
  return {
    [PACS_PROXY_PATH]: {
      target: target.origin,
      changeOrigin: true,
      rewrite: (path) => rootPath + path.slice(PACS_PROXY_PATH.length),
      headers: auth ? { Authorization: `Basic ${Buffer.from(auth).toString('base64')}` } : {},
      configure: (proxy) => {
        // A 401 with WWW-Authenticate would make the browser show its own login box: the app explains instead.
        proxy.on('proxyRes', (response) => {
          delete response.headers['www-authenticate'];
        });
      },
    },
  };
}
