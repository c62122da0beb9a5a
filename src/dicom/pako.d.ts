// pako ships without types; this is the one function the deflate inflater needs.
declare module 'pako' {
  export function inflateRaw(data: Uint8Array): Uint8Array;
}
