import { afterAll, describe, expect, it } from 'vitest';
import { chromiumPdf } from '../../test/harness/pdf-chromium';
import { pdfText } from '../../test/helpers/pdf';
import type { PayoutBatch } from '../../shared/ipc/procedures/payouts';
import { attestListHtml, payoutSpecificationsHtml } from './payout-documents';

const pdf = chromiumPdf();
afterAll(() => pdf.close());

const batch: PayoutBatch = {
  id: 7,
  month: '2026-10',
  kind: 'ordinarie',
  status: 'attesterad',
  paymentDate: '2026-11-25',
  executionDate: '2026-11-24',
  channel: 'pain001',
  bankProfile: 'seb',
  redates: [],
  createdBy: 'Ada Admin',
  attestedBy: 'Åke Öberg-Ärlig',
  attestedAt: '2026-11-20T08:30:00.000Z',
  exports: [],
  lines: [
    {
      id: 1,
      contactPersonId: 1,
      name: 'Anna Provsson',
      personnummer: '198002020120',
      personnummerMasked: '19800202-****',
      birthDate: '1980-02-02',
      clearing: '3300',
      account: '8002020120',
      employeeNumber: 'A-17',
      accountChanged: true,
      accountChangeNote: 'Kontonummer ändrat',
      accountChangeCheckedBy: 'Åke Öberg-Ärlig',
      arvodeOre: 50_900,
      omkostnadOre: 63_600,
      expensesOre: 12_550,
      taxOre: 15_200,
      taxMode: 'side_income_30',
      netOre: 111_850,
      feeOre: 0,
      feeRateBp: 3142,
      belowThreshold: true,
      details: ['Uppdrag 1 (Bruno Brukarsson): 16 av 31 dagar.'],
    },
    {
      id: 2,
      contactPersonId: 2,
      name: 'Örjan Ålund <script>',
      personnummer: '197503030215',
      personnummerMasked: '19750303-****',
      birthDate: '1975-03-03',
      clearing: '83279',
      account: '1234567897',
      employeeNumber: null,
      accountChanged: false,
      accountChangeNote: null,
      accountChangeCheckedBy: null,
      arvodeOre: 98_700,
      omkostnadOre: 123_300,
      expensesOre: 0,
      taxOre: 29_600,
      taxMode: 'side_income_30',
      netOre: 192_400,
      feeOre: 31_012,
      feeRateBp: 3142,
      belowThreshold: false,
      details: [],
    },
  ],
  totals: {
    arvodeOre: 149_600,
    omkostnadOre: 186_900,
    expensesOre: 12_550,
    taxOre: 44_800,
    netOre: 304_250,
    feeOre: 31_012,
  },
  missing: [],
  problems: [],
};

describe('payout documents', () => {
  it('prints the attest list with names, amounts and the attest, å, ä and ö intact', async () => {
    const text = pdfText(
      await pdf.render(attestListHtml(batch, 'Kontaktpersonsenheten Provköping', '2026-11-22')),
      'doc-attestlista',
    );
    expect(text).toContain('Attestlista, arvoden och omkostnadsersättningar 2026-10');
    expect(text).toContain('Kontaktpersonsenheten Provköping');
    expect(text).toContain('Anna Provsson');
    expect(text).toContain('Örjan Ålund');
    expect(text).toContain('<script>'); // escaped: printed as text, never run
    expect(text).toMatch(/1 118,50 kr/);
    expect(text).toMatch(/3 042,50 kr/);
    expect(text).toContain('Attesterad av Åke Öberg-Ärlig');
    // The frozen accounts, the changed-account check and the execution date are on the list.
    expect(text).toContain('3300, 8002020120');
    expect(text).toContain('83279, 1234567897');
    expect(text).toContain('Konto ändrat sedan');
    expect(text).toMatch(/kontrollerat av Åke/);
    expect(text).toContain('genomförandedag 2026-11-24');
  });

  it('prints one specification page per contact person', async () => {
    const text = pdfText(
      await pdf.render(payoutSpecificationsHtml(batch, 'Kontaktpersonsenheten Provköping', '2026-11-22')),
      'doc-specifikation',
    );
    const pages = text.split('\f').filter((p) => p.trim());
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Anna Provsson');
    expect(pages[0]).toMatch(/Att utbetala\s+1 118,50 kr/);
    expect(pages[1]).toContain('Örjan Ålund');
    expect(pages[1]).toMatch(/Avdragen preliminär skatt\s+−296,00 kr/);
  });
});
