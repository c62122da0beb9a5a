/** "(7FE0,0010)" from dicom-parser's "x7fe00010". */
export function formatTag(tag: string): string {
  const hex = tag.replace(/^x/i, '').toUpperCase();
  return `(${hex.slice(0, 4)},${hex.slice(4, 8)})`;
}

const NAMES: Record<string, string> = {
  x7fe00010: 'Pixel Data',
  x7fe00008: 'Float Pixel Data',
  x7fe00009: 'Double Float Pixel Data',
  x52009229: 'Shared Functional Groups Sequence',
  x52009230: 'Per-frame Functional Groups Sequence',
  x00041220: 'Directory Record Sequence',
  x300a00b0: 'Beam Sequence',
  x60003000: 'Overlay Data',
};

/** "(7FE0,0010) Pixel Data" or just "(GGGG,EEEE)" for tags not in the small table. */
export function describeTag(tag: string): string {
  const name = NAMES[tag.toLowerCase()];
  return name ? `${formatTag(tag)} ${name}` : formatTag(tag);
}
