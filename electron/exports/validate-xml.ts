import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { memoryPages, validateXML } from 'xmllint-wasm';

/** The official schemas ship with the app (electron/exports/xsd; copied next to the bundle at build). */
export function xsdDir(): string {
  // CommonJS bundle: next to main.cjs; ESM (tsx, vitest): next to this file.
  const here = typeof __dirname !== 'undefined' ? __dirname : import.meta.dirname;
  return process.env.KPR_XSD_DIR ?? join(here, 'xsd');
}

export type Schema = 'pain.001.001.03' | 'paxml-2.0';

/** Validates XML against an official XSD with libxml2 compiled to WASM (no native code). */
export async function validateAgainstXsd(
  xml: string | Buffer,
  schema: Schema,
): Promise<{ valid: boolean; errors: string[] }> {
  const r = await validateXML({
    xml: [{ fileName: 'file.xml', contents: typeof xml === 'string' ? xml : xml.toString('utf8') }],
    schema: [
      { fileName: `${schema}.xsd`, contents: readFileSync(join(xsdDir(), `${schema}.xsd`)) as unknown as string },
    ],
    // The default (16 MiB) runs out on a 10 000-payment file; allow up to 1 GiB.
    maxMemoryPages: memoryPages.GiB,
  });
  return { valid: r.valid, errors: r.errors.map((e) => e.message) };
}

/**
 * Validates a large file whose bulk is one repeated element (pain.001's CdtTrfTxInf) as parts checked
 * side by side in worker threads: each part is the file's head, a run of the repeated elements and
 * its tail. libxml2-as-WASM needs about a second for a 10 000-payment file on one core; the parts
 * share it out over the cores. Sound because the repeated element is an unbounded sequence of
 * siblings and the schema has no identity constraints (xs:key/xs:unique, checked by a test), so the
 * file is valid exactly when every part is; every byte of the file is in at least one part.
 */
export async function validateRepeatedAgainstXsd(
  xml: string,
  schema: Schema,
  repeated: string,
  parts = defaultParts(xml.length),
): Promise<{ valid: boolean; errors: string[] }> {
  const first = xml.indexOf(`<${repeated}>`);
  const closing = `</${repeated}>`;
  const last = xml.lastIndexOf(closing);
  if (parts < 2 || first < 0 || last < first) return validateAgainstXsd(xml, schema);
  const head = xml.slice(0, first);
  const tail = xml.slice(last + closing.length);
  const cuts = [first];
  for (let k = 1; k < parts; k++) {
    const at = xml.indexOf(
      `<${repeated}>`,
      Math.max(cuts[cuts.length - 1]! + 1, first + Math.round(((last - first) * k) / parts)),
    );
    if (at < 0 || at > last) break;
    cuts.push(at);
  }
  cuts.push(last + closing.length);
  const results = await Promise.all(
    cuts.slice(1).map((end, i) => validateAgainstXsd(head + xml.slice(cuts[i], end) + tail, schema)),
  );
  return { valid: results.every((r) => r.valid), errors: results.flatMap((r) => r.errors) };
}

/** One part per core (at most 4), for files over 1 MB; small files in one go (a worker costs ~0,3 s). */
function defaultParts(length: number): number {
  return length < 1_000_000 ? 1 : Math.min(4, Math.max(1, availableParallelism()));
}
