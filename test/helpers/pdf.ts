import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS } from '../harness/browser';

/** Text of a PDF (poppler's pdftotext; layout kept unless asked for reading order) and a PNG of its first page in test/artifacts to look at. */
export function pdfText(pdf: Buffer, name: string, opts: { layout?: boolean } = {}): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', file, join(ARTIFACTS, name)]);
  return execFileSync('pdftotext', [...(opts.layout === false ? [] : ['-layout']), file, '-'], { encoding: 'utf8' });
}
