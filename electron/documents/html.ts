/** Escapes text for HTML. Every value from the database goes through this. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const CSS = `
  @page { size: A4; margin: 18mm 16mm 20mm 16mm; }
  * { box-sizing: border-box; }
  body { font-family: 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; font-size: 10pt; color: #111; margin: 0; }
  header.doc { display: flex; justify-content: space-between; border-bottom: 2px solid #1f5f99; padding-bottom: 4mm; margin-bottom: 6mm; }
  header.doc .unit { font-weight: bold; font-size: 11pt; display: flex; align-items: center; gap: 4mm; }
  header.doc .logo { max-height: 14mm; max-width: 40mm; }
  header.doc .meta { text-align: right; color: #444; font-size: 9pt; }
  h1 { font-size: 15pt; margin: 0 0 4mm; }
  h2 { font-size: 11.5pt; margin: 6mm 0 2mm; break-after: avoid; }
  p { margin: 0 0 2.5mm; line-height: 1.4; orphans: 3; widows: 3; }
  .para { break-inside: avoid; }
  .signatures { break-inside: avoid; }
  .missing { border: 0.5mm solid #b3261e; color: #8a1c15; padding: 3mm; margin-bottom: 5mm; }
  table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; }
  th, td { border-bottom: 0.3mm solid #bbb; padding: 1.4mm 1.6mm; text-align: left; vertical-align: top; }
  th { background: #eef1f4; }
  td.num, th.num { text-align: right; white-space: nowrap; }
  td.nowrap { white-space: nowrap; }
  tfoot td { font-weight: bold; border-top: 0.5mm solid #333; }
  .sign { display: flex; gap: 12mm; margin-top: 14mm; }
  .sign div { flex: 1; border-top: 0.3mm solid #111; padding-top: 1.5mm; font-size: 9pt; }
  .muted { color: #555; }
  .page-break { break-before: page; }
  footer.doc { margin-top: 8mm; font-size: 8pt; color: #666; }
`;

/** A CSS string literal (for generated content in the page margins); `<` escaped so no text can close the style element. */
const cssString = (s: string) =>
  `"${s
    .replace(/[\\"]/g, (c) => `\\${c}`)
    .replace(/</g, '\\3C ')
    .replace(/[\n\r]/g, ' ')}"`;

export interface Letterhead {
  title: string;
  unitName: string;
  /** The municipality ("Provköpings kommun"), above the unit's name. */
  municipality?: string;
  date: string;
  meta?: string;
  logo?: string;
}

/** The header with the municipality, the unit, the logo, the title, the date and the reference (e.g. Dnr). */
export function letterhead(opts: Letterhead): string {
  const logo =
    opts.logo && /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/.test(opts.logo)
      ? `<img class="logo" src="${opts.logo}" alt="">`
      : '';
  const who = opts.municipality
    ? `<span>${esc(opts.municipality)}<br>${esc(opts.unitName)}</span>`
    : esc(opts.unitName);
  return `<header class="doc"><div class="unit">${logo}${who}</div><div class="meta">${esc(opts.title)}<br>${esc(opts.date)}${opts.meta ? `<br>${esc(opts.meta)}` : ''}</div></header>`;
}

/**
 * A whole printable document: UTF-8, A4, the letterhead on top (or `letterhead: false` when the body
 * places its own, e.g. once per copy), and on every page the unit in the top margin and "Sida N av M"
 * in the bottom margin.
 */
export function page(opts: Letterhead & { body: string; letterhead?: boolean }): string {
  const running = [opts.municipality, opts.unitName].filter(Boolean).join(' · ');
  const margins = `@page { @top-left { content: ${cssString(running)}; font-family: 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; font-size: 8pt; color: #555; } @top-right { content: ${cssString([opts.title, opts.meta].filter(Boolean).join(' · '))}; font-family: 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; font-size: 8pt; color: #555; } @bottom-right { content: "Sida " counter(page) " av " counter(pages); font-family: 'DejaVu Sans', 'Segoe UI', Arial, sans-serif; font-size: 8pt; color: #555; } }`;
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${esc(opts.title)}</title><style>${CSS}${margins}</style></head><body>
${opts.letterhead === false ? '' : letterhead(opts)}
${opts.body}
</body></html>`;
}
