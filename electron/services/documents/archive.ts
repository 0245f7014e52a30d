import { DomainError } from '../../../shared/errors';
import { audit, type ServiceContext } from '../../core/session';
import type { AppCore } from '../../core/app-core';
import { renderDocument, type DocumentRef } from './render';

/** PDFs being made right now, by document: a second request for the same one (a double-click) gets the first one's answer. */
const inFlight = new Map<string, Promise<{ documentId: number }>>();

/**
 * Renders the PDF and keeps it in the encrypted database (the archive); nothing is written to disk.
 * The same document asked for again while it is being made is archived once.
 */
export function createPdf(core: AppCore, ref: DocumentRef): Promise<{ documentId: number }> {
  const key = JSON.stringify([
    core.serviceContext().actor.id,
    Object.entries(ref).sort(([a], [b]) => a.localeCompare(b)),
  ]);
  const running = inFlight.get(key);
  if (running) return running;
  const made = createPdfOnce(core, ref).finally(() => inFlight.delete(key));
  inFlight.set(key, made);
  return made;
}

async function createPdfOnce(core: AppCore, ref: DocumentRef): Promise<{ documentId: number }> {
  const ctx = core.serviceContext();
  const doc = await renderDocument(ctx, ref, { final: true });
  const pdf = await core.pdf(doc.html);
  return ctx.db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('documents')
      .values({
        kind: ref.kind,
        assignment_id: doc.assignmentId,
        contact_person_id: doc.contactPersonId,
        title: doc.title,
        created_at: ctx.now().toISOString(),
        created_by: ctx.actor.id,
        pdf,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(ctx, trx, { action: 'document.create', entityType: 'document', entityId: id, detail: doc.title });
    return { documentId: id };
  });
}

export async function listArchive(ctx: ServiceContext, input: { assignmentId?: number; contactPersonId?: number }) {
  let q = ctx.db
    .selectFrom('documents')
    .leftJoin('users', 'users.id', 'documents.created_by')
    .select([
      'documents.id',
      'documents.kind',
      'documents.title',
      'documents.created_at',
      'users.display_name',
      (eb) => eb.fn<number>('length', ['documents.pdf']).as('bytes'),
    ])
    .orderBy('documents.id', 'desc');
  if (input.assignmentId) q = q.where('documents.assignment_id', '=', input.assignmentId);
  if (input.contactPersonId) q = q.where('documents.contact_person_id', '=', input.contactPersonId);
  const rows = await q.limit(500).execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    title: r.title,
    createdAt: r.created_at,
    createdBy: r.display_name ?? null,
    bytes: r.bytes,
  }));
}

/** Writes an archived PDF to disk: only when the user asks, and logged. */
export async function exportArchivedPdf(core: AppCore, documentId: number): Promise<{ savedTo: string | null }> {
  const ctx = core.serviceContext();
  const d = await ctx.db
    .selectFrom('documents')
    .select(['id', 'title', 'pdf', 'created_at'])
    .where('id', '=', documentId)
    .executeTakeFirst();
  if (!d) throw new DomainError('NOT_FOUND', 'Dokumentet finns inte.');
  const savedTo = await core.exportSink(
    `${d.title.replace(/[^\wåäöÅÄÖ -]/g, '')}-${d.created_at.slice(0, 10)}.pdf`,
    Buffer.from(d.pdf),
  );
  if (savedTo)
    await audit(ctx, ctx.db, { action: 'document.export', entityType: 'document', entityId: d.id, detail: d.title });
  return { savedTo };
}

/** The document on screen (not final: an agreement with missing facts shows what is missing); logged. */
export async function previewDocument(ctx: ServiceContext, ref: DocumentRef): Promise<{ title: string; html: string }> {
  const doc = await renderDocument(ctx, ref);
  await audit(ctx, ctx.db, { action: 'document.preview', entityType: 'document', detail: doc.title });
  return { title: doc.title, html: doc.html };
}

export async function printDocument(core: AppCore, ref: DocumentRef): Promise<{ printed: boolean }> {
  const ctx = core.serviceContext();
  const doc = await renderDocument(ctx, ref, { final: true });
  const printed = await core.print(doc.html);
  if (printed) await audit(ctx, ctx.db, { action: 'document.print', entityType: 'document', detail: doc.title });
  return { printed };
}
