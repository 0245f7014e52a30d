import { toLocalIsoDate } from '../../../shared/dates';
import { DomainError } from '../../../shared/errors';
import type { ServiceContext } from '../../core/session';
import { attestListHtml, payoutSpecificationsHtml } from '../../documents/payout-documents';
import { readSettings } from '../settings';
import { saveExport, type ExportOutputs } from '../save-export';
import { listBatches } from './batches';

/** A batch's attest list or the payees' specifications as PDF, where the user chooses; logged once saved. */
export async function exportPayoutPdf(
  ctx: ServiceContext,
  out: ExportOutputs,
  input: { batchId: number; document: 'attestlista' | 'specifikationer' },
): Promise<{ savedTo: string | null }> {
  const row = await ctx.db
    .selectFrom('payout_batches')
    .select('month')
    .where('id', '=', input.batchId)
    .executeTakeFirst();
  const found = row ? (await listBatches(ctx, row.month)).find((b) => b.id === input.batchId) : undefined;
  if (!found) throw new DomainError('NOT_FOUND', 'Utbetalningen finns inte.');
  const { unitName } = await readSettings(ctx.db);
  const printedAt = toLocalIsoDate(ctx.now());
  const html =
    input.document === 'attestlista'
      ? attestListHtml(found, unitName, printedAt)
      : payoutSpecificationsHtml(found, unitName, printedAt);
  const file = { name: `${input.document}-${found.month}-${found.id}.pdf`, content: await out.pdf(html) };
  const event = { action: 'payout.pdf', entityType: 'payout_batch', entityId: found.id, detail: input.document };
  return { savedTo: await saveExport(ctx, out.sink, file, event) };
}
