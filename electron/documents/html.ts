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
  h2 { font-size: 11.5pt; margin: 6mm 0 2mm; }
  p { margin: 0 0 2.5mm; line-height: 1.4; }
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

/** A whole printable document: UTF-8, A4, the unit's name and the document's title and date in the header. */
export function page(opts: { title: string; unitName: string; date: string; body: string; meta?: string; logo?: string }): string {
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>${esc(opts.title)}</title><style>${CSS}</style></head><body>
<header class="doc"><div class="unit">${opts.logo && /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/=]+$/.test(opts.logo) ? `<img class="logo" src="${opts.logo}" alt="">` : ''}${esc(opts.unitName)}</div><div class="meta">${esc(opts.title)}<br>${esc(opts.date)}${opts.meta ? `<br>${esc(opts.meta)}` : ''}</div></header>
${opts.body}
</body></html>`;
}
