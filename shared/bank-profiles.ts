/**
 * Bank profiles for the pain.001.001.03 salary file: what each bank wants in InitgPty/Id and Dbtr/Id,
 * which account form (BBAN or IBAN), whether Swedbank's 5th clearing digit is kept, the character set,
 * and whether the requested execution date is the pay day or the bank day before.
 *
 * Sources (the banks' own MIGs are not public in full; each fact names where it came from, see
 * also the README table "Bank profiles"):
 *  [FLEX]   Flex HRM Payroll, "Hur gör jag inställningar för bankfiler med formatet ISO 20022 Pain.001
 *           (XML) i HRM Payroll?" (2025-11-20): per-bank InitgPty/Dbtr identifiers and debtor accounts;
 *           "the generic ISO file can only pay to IBAN".
 *  [IWARE]  iware.se, "Bankernas hantering av ISO 20022 XML": Nordea Corporate Access wants Signer-ID as
 *           initiating party and the agreement number as debtor id; SEB wants the organisation number
 *           (or nothing) as initiating party and SEB's internal customer number as debtor id.
 *  [VISMA]  Visma Lön 600 FAQ "Betalningsdag till banken (XML)": SEB and Nordea execute one bank day
 *           before the pay day; Handelsbanken and Danske Bank on the pay day.
 *  [NMBRS]  Nmbrs "SEPA-bankfil ISO20022/pain.001": Nordea and SEB need one bank day.
 *  [OLAND]  Ölandsbank, 5-digit clearing numbers 8xxx: most banks take Swedbank accounts with the 5th
 *           digit (15 digits); implefy/account_iso20022_swedbank (Swedbank MIG module) does too.
 *  [ICA]    ICA Banken: a Handelsbanken account is "totalt 13 siffror" (4 + 9).
 *  [SWED]   Swedbank's character set (a–z A–Z 0–9 / - ? : ( ) . , ' + space, å ä ö in domestic
 *           text): implefy/account_iso20022_swedbank; Nordea: ISO 8859-15 subset (XMLdation wiki).
 *  [SPIRIS] Spiris (Visma) "salary payments via Swedbank … using an XML file": a salary agreement with
 *           Swedbank, its agreement number and a SignerID are needed (a supplier-payment agreement is not enough).
 *  [DANSKE] Danske Bank, "SE transformation – KI": KI-Lön ended 2025-11-14; creditor name mandatory.
 * Where a fact is [I] (inferred, not from the bank itself), the help text says "kontrollera med banken".
 */
export const BANK_PROFILE_IDS = ['swedbank', 'seb', 'handelsbanken', 'nordea', 'danske', 'generic'] as const;
export type BankProfileId = (typeof BANK_PROFILE_IDS)[number];

/** Where an identifier comes from when its setting is empty. */
export type IdFallback = 'orgnr' | 'orgnr0004' | '9999999999' | 'none';

export interface IdRule {
  /** Label and help text of the settings field. */
  label: string;
  help: string;
  /** What is written when the setting is empty; 'none' leaves the Id element out. */
  fallback: IdFallback;
  /** The bank needs a value it issued itself: export is refused while the setting is empty. */
  required: boolean;
}

export interface BankProfile {
  label: string;
  /** 'swedish': the SE banks' set with å ä ö; 'latin': A–Z only. */
  charset: 'swedish' | 'latin';
  debtorAccount: 'BBAN' | 'IBAN';
  creditorAccount: 'BBAN' | 'IBAN';
  /** Swedbank 8xxx-x payee accounts: 15 digits with the 5th clearing digit, or 14 without. */
  keepFifthClearingDigit: boolean;
  executionDate: 'payday' | 'bankDayBefore';
  initiator: IdRule;
  debtor: IdRule;
  sources: string;
}

const ORGNR_INITIATOR: IdRule = {
  label: 'Avsändar-id (InitgPty)',
  help: 'Tomt = kommunens organisationsnummer.',
  fallback: 'orgnr',
  required: false,
};

export const BANK_PROFILES_DEF: Record<BankProfileId, BankProfile> = {
  // [FLEX] Swedbank: clearing+account or IBAN; InitgPty = Signer ID from Swedbank; Dbtr = Produktavtal ID.
  // [SPIRIS] both are required for salary files (hence `required`).
  // [OLAND] 15-digit 8xxx-x accounts. [SWED] character set. Execution date: the pay day ([I]: no
  // source says Swedbank needs the day before; confirm in Swedbank's MIG).
  swedbank: {
    label: 'Swedbank',
    charset: 'swedish',
    debtorAccount: 'BBAN',
    creditorAccount: 'BBAN',
    keepFifthClearingDigit: true,
    executionDate: 'payday',
    initiator: {
      label: 'Signer-ID (InitgPty)',
      help: 'Signer-ID som Swedbank lämnar vid avtal om lönefil. Krävs.',
      fallback: 'none',
      required: true,
    },
    debtor: {
      label: 'Produktavtals-ID (Dbtr)',
      help: 'Produktavtalets id hos Swedbank. Krävs.',
      fallback: 'none',
      required: true,
    },
    sources: 'Flex HRM och Spiris (id:n), Ölandsbank/implefy (15 siffror för 8xxx-x), implefy (teckenuppsättning)',
  },
  // [FLEX] SEB "ISO Lön": clearing+account or IBAN; no InitgPty id; Dbtr = SEB customer number, usually
  // orgnr + 0004. [IWARE] InitgPty may be the org number. [VISMA][NMBRS] one bank day before.
  seb: {
    label: 'SEB (ISO Lön)',
    charset: 'swedish',
    debtorAccount: 'BBAN',
    creditorAccount: 'BBAN',
    keepFifthClearingDigit: true,
    executionDate: 'bankDayBefore',
    initiator: ORGNR_INITIATOR,
    debtor: {
      label: 'SEB-kundnummer (Dbtr)',
      help: 'SEB:s kundnummer för avtalet. Tomt = organisationsnumret + 0004 (det vanliga); kontrollera med banken.',
      fallback: 'orgnr0004',
      required: false,
    },
    sources: 'Flex HRM och iware (id:n), Visma Lön 600 och Nmbrs (en bankdag före)',
  },
  // [FLEX] Handelsbanken: clearing+account or IBAN; InitgPty and Dbtr = organisation number.
  // [ICA] accounts 4 + 9 digits. [VISMA] executes on the pay day.
  handelsbanken: {
    label: 'Handelsbanken',
    charset: 'swedish',
    debtorAccount: 'BBAN',
    creditorAccount: 'BBAN',
    keepFifthClearingDigit: true,
    executionDate: 'payday',
    initiator: ORGNR_INITIATOR,
    debtor: {
      label: 'Betalar-id (Dbtr)',
      help: 'Tomt = kommunens organisationsnummer (Handelsbankens regel).',
      fallback: 'orgnr',
      required: false,
    },
    sources: 'Flex HRM (id:n), ICA Banken (13 siffror), Visma Lön 600 (samma dag)',
  },
  // [FLEX][IWARE] Nordea Corporate Access: InitgPty = Signer Id, Dbtr = CCM agreement number (else
  // 9999999999); debtor account PlusGiro or IBAN only. [VISMA][NMBRS] one bank day before.
  // 14-digit Swedbank accounts: kept from the earlier profile ([I]; Nordea's "Appendix Sweden",
  // "Structure of BBAN account numbers", decides; confirm with the bank).
  nordea: {
    label: 'Nordea',
    charset: 'swedish',
    debtorAccount: 'IBAN',
    creditorAccount: 'BBAN',
    keepFifthClearingDigit: false,
    executionDate: 'bankDayBefore',
    initiator: {
      label: 'Signer-ID (InitgPty)',
      help: 'Signer-ID från Nordea Corporate Access. Tomt = 9999999999.',
      fallback: '9999999999',
      required: false,
    },
    debtor: {
      label: 'Avtalsnummer (Dbtr)',
      help: 'Nordeas avtalsnummer (CCM). Tomt = 9999999999.',
      fallback: '9999999999',
      required: false,
    },
    sources: 'Flex HRM och iware (id:n, IBAN), Visma Lön 600 och Nmbrs (en bankdag före)',
  },
  // [FLEX] Danske Bank: clearing+account or IBAN; InitgPty = organisation number; no Dbtr id.
  // [VISMA] executes on the pay day.
  danske: {
    label: 'Danske Bank',
    charset: 'swedish',
    debtorAccount: 'BBAN',
    creditorAccount: 'BBAN',
    keepFifthClearingDigit: true,
    executionDate: 'payday',
    initiator: ORGNR_INITIATOR,
    debtor: {
      label: 'Betalar-id (Dbtr)',
      help: 'Används inte av Danske Bank (lämnas utanför filen om tomt).',
      fallback: 'none',
      required: false,
    },
    sources: 'Flex HRM (id:n), Visma Lön 600 (samma dag)',
  },
  // [FLEX] "the generic ISO file can only pay to IBAN": IBAN for debtor and payees; A–Z only.
  generic: {
    label: 'Annan bank (IBAN, endast A–Z)',
    charset: 'latin',
    debtorAccount: 'IBAN',
    creditorAccount: 'IBAN',
    keepFifthClearingDigit: true,
    executionDate: 'payday',
    initiator: ORGNR_INITIATOR,
    debtor: {
      label: 'Betalar-id (Dbtr)',
      help: 'Tomt = inget id i filen. Fråga banken.',
      fallback: 'none',
      required: false,
    },
    sources: 'Flex HRM (endast IBAN i en generell ISO-fil, endast A–Z)',
  },
};
