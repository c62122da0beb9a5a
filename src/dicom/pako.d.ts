// pako ships without types; these are the parts the deflate inflater needs.
declare module 'pako' {
  export function inflateRaw(data: Uint8Array): Uint8Array;
  export class Inflate {
    constructor(options?: { raw?: boolean; chunkSize?: number });
    push(data: Uint8Array, final?: boolean): boolean;
    onData(chunk: Uint8Array): void;
    err: number;
    msg: string;
  }
}
