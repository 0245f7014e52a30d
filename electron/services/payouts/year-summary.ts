import { audit, type ServiceContext } from '../../core/session';

/**
 * Per contact person and month of an attested payout: arvode, tax, omkostnad, and the AGI boxes
 * payroll/economy need: 011 (arvode, underlag för avgifter), 131 (arvode under the 1 000 kr limit),
 * 001 (avdragen skatt), 020 (omkostnadsersättning). Whole kronor, as AGI wants them.
 */
export async function yearSummary(ctx: ServiceContext, year: number) {
  const rows = await ctx.db
    .selectFrom('payout_lines')
    .innerJoin('payout_batches', 'payout_batches.id', 'payout_lines.batch_id')
    .innerJoin('contact_persons', 'contact_persons.id', 'payout_lines.contact_person_id')
    .select([
      'payout_lines.contact_person_id',
      'payout_batches.month',
      'arvode_ore',
      'tax_ore',
      'omkostnad_ore',
      'below_threshold',
      'first_name',
      'last_name',
      'personnummer',
    ])
    .where('payout_batches.status', '=', 'attesterad')
    .where('payout_batches.month', 'like', `${year}-%`)
    .orderBy('last_name')
    .orderBy('payout_batches.month')
    .execute();
  const kr = (ore: number) => Math.round(ore / 100);
  const people = new Map<
    number,
    {
      contactPersonId: number;
      name: string;
      personnummer: string;
      months: Map<
        string,
        {
          arvodeOre: number;
          taxOre: number;
          omkostnadOre: number;
          agi011: number;
          agi131: number;
          agi001: number;
          agi020: number;
        }
      >;
    }
  >();
  for (const r of rows) {
    const p = people.get(r.contact_person_id) ?? {
      contactPersonId: r.contact_person_id,
      name: `${r.first_name} ${r.last_name}`,
      personnummer: r.personnummer,
      months: new Map(),
    };
    const m = p.months.get(r.month) ?? {
      arvodeOre: 0,
      taxOre: 0,
      omkostnadOre: 0,
      agi011: 0,
      agi131: 0,
      agi001: 0,
      agi020: 0,
    };
    m.arvodeOre += r.arvode_ore;
    m.taxOre += r.tax_ore ?? 0;
    m.omkostnadOre += r.omkostnad_ore;
    if (r.below_threshold === 1) m.agi131 += kr(r.arvode_ore);
    else m.agi011 += kr(r.arvode_ore);
    m.agi001 += kr(r.tax_ore ?? 0);
    m.agi020 += kr(r.omkostnad_ore);
    p.months.set(r.month, m);
    people.set(r.contact_person_id, p);
  }
  await audit(ctx, ctx.db, { action: 'payout.year-summary', entityType: 'report', detail: String(year) });
  return [...people.values()].map((p) => {
    const months = [...p.months.entries()].map(([month, m]) => ({ month, ...m }));
    return {
      contactPersonId: p.contactPersonId,
      name: p.name,
      personnummer: p.personnummer,
      months,
      totals: {
        arvodeOre: months.reduce((s, m) => s + m.arvodeOre, 0),
        taxOre: months.reduce((s, m) => s + m.taxOre, 0),
        omkostnadOre: months.reduce((s, m) => s + m.omkostnadOre, 0),
      },
    };
  });
}
