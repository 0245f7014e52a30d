import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { memoryPages, validateXML } from 'xmllint-wasm';

/** The official schemas ship with the app (electron/exports/xsd; copied next to the bundle at build). */
export function xsdDir(): string {
  // CommonJS bundle: next to main.cjs; ESM (tsx, vitest): next to this file.
  const here = typeof __dirname !== 'undefined' ? __dirname : import.meta.dirname;
  return process.env.KPR_XSD_DIR ?? join(here, 'xsd');
}

export type Schema = 'pain.001.001.03' | 'paxml-2.0';

/** Validates XML against an official XSD with libxml2 compiled to WASM (no native code). */
export async function validateAgainstXsd(xml: string | Buffer, schema: Schema): Promise<{ valid: boolean; errors: string[] }> {
  const r = await validateXML({
    xml: [{ fileName: 'file.xml', contents: typeof xml === 'string' ? xml : xml.toString('utf8') }],
    schema: [{ fileName: `${schema}.xsd`, contents: readFileSync(join(xsdDir(), `${schema}.xsd`)) as unknown as string }],
    // The default (16 MiB) runs out on a 10 000-payment file; allow up to 1 GiB.
    maxMemoryPages: memoryPages.GiB,
  });
  return { valid: r.valid, errors: r.errors.map((e) => e.message) };
}
