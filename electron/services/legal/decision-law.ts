import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../db/schema';
import { DomainError } from '../../../shared/errors';
import { guessLaw, lawDateProblem, type Law, type Personkrets } from '../../../shared/legal/laws';
import type { setLawInput } from '../../../shared/ipc/procedures/decisions';
import { audit, type ServiceContext } from '../../core/session';
import { writeTransaction, type TxContext } from '../transaction';
import { assertVersionMatched, nextVersion, versionToMatch } from '../row-version';
import { legalSettingsStore } from './settings';

/**
 * Checks and completes law, paragraph and personkrets of a decision. The law defaults by the decision date
 * (SoL 2025:400 from 2025-07-01, SFS 2025:400) unless the unit's insats label names LSS; the paragraph must be
 * in the unit's list for that law; personkrets is required for LSS (SOSFS 2005:21 bilaga: the LSS register
 * reports it for every person) and is not kept for SoL.
 */
export async function resolveDecisionLaw(
  db: Kysely<DB> | Transaction<DB>,
  v: { legalBasis: string; decisionDate: string; law?: Law; paragraph?: string; personkrets: Personkrets | null },
): Promise<{ law: Law; paragraph: string; personkrets: Personkrets | null }> {
  const law = v.law ?? guessLaw(v.legalBasis, v.decisionDate);
  const problem = lawDateProblem(law, v.decisionDate);
  if (problem) throw new DomainError('INVALID_INPUT', problem, { fields: { law: problem } });
  const { lawParagraphs } = await legalSettingsStore.read(db);
  const paragraph = v.paragraph || lawParagraphs[law][0];
  if (paragraph === undefined || !lawParagraphs[law].includes(paragraph)) {
    throw new DomainError(
      'INVALID_INPUT',
      'Paragrafen finns inte i enhetens lista för lagen (Inställningar → Lagrum).',
      { fields: { paragraph: 'Välj en paragraf ur listan.' } },
    );
  }
  if (law === 'LSS 1993:387' && !v.personkrets) {
    const msg = 'Ange personkrets (1 § 1, 2 eller 3 LSS). Den krävs för Socialstyrelsens LSS-register.';
    throw new DomainError('INVALID_INPUT', msg, { fields: { personkrets: msg } });
  }
  return { law, paragraph, personkrets: law === 'LSS 1993:387' ? v.personkrets : null };
}

/** Decisions whose law is still migration 0008's guess: listed once for the officer to confirm or correct. */
export async function guessedLaws(ctx: ServiceContext) {
  const rows = await ctx.db
    .selectFrom('decisions')
    .innerJoin('clients', 'clients.id', 'decisions.client_id')
    .select([
      'decisions.id',
      'decisions.version',
      'decisions.client_id',
      'decisions.decision_date',
      'decisions.legal_basis',
      'decisions.law',
      'decisions.paragraph',
      'decisions.personkrets',
      'clients.first_name',
      'clients.last_name',
    ])
    .where('decisions.law_guessed', '=', 1)
    .orderBy('decisions.decision_date')
    .execute();
  if (rows.length > 0)
    await audit(ctx, ctx.db, {
      action: 'decision.law.list',
      entityType: 'client',
      detail: `${rows.length} beslut med gissat lagrum`,
    });
  return rows.map((r) => ({
    decisionId: r.id,
    version: r.version,
    clientId: r.client_id,
    clientName: `${r.first_name} ${r.last_name}`,
    decisionDate: r.decision_date,
    legalBasis: r.legal_basis,
    law: r.law,
    paragraph: r.paragraph,
    personkrets: r.personkrets,
  }));
}

/** The officer confirms or corrects a decision's law, paragraph and personkrets. */
export async function setDecisionLaw(ctx: ServiceContext, input: z.output<typeof setLawInput>): Promise<void> {
  return writeTransaction(ctx, (tx) => setDecisionLawInTrx(tx, input));
}

async function setDecisionLawInTrx(ctx: TxContext, input: z.output<typeof setLawInput>): Promise<void> {
  const d = await ctx.db.selectFrom('decisions').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!d) throw new DomainError('NOT_FOUND', 'Beslutet finns inte.');
  const version = versionToMatch('beslutet', d.version, input.expectedVersion);
  const r = await resolveDecisionLaw(ctx.db, {
    legalBasis: d.legal_basis,
    decisionDate: d.decision_date,
    law: input.law,
    paragraph: input.paragraph,
    personkrets: input.personkrets,
  });
  const trx = ctx.db;
  const updated = await trx
    .updateTable('decisions')
    .set({ law: r.law, paragraph: r.paragraph, personkrets: r.personkrets, law_guessed: 0, version: nextVersion })
    .where('id', '=', d.id)
    .where('version', '=', version)
    .executeTakeFirst();
  assertVersionMatched(updated, 'beslutet');
  await audit(ctx, trx, {
    action: 'decision.law',
    entityType: 'client',
    entityId: d.client_id,
    detail: `beslut ${d.id}: ${r.law} ${r.paragraph}${r.personkrets ? `, personkrets ${r.personkrets}` : ''}`,
  });
}
