import { DomainError } from '../../../shared/errors';
import { toLocalIsoDate } from '../../../shared/dates';
import { audit, type ServiceContext } from '../../core/session';
import { writeTransaction, type TxContext } from '../transaction';
import { assertVersionMatched, nextVersion, versionToMatch } from '../row-version';
import { latestRateUpTo } from '../payouts/settings';

/** Sets an assignment's arvode and omkostnad levels (codes of the current year's rate table). */
export async function setCompensation(ctx: ServiceContext, input: Levels): Promise<void> {
  return writeTransaction(ctx, (tx) => setCompensationInTrx(tx, input));
}

/** `expectedVersion`: the assignment's version the form loaded; a stale save is refused with CONFLICT. */
type Levels = { id: number; arvodeLevel: string; omkostnadLevel: string; expectedVersion?: number };

async function setCompensationInTrx(ctx: TxContext, input: Levels): Promise<void> {
  const a = await ctx.db
    .selectFrom('assignments')
    .select(['id', 'status', 'contact_person_id', 'version'])
    .where('id', '=', input.id)
    .executeTakeFirst();
  if (!a) throw new DomainError('NOT_FOUND', 'Uppdraget finns inte.');
  const version = versionToMatch('uppdraget', a.version, input.expectedVersion);
  if (['avslutat', 'kp_avbojt', 'brukare_avbojt', 'aterkallat'].includes(a.status))
    throw new DomainError('RULE_VIOLATION', 'Uppdraget är avslutat.');
  // Level codes carry over between years, so early in a year without figures the latest year's codes decide.
  const year = Number(toLocalIsoDate(ctx.now()).slice(0, 4));
  const rate = await latestRateUpTo(ctx.db, year);
  if (!rate)
    throw new DomainError(
      'RULE_VIOLATION',
      `Ersättningsnivåer för ${year} saknas. En administratör lägger in dem under Inställningar → Ersättningsnivåer.`,
    );
  if (!rate.arvodeLevels.some((l) => l.code === input.arvodeLevel))
    throw new DomainError('INVALID_INPUT', 'Okänd arvodesnivå.', {
      fields: { arvodeLevel: 'Välj en nivå ur listan.' },
    });
  if (!rate.omkostnadLevels.some((l) => l.code === input.omkostnadLevel))
    throw new DomainError('INVALID_INPUT', 'Okänd omkostnadsnivå.', {
      fields: { omkostnadLevel: 'Välj en nivå ur listan.' },
    });
  const trx = ctx.db;
  const updated = await trx
    .updateTable('assignments')
    .set({
      arvode_level: input.arvodeLevel,
      omkostnad_level: input.omkostnadLevel,
      updated_at: ctx.now().toISOString(),
      version: nextVersion,
    })
    .where('id', '=', a.id)
    .where('version', '=', version)
    .executeTakeFirst();
  assertVersionMatched(updated, 'uppdraget');
  await audit(ctx, trx, {
    action: 'assignment.compensation',
    entityType: 'contact_person',
    entityId: a.contact_person_id,
    detail: `uppdrag ${a.id}: ${input.arvodeLevel}/${input.omkostnadLevel}`,
  });
}
