import type { Handlers } from '../router';
import { readDocumentSettings, saveDocumentSettings } from '../../services/documents/settings';
import { listVersions, saveVersion } from '../../services/documents/versions';
import { listFollowUps, recordFollowUp } from '../../services/documents/follow-ups';
import { renderDocument } from '../../services/documents/render';
import { createPdf, exportArchivedPdf, listArchive, printDocument } from '../../services/documents/archive';
import type { AgreementData, PlanData } from '../../../shared/ipc/procedures/documents';
import { audit } from '../../core/session';

export const documentHandlers: Pick<
  Handlers,
  | 'documents.getSettings' | 'documents.saveSettings' | 'agreements.list' | 'agreements.save' | 'plans.list' | 'plans.save'
  | 'followUps.list' | 'followUps.record' | 'documents.preview' | 'documents.createPdf' | 'documents.print' | 'documents.archive' | 'documents.exportPdf'
> = {
  'documents.getSettings': (core) => readDocumentSettings(core.serviceContext().db),
  'documents.saveSettings': async (core, input) => (await saveDocumentSettings(core.serviceContext(), input), { ok: true as const }),
  'agreements.list': (core, input) => listVersions<AgreementData>(core.serviceContext(), 'agreements', input.assignmentId),
  'agreements.save': (core, input) => saveVersion(core.serviceContext(), 'agreements', input.assignmentId, input.data),
  'plans.list': (core, input) => listVersions<PlanData>(core.serviceContext(), 'implementation_plans', input.assignmentId),
  'plans.save': (core, input) => saveVersion(core.serviceContext(), 'implementation_plans', input.assignmentId, input.data),
  'followUps.list': (core, input) => listFollowUps(core.serviceContext(), input),
  'followUps.record': (core, input) => recordFollowUp(core.serviceContext(), input),
  'documents.preview': async (core, input) => {
    const ctx = core.serviceContext();
    const doc = await renderDocument(ctx, input);
    await audit(ctx, ctx.db, { action: 'document.preview', entityType: 'document', detail: doc.title });
    return { title: doc.title, html: doc.html };
  },
  'documents.createPdf': (core, input) => createPdf(core, input),
  'documents.print': (core, input) => printDocument(core, input),
  'documents.archive': (core, input) => listArchive(core.serviceContext(), input),
  'documents.exportPdf': (core, input) => exportArchivedPdf(core, input.documentId),
};
