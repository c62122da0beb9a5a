/** multipart/related bodies (RFC 2387) as DICOMweb uses them for WADO-RS answers and STOW-RS requests. */

const encoder = new TextEncoder();

export function boundaryOf(contentType: string): string | null {
  const match = /boundary=(?:"([^"]+)"|([^;,\s]+))/i.exec(contentType);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  outer: for (let i = haystack.indexOf(first!, from); i !== -1 && i <= haystack.length - needle.length; i = haystack.indexOf(first!, i + 1)) {
    for (let j = 1; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** The bodies of each part, or null when the bytes are not a multipart body with this boundary. */
export function splitMultipart(body: Uint8Array, boundary: string): Uint8Array[] | null {
  const delimiter = encoder.encode(`--${boundary}`);
  const headerEnd = encoder.encode('\r\n\r\n');
  const parts: Uint8Array[] = [];
  let at = indexOf(body, delimiter, 0);
  if (at === -1) return null;
  for (;;) {
    const afterDelimiter = at + delimiter.length;
    // "--" after a delimiter closes the body.
    if (body[afterDelimiter] === 0x2d && body[afterDelimiter + 1] === 0x2d) return parts;
    const headersEnd = indexOf(body, headerEnd, afterDelimiter);
    if (headersEnd === -1) return null;
    const start = headersEnd + headerEnd.length;
    const next = indexOf(body, delimiter, start);
    if (next === -1) return null;
    // The CRLF before the next delimiter belongs to the delimiter.
    const end = body[next - 2] === 0x0d && body[next - 1] === 0x0a ? next - 2 : next;
    parts.push(body.subarray(start, end));
    at = next;
  }
}

/** A STOW-RS request body: each file as one application/dicom part. */
export function joinMultipart(files: readonly ArrayBuffer[], boundary: string): Uint8Array<ArrayBuffer> {
  const head = encoder.encode(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`);
  const between = encoder.encode('\r\n');
  const tail = encoder.encode(`--${boundary}--\r\n`);
  const size = files.reduce((n, f) => n + head.length + f.byteLength + between.length, tail.length);
  const out = new Uint8Array(size);
  let at = 0;
  for (const file of files) {
    out.set(head, at);
    at += head.length;
    out.set(new Uint8Array(file), at);
    at += file.byteLength;
    out.set(between, at);
    at += between.length;
  }
  out.set(tail, at);
  return out;
}
