import type { z } from 'zod';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { DomainError } from '../../../shared/errors';
import type { decisionInput } from '../../../shared/ipc/procedures/decisions';
import { readSettings } from '../settings';
import { audit, type ServiceContext } from '../../core/session';
import { writeTransaction, type TxContext } from '../transaction';
import { assertVersionMatched, nextVersion, versionToMatch } from '../row-version';
import { assertNotFuture } from '../../core/guards';
import { getClientRow } from './records';
import { resolveDecisionLaw } from '../legal/decision-law';

async function getDecision(ctx: ServiceContext, id: number) {
  const d = await ctx.db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!d) throw new DomainError('NOT_FOUND', 'Beslutet finns inte.');
  return d;
}

export async function createDecision(ctx: ServiceContext, v: z.output<typeof decisionInput>): Promise<{ id: number }> {
  return writeTransaction(ctx, (tx) => createDecisionInTrx(tx, v));
}

async function createDecisionInTrx(ctx: TxContext, v: z.output<typeof decisionInput>): Promise<{ id: number }> {
  await getClientRow(ctx, v.clientId);
  const { legalBases } = await readSettings(ctx.db);
  if (!legalBases.includes(v.legalBasis)) {
    throw new DomainError('INVALID_INPUT', 'Lagrummet finns inte i enhetens lista (Inställningar).', {
      fields: { legalBasis: 'Välj ett lagrum ur listan.' },
    });
  }
  assertNotFuture(ctx, v.decisionDate, 'decisionDate');
  const law = await resolveDecisionLaw(ctx.db, v);
  const trx = ctx.db;
  const { id } = await trx
    .insertInto('decisions')
    .values({
      client_id: v.clientId,
      legal_basis: v.legalBasis,
      decision_date: v.decisionDate,
      diarienummer: v.diarienummer,
      valid_from: v.validFrom,
      valid_to: v.validTo,
      meetings_per_period: v.meetingsPerPeriod,
      period: v.period,
      hours_per_month: v.hoursPerMonth,
      needs_special_qualification: v.needsSpecialQualification ? 1 : 0,
      delay_reason: '',
      interim_support: '',
      created_at: ctx.now().toISOString(),
      law: law.law,
      paragraph: law.paragraph,
      personkrets: law.personkrets,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(ctx, trx, {
    action: 'decision.create',
    entityType: 'client',
    entityId: v.clientId,
    detail: `beslut ${id}`,
  });
  return { id };
}

export async function updateDecisionNotes(ctx: ServiceContext, input: DecisionNotes): Promise<void> {
  return writeTransaction(ctx, (tx) => updateDecisionNotesInTrx(tx, input));
}

type DecisionNotes = { id: number; delayReason: string; interimSupport: string; expectedVersion?: number };

async function updateDecisionNotesInTrx(ctx: TxContext, input: DecisionNotes): Promise<void> {
  const d = await getDecision(ctx, input.id);
  const version = versionToMatch('beslutet', d.version, input.expectedVersion);
  const trx = ctx.db;
  const updated = await trx
    .updateTable('decisions')
    .set({ delay_reason: input.delayReason, interim_support: input.interimSupport, version: nextVersion })
    .where('id', '=', input.id)
    .where('version', '=', version)
    .executeTakeFirst();
  assertVersionMatched(updated, 'beslutet');
  await audit(ctx, trx, {
    action: 'decision.notes',
    entityType: 'client',
    entityId: d.client_id,
    detail: `beslut ${d.id}`,
  });
}

/** The decision ends (time limit, withdrawn, no longer wanted). Active assignments must be ended first. */
export async function endDecision(
  ctx: ServiceContext,
  input: { id: number; date: string; reason: string },
): Promise<void> {
  return writeTransaction(ctx, (tx) => endDecisionInTrx(tx, input));
}

async function endDecisionInTrx(ctx: TxContext, input: { id: number; date: string; reason: string }): Promise<void> {
  const d = await getDecision(ctx, input.id);
  if (d.ended_date) throw new DomainError('RULE_VIOLATION', 'Beslutet är redan avslutat.');
  if (input.date < d.decision_date)
    throw new DomainError('INVALID_INPUT', 'Beslutet kan inte upphöra före beslutsdatumet.', {
      fields: { date: 'Före beslutsdatumet.' },
    });
  const open = await ctx.db
    .selectFrom('assignments')
    .select('id')
    .where('decision_id', '=', d.id)
    .where('status', '=', 'aktivt')
    .executeTakeFirst();
  if (open) throw new DomainError('RULE_VIOLATION', 'Avsluta det aktiva uppdraget innan beslutet avslutas.');
  const trx = ctx.db;
  await trx
    .updateTable('decisions')
    .set({ ended_date: input.date, end_reason: input.reason })
    .where('id', '=', d.id)
    .execute();
  await audit(ctx, trx, {
    action: 'decision.end',
    entityType: 'client',
    entityId: d.client_id,
    detail: `beslut ${d.id}`,
  });
}

/** An executed decision stops being carried out (no contact person): an interruption, reportable after three months. */
export async function interruptDecision(
  ctx: ServiceContext,
  input: { id: number; fromDate: string; reason: string },
): Promise<void> {
  return writeTransaction(ctx, (tx) => interruptDecisionInTrx(tx, input));
}

export async function interruptDecisionInTrx(
  ctx: TxContext,
  input: { id: number; fromDate: string; reason: string },
): Promise<void> {
  const d = await getDecision(ctx, input.id);
  if (!d.executed_date)
    throw new DomainError('RULE_VIOLATION', 'Ett beslut som inte har verkställts kan inte avbrytas.');
  if (d.ended_date) throw new DomainError('RULE_VIOLATION', 'Beslutet är avslutat.');
  if (input.fromDate < d.executed_date)
    throw new DomainError('INVALID_INPUT', 'Avbrottet kan inte börja före verkställigheten.', {
      fields: { fromDate: 'Före verkställighetsdatumet.' },
    });
  const run = async (trx: Transaction<DB>) => {
    const open = await trx
      .selectFrom('decision_interruptions')
      .select('id')
      .where('decision_id', '=', d.id)
      .where('resumed_date', 'is', null)
      .executeTakeFirst();
    if (open) throw new DomainError('RULE_VIOLATION', 'Beslutet har redan ett pågående avbrott.');
    await trx
      .insertInto('decision_interruptions')
      .values({ decision_id: d.id, from_date: input.fromDate, reason: input.reason })
      .execute();
    await audit(ctx, trx, {
      action: 'decision.interrupt',
      entityType: 'client',
      entityId: d.client_id,
      detail: `beslut ${d.id}`,
    });
  };
  await run(ctx.db);
}

export async function resumeDecision(
  ctx: ServiceContext,
  input: { interruptionId: number; date: string },
): Promise<void> {
  return writeTransaction(ctx, (tx) => resumeDecisionInTrx(tx, input));
}

async function resumeDecisionInTrx(ctx: TxContext, input: { interruptionId: number; date: string }): Promise<void> {
  const i = await ctx.db
    .selectFrom('decision_interruptions')
    .selectAll()
    .where('id', '=', input.interruptionId)
    .executeTakeFirst();
  if (!i) throw new DomainError('NOT_FOUND', 'Avbrottet finns inte.');
  if (i.resumed_date) throw new DomainError('RULE_VIOLATION', 'Avbrottet är redan avslutat.');
  if (input.date < i.from_date)
    throw new DomainError('INVALID_INPUT', 'Insatsen kan inte återupptas före avbrottet.', {
      fields: { date: 'Före avbrottets start.' },
    });
  const d = await getDecision(ctx, i.decision_id);
  const run = async (trx: Transaction<DB>) => {
    await trx.updateTable('decision_interruptions').set({ resumed_date: input.date }).where('id', '=', i.id).execute();
    await audit(ctx, trx, {
      action: 'decision.resume',
      entityType: 'client',
      entityId: d.client_id,
      detail: `beslut ${d.id}`,
    });
  };
  await run(ctx.db);
}

export { getDecision };
