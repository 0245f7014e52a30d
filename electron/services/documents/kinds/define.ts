import type { z } from 'zod';
import type { RenderContext, RenderedDocument } from './context';
import { parseStored, type FieldLabels, type StoredData } from './stored';

/** One document kind: the schema of its stored data, how to read that data, and how to render it. */
export interface DocumentKindDef<S extends z.ZodType> {
  /** The stored data (a saved version's JSON, or the register facts a letter prints). */
  schema: S;
  /** Swedish names of the schema's fields for the error on bad stored data. */
  labels?: FieldLabels;
  read(rc: RenderContext): Promise<StoredData>;
  render(rc: RenderContext, data: z.output<S>): Promise<RenderedDocument>;
}

/** A kind as the registry holds it: the data is parsed with the schema before render sees it. */
export interface RegisteredKind {
  schema: z.ZodType;
  render(rc: RenderContext): Promise<RenderedDocument>;
}

export function defineKind<S extends z.ZodType>(def: DocumentKindDef<S>): RegisteredKind {
  return {
    schema: def.schema,
    render: async (rc) => def.render(rc, parseStored(def.schema, await def.read(rc), def.labels)),
  };
}
