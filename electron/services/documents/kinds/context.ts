import { DomainError } from '../../../../shared/errors';
import { toLocalIsoDate } from '../../../../shared/dates';
import type { DocumentKind } from '../../../../shared/ipc/procedures/documents';
import type { DocumentSettings } from '../../../../shared/ipc/procedures/documents';
import type { UnitSettings } from '../../../../shared/ipc/procedures/settings';
import type { ServiceContext } from '../../../core/session';
import type { Party } from '../../../documents/case-documents';
import { readSettings } from '../../settings';
import { readDocumentSettings } from '../settings';

export interface DocumentRef {
  kind: DocumentKind;
  assignmentId?: number;
  contactPersonId?: number;
  version?: number;
  revealReason: string;
}

export interface RenderedDocument {
  title: string;
  html: string;
  assignmentId: number | null;
  contactPersonId: number | null;
}

/** A person row as the register keeps it (contact person or client). */
export interface PersonRow {
  first_name: string;
  last_name: string;
  street: string;
  postal_code: string;
  city: string;
  phone: string;
  protected_identity: number;
}

const HIDDEN = 'Skyddad adress – lämnas inte ut';
const HIDDEN_PHONE = 'Skyddat telefonnummer – lämnas inte ut';

const address = (r: PersonRow) =>
  [r.street, `${r.postal_code.replace(/^(\d{3})(\d{2})$/, '$1 $2')} ${r.city}`.trim()].filter(Boolean).join(', ');

/** What every kind renders with: the unit, the letterhead facts and the reveal rule for protected people. */
export interface RenderContext {
  ctx: ServiceContext;
  ref: DocumentRef;
  /** A PDF or print (refused when facts are missing), not a preview. */
  final: boolean;
  unit: UnitSettings;
  docs: DocumentSettings;
  common: { unitName: string; municipality: string; logo: string; unitAddress: string; date: string; signer: string };
  /** A person as printed; a protected address only with the reveal reason, which is then logged. */
  party(row: PersonRow, who: string): Party;
  /** Who had an address printed on a reason (for the log). */
  revealed: string[];
}

export async function renderContext(ctx: ServiceContext, ref: DocumentRef, final: boolean): Promise<RenderContext> {
  if (ref.revealReason && ref.revealReason.length < 5) {
    throw new DomainError('INVALID_INPUT', 'Ange skälet till att adressen skrivs ut (minst 5 tecken).', {
      fields: { revealReason: 'Minst 5 tecken.' },
    });
  }
  const unit = await readSettings(ctx.db);
  const docs = await readDocumentSettings(ctx.db);
  const revealed: string[] = [];
  return {
    ctx,
    ref,
    final,
    unit,
    docs,
    revealed,
    common: {
      unitName: unit.unitName,
      municipality: docs.municipality,
      logo: docs.logoDataUrl,
      unitAddress: docs.unitAddress,
      date: toLocalIsoDate(ctx.now()),
      signer: ctx.actor.displayName,
    },
    party(r, who) {
      const hidden = r.protected_identity === 1 && !ref.revealReason;
      if (r.protected_identity === 1 && ref.revealReason) revealed.push(who);
      return {
        name: `${r.first_name} ${r.last_name}`,
        address: hidden ? HIDDEN : address(r),
        phone: hidden ? HIDDEN_PHONE : r.phone,
      };
    },
  };
}

type AssignmentCase = Awaited<ReturnType<typeof loadCase>>;
const cases = new WeakMap<RenderContext, Promise<AssignmentCase>>();

/** The assignment a document is about, with its decision, client and contact person (read once per render). */
export function assignmentCase(rc: RenderContext): Promise<AssignmentCase> {
  let found = cases.get(rc);
  if (!found) cases.set(rc, (found = loadCase(rc)));
  return found;
}

async function loadCase({ ctx, ref }: RenderContext) {
  if (!ref.assignmentId) throw new DomainError('INVALID_INPUT', 'Ange uppdrag.');
  const a = await ctx.db.selectFrom('assignments').selectAll().where('id', '=', ref.assignmentId).executeTakeFirst();
  if (!a) throw new DomainError('NOT_FOUND', 'Uppdraget finns inte.');
  const d = await ctx.db.selectFrom('decisions').selectAll().where('id', '=', a.decision_id).executeTakeFirstOrThrow();
  const client = await ctx.db.selectFrom('clients').selectAll().where('id', '=', d.client_id).executeTakeFirstOrThrow();
  const cp = await ctx.db
    .selectFrom('contact_persons')
    .selectAll()
    .where('id', '=', a.contact_person_id)
    .executeTakeFirstOrThrow();
  return { a, d, client, cp };
}
