import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema';
import { activeDaysInMonth, daysInMonth, monthlyAmount, proRata } from '../../../shared/compensation/amounts';
import { employerFee, employerFeeRate } from '../../../shared/compensation/employer-fee';
import { preliminaryTax, type TaxMode } from '../../../shared/compensation/tax';
import { formatKronor } from '../../../shared/money';
import { assignmentsInMonth } from './reports';
import { rateFor } from './settings';

export interface PersonAmounts {
  contactPersonId: number;
  arvodeOre: number;
  omkostnadOre: number;
  expensesOre: number;
  taxOre: number | null;
  taxMode: TaxMode;
  feeOre: number;
  feeRateBp: number;
  feeBaseOre: number;
  belowThreshold: boolean;
  details: string[];
  approverIds: number[];
}

export interface MonthComputation {
  people: PersonAmounts[];
  missing: string[];
}

/**
 * Arvode already paid to each person this year before `month`, in attested batches (for the
 * 1 000-kronor rule): one grouped query instead of one per person (10 000 payees).
 */
async function yearToDateArvode(db: Kysely<DB> | Transaction<DB>, month: string): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('payout_lines')
    .innerJoin('payout_batches', 'payout_batches.id', 'payout_lines.batch_id')
    .select((eb) => ['payout_lines.contact_person_id', eb.fn.sum<number>('payout_lines.arvode_ore').as('sum')])
    .where('payout_batches.status', '=', 'attesterad')
    .where('payout_batches.month', '>=', `${month.slice(0, 4)}-01`)
    .where('payout_batches.month', '<', month)
    .groupBy('payout_lines.contact_person_id')
    .execute();
  return new Map(rows.map((r) => [r.contact_person_id, Number(r.sum ?? 0)]));
}

/** Birth date and tax settings of the given contact persons, in chunks (SQLite's bound-variable limit). */
async function taxData(db: Kysely<DB> | Transaction<DB>, ids: number[]) {
  const out = new Map<number, { birth_date: string; tax_mode: TaxMode; tax_percent: number | null }>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('contact_persons')
      .select(['id', 'birth_date', 'tax_mode', 'tax_percent'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, r);
  }
  return out;
}

/**
 * What the month's approved reports entitle each contact person to: arvode and omkostnad from the
 * assignment's levels and the year's prisbasbelopp (pro rata for part months), expenses from the
 * report, preliminary tax, employer fee. Assignments without an approved report or levels are listed
 * as missing and get nothing this month.
 */
export async function computeMonth(
  db: Kysely<DB> | Transaction<DB>,
  month: string,
  tableTax: Map<number, number> = new Map(),
): Promise<MonthComputation> {
  const rate = await rateFor(db, Number(month.slice(0, 4)), month);
  const assignments = await assignmentsInMonth(db, month);
  // The month's reports by assignment (a lookup per assignment, not a scan: 10 000 assignments).
  const reports = new Map(
    (await db.selectFrom('monthly_reports').selectAll().where('month', '=', month).execute()).map((r) => [
      r.assignment_id,
      r,
    ]),
  );
  const missing: string[] = [];
  const byPerson = new Map<
    number,
    { arvode: number; omkostnad: number; expenses: number; details: string[]; approvers: Set<number> }
  >();
  const dim = daysInMonth(month);

  for (const a of assignments) {
    const who = `${a.cp_first} ${a.cp_last} (uppdrag för ${a.client_first} ${a.client_last})`;
    const report = reports.get(a.id);
    if (!report || report.status !== 'godkand') {
      missing.push(`${who}: ${report ? 'månadsrapporten är inte godkänd' : 'månadsrapport saknas'}.`);
      continue;
    }
    const arvodeLevel = rate.arvodeLevels.find((l) => l.code === a.arvode_level);
    const omkLevel = rate.omkostnadLevels.find((l) => l.code === a.omkostnad_level);
    if (!arvodeLevel || !omkLevel) {
      missing.push(`${who}: ersättningsnivå saknas för ${rate.year}.`);
      continue;
    }
    const days = activeDaysInMonth(month, a.start_date!, a.end_date);
    // Omkostnad beyond the tax-free ceiling is pay: it moves to arvode (tax and employer fee).
    const omkBp = Math.min(omkLevel.percentBp, rate.omkostnadTaxFreeMaxBp);
    const excessBp = omkLevel.percentBp - omkBp;
    const arvode = proRata(monthlyAmount(rate.prisbasbeloppOre, arvodeLevel.percentBp + excessBp), days, dim);
    const omkostnad = proRata(monthlyAmount(rate.prisbasbeloppOre, omkBp), days, dim);
    const p = byPerson.get(a.cp_id) ?? {
      arvode: 0,
      omkostnad: 0,
      expenses: 0,
      details: [],
      approvers: new Set<number>(),
    };
    p.arvode += arvode;
    p.omkostnad += omkostnad;
    p.expenses += report.expenses_ore;
    if (report.approved_by) p.approvers.add(report.approved_by);
    const part = `${days < dim ? ` (${days} av ${dim} dagar)` : ''}${excessBp > 0 ? `; omkostnad över ${rate.omkostnadTaxFreeMaxBp / 100} % av prisbasbeloppet räknas som arvode` : ''}`;
    p.details.push(
      `Uppdrag ${a.id} (${a.client_first} ${a.client_last}): arvode ${arvodeLevel.label} ${formatKronor(arvode)}, omkostnad ${omkLevel.label} ${formatKronor(omkostnad)}${part}${report.expenses_ore ? `, utlägg ${formatKronor(report.expenses_ore)}` : ''}.`,
    );
    byPerson.set(a.cp_id, p);
  }

  const people: PersonAmounts[] = [];
  const cps = await taxData(db, [...byPerson.keys()]);
  const paidThisYear = byPerson.size ? await yearToDateArvode(db, month) : new Map<number, number>();
  for (const [cpId, p] of byPerson) {
    const cp = cps.get(cpId);
    if (!cp) throw new Error(`Contact person ${cpId} not found`);
    const mode = cp.tax_mode;
    const tax = preliminaryTax(p.arvode, mode, {
      sideIncomeBp: rate.sideIncomeTaxBp,
      percent: cp.tax_percent,
      tableAmountOre: tableTax.get(cpId) ?? null,
    });
    const feeRate = employerFeeRate(cp.birth_date, month, rate);
    const fee = employerFee(
      p.arvode,
      paidThisYear.get(cpId) ?? 0,
      feeRate,
      rate.feeThresholdOre,
      rate.employerFee.fullBp,
    );
    const details = [...p.details];
    if (fee.belowThreshold)
      details.push(`Under ${formatKronor(rate.feeThresholdOre)} för året: inga arbetsgivaravgifter (AGI ruta 131).`);
    if (fee.catchUpOre)
      details.push(`Gränsen passerad: arbetsgivaravgift även på tidigare månaders ${formatKronor(fee.catchUpOre)}.`);
    if (feeRate.rateBp !== rate.employerFee.fullBp)
      details.push(`Arbetsgivaravgift ${(feeRate.rateBp / 100).toLocaleString('sv-SE')} %: ${feeRate.label}.`);
    if (tax === null)
      details.push(
        mode === 'table' ? 'Skatt enligt tabell: ange beloppet från skattebeskedet.' : 'Procentsats för skatt saknas.',
      );
    people.push({
      contactPersonId: cpId,
      arvodeOre: p.arvode,
      omkostnadOre: p.omkostnad,
      expensesOre: p.expenses,
      taxOre: tax,
      taxMode: mode,
      feeOre: fee.feeOre,
      feeRateBp: feeRate.rateBp,
      feeBaseOre: fee.baseOre,
      belowThreshold: fee.belowThreshold,
      details,
      approverIds: [...p.approvers],
    });
  }
  return { people, missing };
}
