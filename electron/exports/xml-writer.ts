/**
 * A minimal XML writer for the bank files: elements as strings, joined once. A DOM builder
 * (xmlbuilder2) spent about 2 s of a 10 000-payment pain.001 on nodes, namespaces and garbage;
 * the files are flat and their text is already cleaned, so strings are enough.
 */
const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text content (& < >). */
export function escapeText(value: string): string {
  return /[&<>]/.test(value) ? value.replace(/[&<>]/g, (c) => TEXT_ESCAPES[c] ?? c) : value;
}

/** Escapes an attribute value in double quotes (& < > "). */
export function escapeAttr(value: string): string {
  return /[&<>"]/.test(value) ? value.replace(/[&<>"]/g, (c) => TEXT_ESCAPES[c] ?? c) : value;
}

function open(name: string, attrs?: Record<string, string>): string {
  if (!attrs) return name;
  return `${name}${Object.entries(attrs)
    .map(([k, v]) => ` ${k}="${escapeAttr(v)}"`)
    .join('')}`;
}

/** An element with escaped text. */
export function txt(name: string, value: string, attrs?: Record<string, string>): string {
  return `<${open(name, attrs)}>${escapeText(value)}</${name}>`;
}

/** An element around already-written children (empty: a self-closing tag). */
export function ele(name: string, ...children: string[]): string {
  const inner = children.join('');
  return inner ? `<${name}>${inner}</${name}>` : `<${name}/>`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
