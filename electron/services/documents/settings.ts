import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { documentSettings, type DocumentSettings } from '../../../shared/ipc/procedures/documents';
import { DEFAULT_AGREEMENT_TEMPLATE } from '../../../shared/documents/merge';
import { DEFAULT_FOLLOW_UP_INTERVALS } from '../../../shared/documents/follow-up';
import { audit, type ServiceContext } from '../../core/session';

const DEFAULTS: DocumentSettings = {
  unitAddress: '',
  unitPhone: '',
  insuranceNote: 'Kommunens olycksfalls- och ansvarsförsäkring gäller under uppdraget.',
  logoDataUrl: '',
  followUpChildMonths: DEFAULT_FOLLOW_UP_INTERVALS.childMonths,
  followUpAdultMonths: DEFAULT_FOLLOW_UP_INTERVALS.adultMonths,
  agreementTemplate: DEFAULT_AGREEMENT_TEMPLATE,
};

export async function readDocumentSettings(db: Kysely<DB> | Transaction<DB>): Promise<DocumentSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'documents').executeTakeFirst();
  return documentSettings.parse({ ...DEFAULTS, ...(row ? (JSON.parse(row.value) as object) : {}) });
}

export async function saveDocumentSettings(ctx: ServiceContext, s: DocumentSettings): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const value = JSON.stringify(s);
    await trx.insertInto('settings').values({ key: 'documents', value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
    await audit(ctx, trx, { action: 'settings.documents', entityType: 'settings', detail: 'dokument och avtalsmall' });
  });
}
