import { PAYOUT_FORMAT_LABELS, type PayoutBatch } from '../../shared/ipc/procedures/payouts';
import { formatKronor } from '../../shared/money';
import { esc, page } from './html';
import { formatPersonnummer } from '../../shared/personnummer';

const kr = (ore: number | null) => (ore === null ? '–' : formatKronor(ore));

/** Attestlista: every line of a batch with totals, and the attest (who, when) or signature lines. */
export function attestListHtml(batch: PayoutBatch, unitName: string, printedAt: string): string {
  const rows = batch.lines
    .map(
      (l) =>
        `<tr><td>${esc(l.name)}${l.accountChanged ? `<br><small>Konto ändrat sedan förra utbetalningen${l.accountChangeCheckedBy ? `, kontrollerat av ${esc(l.accountChangeCheckedBy)}` : ''}</small>` : ''}</td><td>${esc(formatPersonnummer(l.personnummer))}${l.employeeNumber ? `<br><small>Anst.nr ${esc(l.employeeNumber)}</small>` : ''}</td><td class="nowrap">${l.account ? `${esc(l.clearing)}, ${esc(l.account)}` : '–'}</td><td class="num">${kr(l.arvodeOre)}</td><td class="num">${kr(l.omkostnadOre)}</td><td class="num">${kr(l.expensesOre)}</td><td class="num">${kr(l.taxOre)}</td><td class="num">${kr(l.netOre)}</td><td class="num">${kr(l.feeOre)}</td></tr>`,
    )
    .join('');
  const t = batch.totals;
  const attest =
    batch.status === 'attesterad'
      ? `<p><strong>Attesterad</strong> av ${esc(batch.attestedBy)} ${esc(batch.attestedAt?.slice(0, 16).replace('T', ' '))}.</p>`
      : `<p><strong>Ej attesterad (utkast).</strong></p><div class="sign"><div>Attestant, datum</div><div>Namnförtydligande</div></div>`;
  return page({
    title: `Attestlista ${batch.kind === 'rättelse' ? '(rättelse) ' : ''}${batch.month}`,
    unitName,
    date: printedAt,
    meta: `Utbetalning nr ${batch.id}, utbetalningsdag ${batch.paymentDate}`,
    body: `<h1>Attestlista, arvoden och omkostnadsersättningar ${esc(batch.month)}</h1>
<p>Utbetalningsdag ${esc(batch.paymentDate)}${batch.executionDate !== batch.paymentDate ? ` (bankens genomförandedag ${esc(batch.executionDate)})` : ''}${batch.channel ? `. Betalas via ${esc(PAYOUT_FORMAT_LABELS[batch.channel])}` : ''}.</p>
<table><thead><tr><th>Kontaktperson</th><th>Personnummer</th><th>Clearing, konto</th><th class="num">Arvode</th><th class="num">Omkostnad</th><th class="num">Utlägg</th><th class="num">Skatt</th><th class="num">Netto</th><th class="num">Arbetsgivaravg.</th></tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr><td colspan="3">Summa (${batch.lines.length} personer)</td><td class="num">${kr(t.arvodeOre)}</td><td class="num">${kr(t.omkostnadOre)}</td><td class="num">${kr(t.expensesOre)}</td><td class="num">${kr(t.taxOre)}</td><td class="num">${kr(t.netOre)}</td><td class="num">${kr(t.feeOre)}</td></tr></tfoot></table>
${attest}
<p class="muted">Namn, personnummer och konto är låsta vid attesten; filerna till bank och lön skrivs från just dessa uppgifter.</p>
<p class="muted">Kommunens kostnad: ${kr(t.arvodeOre + t.omkostnadOre + t.expensesOre + t.feeOre)} (arvode, omkostnad, utlägg och arbetsgivaravgifter).</p>`,
  });
}

/** Utbetalningsspecifikation: one page per contact person. */
export function payoutSpecificationsHtml(batch: PayoutBatch, unitName: string, printedAt: string): string {
  const pages = batch.lines
    .map(
      (l, i) => `<section class="${i > 0 ? 'page-break' : ''}">
<h1>Utbetalningsspecifikation ${esc(batch.month)}</h1>
<p><strong>${esc(l.name)}</strong><br>Personnummer ${esc(formatPersonnummer(l.personnummer))}</p>
<p>Utbetalningsdag ${esc(batch.paymentDate)}</p>
<table><tbody>
<tr><td>Arvode (skattepliktigt)</td><td class="num">${kr(l.arvodeOre)}</td></tr>
<tr><td>Avdragen preliminär skatt</td><td class="num">−${kr(l.taxOre)}</td></tr>
<tr><td>Omkostnadsersättning</td><td class="num">${kr(l.omkostnadOre)}</td></tr>
<tr><td>Utlägg enligt kvitto</td><td class="num">${kr(l.expensesOre)}</td></tr>
</tbody><tfoot><tr><td>Att utbetala</td><td class="num">${kr(l.netOre)}</td></tr></tfoot></table>
<h2>Underlag</h2>${l.details.map((d) => `<p>${esc(d)}</p>`).join('')}
<p class="muted">Omkostnadsersättningen redovisas till Skatteverket som kostnadsersättning. Arvodet är inte semester- eller tjänstepensionsgrundande; du är uppdragstagare, inte anställd.</p>
</section>`,
    )
    .join('');
  return page({ title: `Utbetalningsspecifikationer ${batch.month}`, unitName, date: printedAt, body: pages });
}
