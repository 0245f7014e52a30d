import { z } from 'zod';
import { procedure } from '../define';
import { empty, id, isoDate } from '../fields';

export const auditEntry = z.object({
  id: z.number(),
  at: z.string(),
  userId: z.number().nullable(),
  username: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  detail: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditVerifyResult = z.object({
  ok: z.boolean(),
  checked: z.number(),
  /** First broken row and why, when not ok. */
  firstBrokenId: z.number().nullable(),
  reason: z.string().nullable(),
});
export type AuditVerifyResult = z.infer<typeof auditVerifyResult>;

export const auditFilter = z.object({
  userId: id.optional(),
  /** A person's personnummer: every log line about that contact person or client. */
  personnummer: z.string().trim().max(13).default(''),
  actionPrefix: z.string().trim().max(60).default(''),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

export const auditProcedures = {
  'audit.list': procedure({
    access: ['admin'],
    input: auditFilter.extend({ beforeId: id.optional(), limit: z.number().int().min(1).max(500).default(100) }),
    output: z.array(auditEntry),
  }),
  'audit.export': procedure({ access: ['admin'], input: auditFilter, output: z.object({ savedTo: z.string().nullable(), rows: z.number() }) }),
  'audit.verify': procedure({ access: ['admin'], input: empty, output: auditVerifyResult }),
} as const;
