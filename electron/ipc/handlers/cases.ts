import type { Handlers } from '../router';
import { createClient, revealClientAddress, updateClient } from '../../services/clients/records';
import { getClient, searchClients } from '../../services/clients/read';
import { createDecision, endDecision, interruptDecision, resumeDecision, updateDecisionNotes } from '../../services/clients/decisions';
import { suggestMatches } from '../../services/assignments/matching';
import { actOnAssignment, proposeAssignment } from '../../services/assignments/flow';
import { listAssignments } from '../../services/assignments/read';
import { ivoCsv, ivoReport, ivoSummaryCsv } from '../../services/reports/ivo';
import { dashboardSummary } from '../../services/dashboard';
import { dashboardTrends } from '../../services/trends';
import { audit } from '../../core/session';
import { ivoReportHtml } from '../../documents/ivo-report';
import { readSettings } from '../../services/settings';

const ok = { ok: true as const };

export const caseHandlers: Pick<
  Handlers,
  | 'clients.search' | 'clients.get' | 'clients.create' | 'clients.update' | 'clients.revealAddress'
  | 'decisions.create' | 'decisions.updateNotes' | 'decisions.end' | 'decisions.interrupt' | 'decisions.resume'
  | 'matching.suggest' | 'assignments.propose' | 'assignments.act' | 'assignments.list'
  | 'reports.ivo' | 'reports.exportIvo' | 'dashboard.summary' | 'dashboard.trends'
> = {
  'clients.search': (core, input) => searchClients(core.serviceContext(), input),
  'clients.get': (core, input) => getClient(core.serviceContext(), input.id),
  'clients.create': (core, input) => createClient(core.serviceContext(), input),
  'clients.update': (core, input) => updateClient(core.serviceContext(), input.id, input.values),
  'clients.revealAddress': (core, input) => revealClientAddress(core.serviceContext(), input),
  'decisions.create': (core, input) => createDecision(core.serviceContext(), input),
  'decisions.updateNotes': async (core, input) => (await updateDecisionNotes(core.serviceContext(), input), ok),
  'decisions.end': async (core, input) => (await endDecision(core.serviceContext(), input), ok),
  'decisions.interrupt': async (core, input) => (await interruptDecision(core.serviceContext(), input), ok),
  'decisions.resume': async (core, input) => (await resumeDecision(core.serviceContext(), input), ok),
  'matching.suggest': (core, input) => suggestMatches(core.serviceContext(), input.decisionId),
  'assignments.propose': (core, input) => proposeAssignment(core.serviceContext(), input),
  'assignments.act': async (core, input) => (await actOnAssignment(core.serviceContext(), input), ok),
  'assignments.list': (core, input) => listAssignments(core.serviceContext(), input),
  'reports.ivo': (core, input) => ivoReport(core.serviceContext(), input),
  'reports.exportIvo': async (core, input) => {
    const ctx = core.serviceContext();
    const report = await ivoReport(ctx, input);
    const content =
      input.format === 'pdf'
        ? await core.pdf(ivoReportHtml(report, (await readSettings(ctx.db)).unitName, ctx.now().toISOString().slice(0, 10)))
        : Buffer.from(input.format === 'csv' ? ivoCsv(report) : ivoSummaryCsv(report), 'utf8');
    const name = `${input.format === 'summary-csv' ? 'ivo-sammanstallning' : 'ivo-ej-verkstallda'}-${input.year}-K${input.q}.${input.format === 'pdf' ? 'pdf' : 'csv'}`;
    const savedTo = await core.exportSink(name, content);
    if (savedTo) await audit(ctx, ctx.db, { action: 'report.ivo.export', entityType: 'report', detail: `${name} (${report.lines.length} rader)` });
    return { savedTo };
  },
  'dashboard.trends': (core) => dashboardTrends(core.serviceContext()),
  'dashboard.summary': async (core) => {
    const ctx = core.serviceContext();
    const summary = await dashboardSummary(ctx);
    // Names near the deadline are case data: only for case workers, and the read is logged.
    if (!ctx.actor.roles.includes('handlaggare')) return { ...summary, approachingDeadline: [] };
    if (summary.approachingDeadline.length > 0) await audit(ctx, ctx.db, { action: 'dashboard.read', entityType: 'client', detail: `${summary.approachingDeadline.length} beslut nära tremånadersgränsen` });
    return summary;
  },
};
