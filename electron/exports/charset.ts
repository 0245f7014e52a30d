import anyAscii from 'any-ascii';

/**
 * Bank-profile character sets (payments.md §1.7; shared/bank-profiles.ts). The XSD does not enforce
 * them, so text is cleaned before it is written. Swedish banks take a–z A–Z 0–9 / - ? : ( ) . , ' +
 * space and å ä ö Å Ä Ö in text fields; the generic profile only A–Z. Everything else is
 * transliterated with `any-ascii` (ø -> o, Ł -> L, Þ -> Th, Cyrillic and Greek to Latin), so a name
 * never turns into spaces or disappears. The app itself keeps the real name.
 */
const ALLOWED = /[a-zA-Z0-9/\-?:().,'+ ]/;

export function cleanText(text: string, allowSwedish: boolean, max: number): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if ('åäöÅÄÖ'.includes(ch)) out += allowSwedish ? ch : ch.normalize('NFD')[0];
    else if (ALLOWED.test(ch)) out += ch;
    else {
      const latin = anyAscii(ch);
      out += [...latin].map((c) => (ALLOWED.test(c) ? c : ' ')).join('');
    }
  }
  return out.replace(/\s+/g, ' ').trim().slice(0, max).trim();
}

/** A payee name for a bank file: cleaned, never empty (a name of only symbols gets a stable placeholder). */
export function payeeName(name: string, allowSwedish: boolean, max: number, contactPersonId: number): string {
  return cleanText(name, allowSwedish, max) || `Kontaktperson ${contactPersonId}`;
}
