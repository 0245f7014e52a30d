import type { z } from 'zod';
import { DomainError } from '../../shared/errors';
import { IMPORT_FIELDS, type ImportKind } from '../../shared/ipc/procedures/import';
import { contactPersonInput } from '../../shared/ipc/procedures/cp';
import { clientInput } from '../../shared/ipc/procedures/clients';
import { checkBankAccount } from '../../shared/bank-account';
import { audit, type ServiceContext } from '../core/session';
import { insertContactPersonInTrx } from '../services/contact-persons/records';
import { createClientInTrx } from '../services/clients/records';
import { withCanonicalPersonnummer } from '../services/personnummer';
import { readTable } from './read-table';

const norm = (s: string) => s.toLocaleLowerCase('sv-SE').replace(/[^a-zåäö0-9]/g, '');

/** Guesses field -> column from the header names (the user adjusts it on the mapping screen). */
export function guessMapping(
  kind: ImportKind,
  headers: string[],
  given: Record<string, string>,
): Record<string, string> {
  const mapping: Record<string, string> = {};
  const aliases: Record<string, string[]> = {
    personnummer: ['pnr', 'personnr', 'samordningsnummer'],
    firstName: ['förnamn', 'fornamn'],
    lastName: ['efternamn'],
    street: ['adress', 'gatuadress', 'gata'],
    postalCode: ['postnr', 'postnummer'],
    city: ['ort', 'postort'],
    phone: ['telefon', 'tel', 'mobil'],
    email: ['epost', 'mejl', 'email'],
    bankClearing: ['clearing', 'clearingnummer', 'clnr'],
    bankAccount: ['konto', 'kontonummer'],
    area: ['område', 'omrade', 'stadsdel'],
    languages: ['språk', 'sprak'],
    interests: ['intressen'],
  };
  for (const [field, label] of Object.entries(IMPORT_FIELDS[kind])) {
    if (given[field] !== undefined) {
      if (given[field] && !headers.includes(given[field]))
        throw new DomainError('INVALID_INPUT', `Kolumnen "${given[field]}" finns inte i filen.`);
      mapping[field] = given[field];
      continue;
    }
    const candidates = [norm(label), norm(field), ...(aliases[field] ?? []).map(norm)];
    mapping[field] = headers.find((h) => candidates.includes(norm(h))) ?? '';
  }
  return mapping;
}

interface Checked {
  row: number;
  name: string;
  errors: string[];
  warnings: string[];
  value: unknown;
}

/** Validates every row with the same schemas as the forms; duplicates by personnummer in the file and in the register. */
async function check(
  ctx: ServiceContext,
  kind: ImportKind,
  fileName: string,
  bytes: Buffer,
  given: Record<string, string>,
) {
  const { headers, rows } = await readTable(fileName, bytes);
  const mapping = guessMapping(kind, headers, given);
  for (const required of ['personnummer', 'firstName', 'lastName']) {
    if (!mapping[required])
      throw new DomainError(
        'INVALID_INPUT',
        `Välj vilken kolumn som innehåller ${(IMPORT_FIELDS[kind][required] ?? required).toLowerCase()}.`,
        { fields: { [required]: 'Saknas.' } },
      );
  }
  const get = (r: string[], field: string) => (mapping[field] ? (r[headers.indexOf(mapping[field])] ?? '') : '');
  const list = (s: string) =>
    s
      .split(/[,;]/)
      .map((x) => x.trim())
      .filter(Boolean);
  const table = kind === 'contact_persons' ? 'contact_persons' : 'clients';
  const existing = new Set(
    (await ctx.db.selectFrom(table).select('personnummer').execute()).map((r) => r.personnummer),
  );
  const seen = new Map<string, number>();
  const checked: Checked[] = rows.map((r, i) => {
    const rowNo = i + 2; // row 1 is the header
    const base = {
      personnummer: get(r, 'personnummer'),
      firstName: get(r, 'firstName'),
      lastName: get(r, 'lastName'),
      street: get(r, 'street'),
      postalCode: get(r, 'postalCode'),
      city: get(r, 'city'),
      phone: get(r, 'phone'),
      area: get(r, 'area'),
      languages: list(get(r, 'languages') || 'svenska'),
      interests: list(get(r, 'interests')),
    };
    const parsed =
      kind === 'contact_persons'
        ? contactPersonInput.safeParse({
            ...base,
            email: get(r, 'email'),
            bankClearing: get(r, 'bankClearing'),
            bankAccount: get(r, 'bankAccount'),
            taxMode: 'side_income_30',
            workplace: '',
            availability: '',
          })
        : clientInput.safeParse(base);
    const name = `${base.firstName} ${base.lastName}`.trim() || '(namn saknas)';
    if (!parsed.success)
      return {
        row: rowNo,
        name,
        errors: [
          ...new Set(
            parsed.error.issues.map(
              (x) => `${IMPORT_FIELDS[kind][String(x.path[0])] ?? String(x.path[0])}: ${x.message}`,
            ),
          ),
        ],
        warnings: [],
        value: null,
      };
    let value: typeof parsed.data;
    try {
      value = withCanonicalPersonnummer(ctx.now(), parsed.data);
    } catch (err) {
      return {
        row: rowNo,
        name,
        errors: [`${IMPORT_FIELDS[kind].personnummer}: ${(err as Error).message}`],
        warnings: [],
        value: null,
      };
    }
    const pnr = value.personnummer;
    const errors: string[] = [];
    const warnings: string[] = [];
    if (existing.has(pnr)) errors.push('Personnumret finns redan i registret.');
    if (seen.has(pnr)) errors.push(`Samma personnummer som rad ${seen.get(pnr)}.`);
    seen.set(pnr, rowNo);
    if (kind === 'contact_persons') {
      const v = value as z.output<typeof contactPersonInput>;
      if (v.bankClearing || v.bankAccount) {
        const b = checkBankAccount(v.bankClearing, v.bankAccount);
        if (b.status === 'invalid') errors.push(`Bankkonto: ${b.message}`);
        if (b.status === 'doubtful') warnings.push(`Bankkonto: ${b.message}`);
      }
    }
    return { row: rowNo, name, errors, warnings, value };
  });
  return { headers, mapping, checked };
}

export async function previewImport(
  ctx: ServiceContext,
  input: { kind: ImportKind; fileName: string; dataBase64: string; mapping: Record<string, string> },
) {
  const { headers, mapping, checked } = await check(
    ctx,
    input.kind,
    input.fileName,
    Buffer.from(input.dataBase64, 'base64'),
    input.mapping,
  );
  return {
    headers,
    mapping,
    rows: checked.length,
    valid: checked.filter((c) => c.errors.length === 0).length,
    report: checked
      .filter((c) => c.errors.length || c.warnings.length)
      .map(({ row, name, errors, warnings }) => ({ row, name, errors, warnings })),
  };
}

/** All or nothing: refused while any included row has an error; one transaction, one audit line. */
export async function commitImport(
  ctx: ServiceContext,
  input: {
    kind: ImportKind;
    fileName: string;
    dataBase64: string;
    mapping: Record<string, string>;
    excludeRows: number[];
  },
): Promise<{ imported: number }> {
  const { checked } = await check(
    ctx,
    input.kind,
    input.fileName,
    Buffer.from(input.dataBase64, 'base64'),
    input.mapping,
  );
  const included = checked.filter((c) => !input.excludeRows.includes(c.row));
  const bad = included.filter((c) => c.errors.length);
  if (bad.length)
    throw new DomainError(
      'RULE_VIOLATION',
      `Inget har importerats: ${bad.length} rader har fel (rad ${bad
        .slice(0, 10)
        .map((b) => b.row)
        .join(', ')}${bad.length > 10 ? ' …' : ''}). Rätta dem eller undanta dem.`,
    );
  if (included.length === 0) throw new DomainError('RULE_VIOLATION', 'Det finns inga rader att importera.');
  await ctx.db.transaction().execute(async (trx) => {
    if (input.kind === 'contact_persons') {
      for (const c of included)
        await insertContactPersonInTrx(
          ctx,
          trx,
          c.value as z.output<typeof contactPersonInput>,
          `Importerad från ${input.fileName}`,
        );
    } else {
      for (const c of included) await createClientInTrx(ctx, trx, c.value as never);
    }
    await audit(ctx, trx, {
      action: 'import',
      entityType: input.kind,
      detail: `${included.length} rader från ${input.fileName}`,
    });
  });
  return { imported: included.length };
}
