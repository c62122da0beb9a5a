/**
 * The part of XMLHttpRequest that dicomweb-client and our adapter use, over Node's fetch, so the client runs in
 * Vitest against a real Orthanc. Follows the browser's order: readystatechange (DONE), then load/error/abort, then
 * loadend; a network failure or an abort is status 0. The browser's own XMLHttpRequest is exercised by the e2e tests.
 */
type Listener = (event: Event) => void;

export class FetchXhr {
  readyState = 0;
  status = 0;
  responseType: '' | 'arraybuffer' | 'json' | 'text' = '';
  response: unknown = null;
  withCredentials = false;
  onreadystatechange: (() => void) | null = null;
  onloadstart: (() => void) | null = null;
  onloadend: (() => void) | null = null;
  onprogress: (() => void) | null = null;
  private method = 'GET';
  private url = '';
  private readonly headers = new Headers();
  private responseHeaders = new Headers();
  private readonly listeners = new Map<string, Listener[]>();
  private readonly controller = new AbortController();
  private done = false;

  open(method: string, url: string): void {
    try {
      this.url = new URL(url).href;
    } catch {
      throw new DOMException(`Failed to execute 'open': Invalid URL ${url}`, 'SyntaxError');
    }
    this.method = method.toUpperCase();
    this.readyState = 1;
  }

  setRequestHeader(name: string, value: string): void {
    this.headers.append(name, value);
  }

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  getResponseHeader(name: string): string | null {
    return this.responseHeaders.get(name);
  }

  getAllResponseHeaders(): string {
    return [...this.responseHeaders].map(([k, v]) => `${k}: ${v}\r\n`).join('');
  }

  send(body?: ArrayBuffer | string | null): void {
    this.onloadstart?.();
    void this.run(body ?? undefined);
  }

  abort(): void {
    this.controller.abort();
    void this.end('abort', 0);
  }

  private async run(body: ArrayBuffer | string | undefined): Promise<void> {
    try {
      const answer = await fetch(this.url, { method: this.method, headers: this.headers, body, signal: this.controller.signal });
      const bytes = await answer.arrayBuffer();
      this.responseHeaders = answer.headers;
      this.response = this.decode(bytes);
      await this.end('load', answer.status);
    } catch {
      await this.end('error', 0);
    }
  }

  private decode(bytes: ArrayBuffer): unknown {
    if (this.responseType === 'arraybuffer') return bytes;
    const text = new TextDecoder().decode(bytes);
    if (this.responseType !== 'json') return text;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return null;
    }
  }

  private async end(kind: 'load' | 'error' | 'abort', status: number): Promise<void> {
    if (this.done) return;
    this.done = true;
    this.status = status;
    if (status === 0) this.response = null;
    this.readyState = 4;
    try {
      this.onreadystatechange?.();
    } catch {
      // A browser reports a throwing handler and goes on to fire load and loadend: so do we.
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const type of [kind, 'loadend']) for (const listener of this.listeners.get(type) ?? []) listener(new Event(type));
    this.onloadend?.();
  }
}

/** Installs the shim as the global XMLHttpRequest (Node has none). */
export function installFetchXhr(): void {
  Object.assign(globalThis, { XMLHttpRequest: FetchXhr });
}
