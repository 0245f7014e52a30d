import { z } from 'zod';
import { procedure } from '../define';
import { empty, expectedVersion, id, isoDate, ok } from '../fields';
import { ASSIGNMENT_ACTIONS, ASSIGNMENT_STATUSES, type AssignmentAction } from '../../assignments/status';

export const assignmentRow = z.object({
  id: z.number(),
  /** Row version, sent back with assignments.setCompensation (optimistic locking). */
  version: z.number(),
  status: z.enum(ASSIGNMENT_STATUSES),
  clientId: z.number(),
  clientName: z.string(),
  contactPersonId: z.number(),
  contactPersonName: z.string(),
  /** Birth dates (ÅÅÅÅ-MM-DD) shown beside the names, so namesakes can be told apart. */
  clientBirthDate: z.string(),
  contactPersonBirthDate: z.string(),
  decisionId: z.number(),
  legalBasis: z.string(),
  offeredDate: z.string().nullable(),
  meetingDate: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  endReason: z.string().nullable(),
  /** The contact person or the client has protected identity (addresses are left out of prints). */
  protectedIdentity: z.boolean(),
  availableActions: z.array(z.enum(Object.keys(ASSIGNMENT_ACTIONS) as [AssignmentAction, ...AssignmentAction[]])),
  events: z.array(
    z.object({
      id: z.number(),
      date: z.string(),
      action: z.string(),
      fromStatus: z.string(),
      toStatus: z.string(),
      note: z.string().nullable(),
      user: z.string().nullable(),
    }),
  ),
});

export type AssignmentRow = z.infer<typeof assignmentRow>;

export const possibleAvbrottRow = z.object({
  assignmentId: z.number(),
  decisionId: z.number(),
  clientId: z.number(),
  clientName: z.string(),
  contactPersonName: z.string(),
  startDate: z.string(),
  lastMeetingDate: z.string().nullable(),
  silentSince: z.string(),
  silentMonths: z.array(z.string()),
});

export const assignmentProcedures = {
  'assignments.propose': procedure({
    access: ['handlaggare'],
    input: z.object({ decisionId: id, contactPersonId: id, conflictOverride: z.string().trim().max(500).default('') }),
    output: z.object({ id: z.number() }),
  }),
  'assignments.act': procedure({
    access: ['handlaggare'],
    input: z
      .object({
        id,
        action: z.enum(Object.keys(ASSIGNMENT_ACTIONS) as [AssignmentAction, ...AssignmentAction[]]),
        date: isoDate,
        note: z.string().trim().max(2000).default(''),
        /** For 'end': the decision continues (an interruption starts) or ends with the assignment. */
        decisionContinues: z.boolean().default(true),
      })
      .refine((v) => !['cpDecline', 'clientDecline', 'withdraw', 'end'].includes(v.action) || v.note.length > 0, {
        path: ['note'],
        message: 'Ange skälet.',
      }),
    output: z.object({ ok: z.literal(true) }),
  }),
  'assignments.list': procedure({
    access: ['handlaggare'],
    input: z.object({ statuses: z.array(z.enum(ASSIGNMENT_STATUSES)).default([]), decisionId: id.optional() }),
    output: z.array(assignmentRow),
  }),
  'assignments.setCompensation': procedure({
    access: ['handlaggare'],
    input: z.object({
      id,
      arvodeLevel: z.string().min(1, 'Välj arvodesnivå.'),
      omkostnadLevel: z.string().min(1, 'Välj omkostnadsnivå.'),
      expectedVersion,
    }),
    output: ok,
  }),
  'assignments.possibleAvbrott': procedure({
    access: ['handlaggare'],
    input: empty,
    output: z.array(possibleAvbrottRow),
  }),
  'assignments.registerAvbrott': procedure({
    access: ['handlaggare'],
    input: z.object({ assignmentId: id }),
    output: z.object({ fromDate: z.string() }),
  }),
} as const;
