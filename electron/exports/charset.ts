/**
 * Bank-profile character sets (payments.md §1.7). The XSD does not enforce them, so text is cleaned
 * before it is written: Swedish banks take å, ä, ö in text fields; the generic profile only A–Z.
 * Other accents are dropped (é -> e), anything else becomes a space.
 */
const ALLOWED = /[a-zA-Z0-9/\-?:().,'+ ]/;

export function cleanText(text: string, allowSwedish: boolean, max: number): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if ('åäöÅÄÖ'.includes(ch)) out += allowSwedish ? ch : ch.normalize('NFD')[0];
    else {
      const base = ch.normalize('NFD')[0];
      out += ALLOWED.test(base) ? base : ' ';
    }
  }
  return out.replace(/\s+/g, ' ').trim().slice(0, max);
}
