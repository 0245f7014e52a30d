import type { PayoutBatch, PayoutLine } from '../../shared/ipc/procedures/payouts';
import type { DataSourceInfo } from '../../shared/ipc/server-fields';

/** Synthetic records shaped like the contract's outputs (the fake checks them against it). */

export function payoutLine(overrides: Partial<PayoutLine> = {}): PayoutLine {
  return {
    id: 1,
    contactPersonId: 11,
    name: 'Anna Andersson',
    personnummer: '198002020017',
    personnummerMasked: '19800202-****',
    birthDate: '1980-02-02',
    arvodeOre: 150_000,
    omkostnadOre: 50_000,
    expensesOre: 12_550,
    taxOre: 45_000,
    taxMode: 'side_income_30',
    netOre: 167_550,
    clearing: '8327',
    account: '1234567',
    employeeNumber: null,
    accountChanged: false,
    accountChangeNote: null,
    accountChangeCheckedBy: null,
    feeOre: 47_130,
    feeRateBp: 3142,
    belowThreshold: false,
    details: ['Arvode nivå 2'],
    ...overrides,
  };
}

export function payoutBatch(overrides: Partial<PayoutBatch> = {}): PayoutBatch {
  const lines = overrides.lines ?? [payoutLine()];
  const sum = (f: (l: PayoutLine) => number | null) => lines.reduce((s, l) => s + (f(l) ?? 0), 0);
  return {
    id: 3,
    month: '2026-10',
    kind: 'ordinarie',
    status: 'utkast',
    paymentDate: '2026-11-25',
    executionDate: '2026-11-25',
    channel: 'pain001',
    bankProfile: 'swedbank',
    redates: [],
    createdBy: 'Test Testsson',
    attestedBy: null,
    attestedAt: null,
    exports: [],
    lines,
    totals: {
      arvodeOre: sum((l) => l.arvodeOre),
      omkostnadOre: sum((l) => l.omkostnadOre),
      expensesOre: sum((l) => l.expensesOre),
      taxOre: sum((l) => l.taxOre),
      netOre: sum((l) => l.netOre),
      feeOre: sum((l) => l.feeOre),
    },
    missing: [],
    problems: [],
    ...overrides,
  };
}

/** An attested batch (attestedAt is an instant; the screen shows it in local time). */
export function attestedBatch(overrides: Partial<PayoutBatch> = {}): PayoutBatch {
  return payoutBatch({
    status: 'attesterad',
    attestedBy: 'Åsa Attestant',
    attestedAt: '2026-11-20T09:30:00.000Z',
    ...overrides,
  });
}

/** One export of a batch (pain.001, not voided): the export list and the void form show these. */
export function payoutExport(overrides: Partial<PayoutBatch['exports'][number]> = {}): PayoutBatch['exports'][number] {
  return {
    id: 8,
    format: 'pain001',
    at: '2026-11-20T10:00:00.000Z',
    reason: null,
    msgId: null,
    voidedAt: null,
    voidReason: null,
    ...overrides,
  };
}

type ServerInfo = Extract<DataSourceInfo, { kind: 'server' }>;

/** What dataSource.get answers on a shared server (no rotation due): the panels and warnings show it. */
export function serverInfo(overrides: Partial<ServerInfo> = {}): ServerInfo {
  return {
    kind: 'server',
    label: 'Kommunens server',
    host: 'db.kommun.example',
    port: 5432,
    database: 'kontaktregistret',
    user: 'kpr_station_1',
    tls: 'ca',
    pinned: false,
    rotationPending: null,
    ...overrides,
  };
}
