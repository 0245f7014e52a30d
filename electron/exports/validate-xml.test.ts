import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateAgainstXsd, validateRepeatedAgainstXsd, xsdDir } from './validate-xml';
import { buildPain001 } from './pain001';
import type { ExportBatch } from './model';
import { DEMO_PAYMENT_SETTINGS } from '../seed/demo-payouts';

function batch(n: number): ExportBatch {
  const lines = Array.from({ length: n }, (_, i) => ({
    contactPersonId: i + 1,
    name: `Anna Provsson${i}`,
    personnummer: '198002020000',
    clearing: '3300',
    account: '8002020000',
    employeeNumber: null,
    arvodeOre: 150_000,
    omkostnadOre: 50_000,
    expensesOre: 0,
    taxOre: 45_000,
    netOre: 155_000,
  }));
  return {
    batchId: 7,
    month: '2026-10',
    msgId: 'KPR-202610-7-ABCDEFGHJK',
    createdAt: '2026-11-22T10:00:00',
    paymentDate: '2026-11-25',
    bankProfile: 'swedbank',
    settings: { ...DEMO_PAYMENT_SETTINGS, bankProfile: 'swedbank' },
    lines,
  };
}

describe('validateRepeatedAgainstXsd (a large pain.001 checked in parts)', () => {
  it('holds only while the schema has no identity constraints (a part-wise check would miss them)', () => {
    for (const xsd of ['pain.001.001.03.xsd', 'paxml-2.0.xsd'])
      expect(readFileSync(join(xsdDir(), xsd), 'utf8')).not.toMatch(/<xs:(key|keyref|unique)\b/);
  });

  it('accepts a valid file in three parts and finds a broken payment in any part', async () => {
    const xml = buildPain001(batch(30));
    expect(await validateRepeatedAgainstXsd(xml, 'pain.001.001.03', 'CdtTrfTxInf', 3)).toEqual({
      valid: true,
      errors: [],
    });
    for (const id of ['KP-000002-', 'KP-000015-', 'KP-000030-']) {
      const at = xml.indexOf(`<InstrId>${id}`);
      const amount = xml.indexOf('<InstdAmt Ccy="SEK">', at);
      const broken = `${xml.slice(0, amount)}<InstdAmt Ccy="SEK">12,50${xml.slice(xml.indexOf('</InstdAmt>', amount))}`;
      const r = await validateRepeatedAgainstXsd(broken, 'pain.001.001.03', 'CdtTrfTxInf', 3);
      expect(r.valid, id).toBe(false);
      expect(r.errors.join(' ')).toContain('InstdAmt');
      expect((await validateAgainstXsd(broken, 'pain.001.001.03')).valid).toBe(false);
    }
  });

  it('finds a broken head or tail (every part carries them)', async () => {
    const xml = buildPain001(batch(6));
    expect(
      (
        await validateRepeatedAgainstXsd(
          xml.replace('<PmtMtd>TRF</PmtMtd>', '<PmtMtd>XXX</PmtMtd>'),
          'pain.001.001.03',
          'CdtTrfTxInf',
          2,
        )
      ).valid,
    ).toBe(false);
    expect(
      (
        await validateRepeatedAgainstXsd(
          xml.replace('</PmtInf>', '<Extra/></PmtInf>'),
          'pain.001.001.03',
          'CdtTrfTxInf',
          2,
        )
      ).valid,
    ).toBe(false);
  });
});
