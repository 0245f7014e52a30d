import type { ExportSink } from '../core/export-sink';
import type { AuditEvent } from '../audit/audit-log';
import { audit, type ServiceContext } from '../core/session';

/** A file written where the user chooses; PDFs are rendered by the caller's renderer. */
export interface ExportOutputs {
  sink: ExportSink;
  pdf: (html: string) => Promise<Buffer>;
}

/**
 * Hands a finished file to the sink and logs it only once it is saved (a cancelled save dialog
 * leaves no trace). Returns where it went, or null when the user cancelled.
 */
export async function saveExport(
  ctx: ServiceContext,
  sink: ExportSink,
  file: { name: string; content: Buffer },
  event: Omit<AuditEvent, 'userId'>,
): Promise<string | null> {
  const savedTo = await sink(file.name, file.content);
  if (savedTo) await audit(ctx, ctx.db, event);
  return savedTo;
}
