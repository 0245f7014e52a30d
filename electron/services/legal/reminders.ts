import { toLocalIsoDate } from '../../../shared/dates';
import { lssReminder } from '../../../shared/legal/lss-register';
import type { ServiceContext } from '../../core/session';
import { countPossibleAvbrott } from './avbrott';
import { logReviewDue } from './log-review';
import { legalSettingsStore } from './settings';
import { participantCounts } from './participants';

/** Översikt's legal reminders; counts only (no names), each for the role that acts on it. */
export async function legalReminders(ctx: ServiceContext) {
  const s = await legalSettingsStore.read(ctx.db);
  const isCase = ctx.actor.roles.includes('handlaggare');
  const guessed = isCase
    ? await ctx.db
        .selectFrom('decisions')
        .select((e) => e.fn.countAll<number>().as('n'))
        .where('law_guessed', '=', 1)
        .executeTakeFirstOrThrow()
    : { n: 0 };
  return {
    lssRegister: isCase ? lssReminder(toLocalIsoDate(ctx.now()), s) : null,
    guessedLaws: guessed.n,
    possibleAvbrott: isCase ? await countPossibleAvbrott(ctx) : 0,
    logReview: ctx.actor.roles.includes('admin') ? await logReviewDue(ctx) : null,
    participants: await participantCounts(ctx),
  };
}
