import { z } from 'zod';
import { procedure } from '../define';
import { empty, ok } from '../fields';
import { BANK_PROFILE_IDS, BANK_PROFILES_DEF, type BankProfileId } from '../../bank-profiles';
import { PAYOUT_FORMATS } from './payouts';

export const BANK_PROFILES = BANK_PROFILE_IDS;

export const BANK_PROFILE_LABELS = Object.fromEntries(
  BANK_PROFILE_IDS.map((p) => [p, BANK_PROFILES_DEF[p].label]),
) as Record<BankProfileId, string>;

export const paymentSettings = z.object({
  payerName: z.string().trim().min(1, 'Ange betalarens namn.').max(70),
  orgNumber: z
    .string()
    .trim()
    .regex(/^\d{6}-?\d{4}$/, 'Organisationsnumret ska ha tio siffror.'),
  bankProfile: z.enum(BANK_PROFILES),
  debtorClearing: z
    .string()
    .trim()
    .regex(/^\d{4,5}$/, 'Clearingnumret ska ha 4 eller 5 siffror.'),
  /** Empty until the unit enters it (the defaults must read back); an export is refused without it. */
  debtorAccount: z
    .string()
    .trim()
    .regex(/^\d{0,15}$/, 'Ange kontonumret med siffror.'),
  debtorBic: z
    .string()
    .trim()
    .regex(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/, 'BIC ska ha 8 eller 11 tecken, t.ex. SWEDSESS.'),
  /** Bank-specific initiating-party id (InitgPty/Id): see shared/bank-profiles.ts per bank. */
  initiatorId: z
    .string()
    .trim()
    .max(35)
    .regex(/^[A-Za-z0-9]*$/, 'Bara bokstäver A–Z och siffror.')
    .default(''),
  /** Bank-specific debtor id (Dbtr/Id): Swedbank produktavtal, SEB kundnummer, Nordea avtalsnummer. */
  debtorId: z
    .string()
    .trim()
    .max(35)
    .regex(/^[A-Za-z0-9]*$/, 'Bara bokstäver A–Z och siffror.')
    .default(''),
  /** How the unit pays: a bank file (pain.001 or Löner) or payroll (PAXml or CSV). One channel per batch. */
  payoutChannel: z.enum(PAYOUT_FORMATS).default('pain001'),
  bgcCustomerNumber: z
    .string()
    .trim()
    .regex(/^\d{0,6}$/, 'Kundnumret har högst sex siffror.')
    .default(''),
  bgcBankgiro: z
    .string()
    .trim()
    .regex(/^(\d{7,8})?$/, 'Bankgironumret ska ha 7 eller 8 siffror.')
    .default(''),
  payCodeArvode: z.string().trim().min(1).max(20),
  payCodeOmkostnad: z.string().trim().min(1).max(20),
  payCodeUtlagg: z.string().trim().min(1).max(20),
  paymentDayOfMonth: z.number().int().min(1).max(28),
  /** Whoever approved a month's reports may not attest its payout. */
  twoPersonRule: z.boolean(),
});

export type PaymentSettings = z.infer<typeof paymentSettings>;

export const paymentProcedures = {
  'payments.getSettings': procedure({
    access: ['admin', 'attestant', 'handlaggare'],
    input: empty,
    output: paymentSettings,
  }),
  'payments.saveSettings': procedure({ access: ['admin'], input: paymentSettings, output: ok }),
} as const;
