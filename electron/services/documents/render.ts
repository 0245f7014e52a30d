import { audit, type ServiceContext } from '../../core/session';
import { renderContext, type DocumentRef, type RenderedDocument } from './kinds/context';
import { DOCUMENT_RENDERERS } from './kinds/registry';

export type { DocumentRef } from './kinds/context';

/**
 * Builds a document's HTML through its kind (kinds/registry.ts): the stored data is checked with the
 * kind's schema first. A protected person's address is left out unless the user gives a reason,
 * which is logged with the document.
 */
export async function renderDocument(
  ctx: ServiceContext,
  ref: DocumentRef,
  opts: { final?: boolean } = {},
): Promise<RenderedDocument> {
  const rc = await renderContext(ctx, ref, opts.final ?? false);
  const out = await DOCUMENT_RENDERERS[ref.kind].render(rc);
  if (rc.revealed.length) {
    await audit(ctx, ctx.db, {
      action: 'document.address.reveal',
      entityType: out.contactPersonId ? 'contact_person' : 'client',
      entityId: out.contactPersonId ?? out.assignmentId,
      detail: `${out.title}: ${rc.revealed.join(', ')} – ${ref.revealReason}`,
    });
  }
  return out;
}
