import {
  formatBban,
  normaliseAccount,
  swedishIban,
  type NormalisedAccount as BankAccount,
} from '../../shared/bank-account';
import { BANK_PROFILES_DEF, type IdRule } from '../../shared/bank-profiles';
import { executionDate } from '../../shared/compensation/payout';
import { decimalKronor, monthName, type ExportBatch } from './model';
import { cleanText, payeeName } from './charset';
import { ele, txt, XML_DECLARATION } from './xml-writer';

const NS = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03';

export function endToEndId(batch: ExportBatch, contactPersonId: number): string {
  return `KP-${String(contactPersonId).padStart(6, '0')}-${batch.month.replace('-', '')}-${batch.batchId}`;
}

/** The identifier a profile writes for InitgPty or Dbtr: the setting, else the profile's fallback; null = no Id element. */
export function profileId(rule: IdRule, setting: string, orgNumber: string): string | null {
  if (setting) return setting;
  const orgnr = orgNumber.replace(/\D/g, '');
  if (rule.fallback === 'orgnr') return orgnr;
  if (rule.fallback === 'orgnr0004') return `${orgnr}0004`;
  if (rule.fallback === '9999999999') return '9999999999';
  return null;
}

/** Problems with the unit's settings for a profile (Swedish, for the user); empty = fine. */
export function profileProblems(batch: ExportBatch): string[] {
  const s = batch.settings;
  const p = BANK_PROFILES_DEF[batch.bankProfile];
  const problems: string[] = [];
  if (p.initiator.required && !s.initiatorId)
    problems.push(`${p.label} kräver ${p.initiator.label} i betalningsinställningarna.`);
  if (p.debtor.required && !s.debtorId)
    problems.push(`${p.label} kräver ${p.debtor.label} i betalningsinställningarna.`);
  const debtor = normaliseAccount(s.debtorClearing, s.debtorAccount);
  if (!debtor) problems.push('Betalarens konto i betalningsinställningarna är inte ett giltigt svenskt konto.');
  else if (p.debtorAccount === 'IBAN' && !swedishIban(debtor))
    problems.push('Betalarens IBAN kan inte räknas fram ur kontot.');
  for (const l of batch.lines.filter((x) => x.netOre > 0)) {
    const n = normaliseAccount(l.clearing ?? '', l.account ?? '');
    if (!n) problems.push(`Giltigt bankkonto saknas för ${l.name}.`);
    else if (p.creditorAccount === 'IBAN' && !swedishIban(n))
      problems.push(`IBAN kan inte räknas fram för ${l.name}s konto.`);
  }
  return problems;
}

function orgId(id: string | null): string {
  return id ? ele('Id', ele('OrgId', ele('Othr', txt('Id', id), ele('SchmeNm', txt('Cd', 'BANK'))))) : '';
}

function bbanOrIban(iban: 'IBAN' | 'BBAN', acct: BankAccount, keepFifth: boolean): string {
  if (iban === 'IBAN') return ele('Id', txt('IBAN', swedishIban(acct)!));
  return ele('Id', ele('Othr', txt('Id', formatBban(acct, keepFifth)), ele('SchmeNm', txt('Cd', 'BBAN'))));
}

/**
 * ISO 20022 pain.001.001.03 salary file (CtgyPurp SALA, one batch booking), payments.md §1.3–1.7,
 * written per bank profile (shared/bank-profiles.ts): InitgPty/Dbtr ids, BBAN or IBAN, Swedbank's 5th
 * clearing digit, character set and execution date. Only positive net amounts are paid; negative
 * corrections are settled by hand. Call profileProblems first. Compact (no indentation): a third of
 * the bytes for the bank and for the XSD check.
 */
export function buildPain001(batch: ExportBatch): string {
  const s = batch.settings;
  const profile = BANK_PROFILES_DEF[batch.bankProfile];
  const swedish = profile.charset === 'swedish';
  const payable = batch.lines.filter((l) => l.netOre > 0);
  const total = payable.reduce((sum, l) => sum + l.netOre, 0);
  const debtor = normaliseAccount(s.debtorClearing, s.debtorAccount);
  if (!debtor) throw new Error('Invalid debtor account');
  const text = txt('Ustrd', cleanText(`Arvode och omkostnadsersättning ${monthName(batch.month)}`, swedish, 140));
  const keepFifth = profile.keepFifthClearingDigit;
  const payer = txt('Nm', cleanText(s.payerName, swedish, 70));

  const hdr = ele(
    'GrpHdr',
    txt('MsgId', batch.msgId),
    txt('CreDtTm', batch.createdAt),
    txt('NbOfTxs', String(payable.length)),
    txt('CtrlSum', decimalKronor(total)),
    ele('InitgPty', payer, orgId(profileId(profile.initiator, s.initiatorId, s.orgNumber))),
  );
  const txs = payable.map((l) => {
    const acct = normaliseAccount(l.clearing ?? '', l.account ?? '');
    if (!acct) throw new Error(`No valid account for contact person ${l.contactPersonId}`);
    const id = endToEndId(batch, l.contactPersonId);
    const agent =
      profile.creditorAccount === 'BBAN'
        ? ele(
            'CdtrAgt',
            ele('FinInstnId', ele('ClrSysMmbId', ele('ClrSysId', txt('Cd', 'SESBA')), txt('MmbId', acct.clearing4))),
          )
        : '';
    return ele(
      'CdtTrfTxInf',
      ele('PmtId', txt('InstrId', id), txt('EndToEndId', id)),
      ele('Amt', txt('InstdAmt', decimalKronor(l.netOre), { Ccy: 'SEK' })),
      agent,
      ele('Cdtr', txt('Nm', payeeName(l.name, swedish, 70, l.contactPersonId))),
      ele('CdtrAcct', bbanOrIban(profile.creditorAccount, acct, keepFifth)),
      ele('Purp', txt('Cd', 'SALA')),
      ele('RmtInf', text),
    );
  });
  const pmt = ele(
    'PmtInf',
    txt('PmtInfId', `${batch.msgId}-1`),
    txt('PmtMtd', 'TRF'),
    txt('BtchBookg', 'true'),
    txt('NbOfTxs', String(payable.length)),
    txt('CtrlSum', decimalKronor(total)),
    ele('PmtTpInf', ele('SvcLvl', txt('Cd', 'NURG')), ele('CtgyPurp', txt('Cd', 'SALA'))),
    txt('ReqdExctnDt', executionDate(batch.paymentDate, profile.executionDate)),
    ele('Dbtr', payer, orgId(profileId(profile.debtor, s.debtorId, s.orgNumber))),
    ele('DbtrAcct', bbanOrIban(profile.debtorAccount, debtor, keepFifth), txt('Ccy', 'SEK')),
    ele('DbtrAgt', ele('FinInstnId', txt('BIC', s.debtorBic))),
    ...txs,
  );
  return `${XML_DECLARATION}<Document xmlns="${NS}">${ele('CstmrCdtTrfInitn', hdr, pmt)}</Document>`;
}
