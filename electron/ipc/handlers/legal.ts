import type { Handlers } from '../router';
import { audit } from '../../core/session';
import { legalSettingsStore } from '../../services/legal/settings';
import { guessedLaws, setDecisionLaw } from '../../services/legal/decision-law';
import { lssRegisterFile, lssRegisterReport } from '../../services/legal/lss-register';
import { listPossibleAvbrott, registerAvbrott } from '../../services/legal/avbrott';
import { logReview, logReviewFile, signOffLogReview } from '../../services/legal/log-review';
import { legalReminders } from '../../services/legal/reminders';
import { createParticipant } from '../../services/legal/participants';

const ok = { ok: true as const };

/** The reports the law asks for: the LSS register, law per decision, avbrott, log review. */
export const legalHandlers: Pick<
  Handlers,
  | 'legal.settings' | 'legal.saveSettings' | 'decisions.guessedLaws' | 'decisions.setLaw' | 'reports.lssRegister' | 'reports.exportLssRegister'
  | 'assignments.possibleAvbrott' | 'assignments.registerAvbrott' | 'legal.reminders' | 'participants.create' | 'audit.review' | 'audit.exportReview' | 'audit.signOffReview'
> = {
  'legal.settings': (core) => legalSettingsStore.read(core.serviceContext().db),
  'legal.saveSettings': async (core, input) => {
    const ctx = core.serviceContext();
    await legalSettingsStore.save(ctx, input);
    return legalSettingsStore.read(ctx.db);
  },
  'decisions.guessedLaws': (core) => guessedLaws(core.serviceContext()),
  'decisions.setLaw': async (core, input) => (await setDecisionLaw(core.serviceContext(), input), ok),
  'reports.lssRegister': (core, input) => lssRegisterReport(core.serviceContext(), input.referenceDate),
  'reports.exportLssRegister': async (core, input) => {
    const ctx = core.serviceContext();
    const f = await lssRegisterFile(ctx, input.referenceDate, input.format);
    const savedTo = await core.exportSink(f.name, f.content);
    if (savedTo) await audit(ctx, ctx.db, { action: 'report.lss.export', entityType: 'report', detail: `${f.name} (${f.rows} rader)` });
    return { savedTo };
  },
  'assignments.possibleAvbrott': (core) => listPossibleAvbrott(core.serviceContext()),
  'assignments.registerAvbrott': (core, input) => registerAvbrott(core.serviceContext(), input.assignmentId),
  'legal.reminders': (core) => legalReminders(core.serviceContext()),
  'participants.create': (core, input) => createParticipant(core.serviceContext(), input),
  'audit.review': (core, input) => logReview(core.serviceContext(), input),
  'audit.exportReview': async (core, input) => {
    const ctx = core.serviceContext();
    const f = await logReviewFile(ctx, input);
    const savedTo = await core.exportSink(f.name, f.content);
    if (savedTo) await audit(ctx, ctx.db, { action: 'audit.review.export', entityType: 'audit', detail: `${f.name} (${f.rows} rader)` });
    return { savedTo };
  },
  'audit.signOffReview': async (core, input) => (await signOffLogReview(core.serviceContext(), input), ok),
};
