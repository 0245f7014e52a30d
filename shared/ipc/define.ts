import type { z } from 'zod';
import type { Access } from '../roles';

/** One IPC procedure: who may call it, and the zod schemas of what goes in and out. */
export interface ProcedureDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  access: Access;
  input: I;
  output: O;
  /** Calls that do not count as user activity for auto-lock (status polling). */
  passive?: boolean;
}

export function procedure<I extends z.ZodType, O extends z.ZodType>(def: ProcedureDef<I, O>): ProcedureDef<I, O> {
  return def;
}
