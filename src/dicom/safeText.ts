/** Characters that reorder or hide text around them: bidi embeddings, overrides, isolates and marks. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** C0 and C1 controls (tab and newline included: a tag value shown on one line has no use for them). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f]/g;
export const MAX_TEXT_LENGTH = 256;

const codePoint = (c: string): string => `[U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`;

/**
 * A tag value made safe to show as text: bidirectional controls are escaped as "[U+202E]" so a
 * Patient ID "\u202E1234-DI" cannot display as "ID-4321"; other control characters likewise;
 * values longer than MAX_TEXT_LENGTH are cut with an ellipsis. Markup stays literal text (React
 * renders it as text, never as HTML).
 */
export function safeText(value: string, maxLength = MAX_TEXT_LENGTH): string {
  const escaped = value.replace(BIDI_CONTROLS, codePoint).replace(CONTROLS, codePoint);
  return escaped.length > maxLength ? `${escaped.slice(0, maxLength - 1)}…` : escaped;
}
