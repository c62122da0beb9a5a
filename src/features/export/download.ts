/** Saves a file through the browser's download (an anchor with download=, no pop-up). */
export function download(fileName: string, parts: BlobPart[], type: string): void {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "20240110" style stamp of today, for file names. */
export const todayStamp = (now = new Date()): string => now.toISOString().slice(0, 10).replace(/-/g, '');
