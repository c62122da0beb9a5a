import type { Plugin } from 'vite';

/**
 * The page's Content-Security-Policy: only our own scripts (and WebAssembly codecs), workers,
 * styles and connections; images also from data: and blob: URLs (thumbnails). frame-ancestors is
 * ignored in a meta tag; a server should send it as a header too.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Puts the policy in the built page only: the dev server's hot reload needs inline scripts. */
export function contentSecurityPolicy(): Plugin {
  return {
    name: 'spinelens-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
  };
}
