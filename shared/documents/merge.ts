/**
 * Agreement templates: paragraphs of text with merge fields written {{group.field}}. The unit edits
 * the template in Inställningar; an unknown field is refused when the template is saved, so a typo
 * never reaches a printed agreement.
 */
export const MERGE_FIELDS = {
  'enhet.namn': 'Enhetens namn',
  'enhet.adress': 'Enhetens adress',
  'enhet.telefon': 'Enhetens telefon',
  'kontaktperson.namn': 'Kontaktpersonens namn',
  'kontaktperson.personnummer': 'Kontaktpersonens personnummer',
  'kontaktperson.adress': 'Kontaktpersonens adress',
  'kontaktperson.telefon': 'Kontaktpersonens telefon',
  'brukare.namn': 'Brukarens namn',
  'brukare.adress': 'Brukarens adress',
  'brukare.telefon': 'Brukarens telefon',
  'beslut.lagrum': 'Beslutets lagrum',
  'beslut.datum': 'Beslutsdatum',
  'avtal.version': 'Avtalets version',
  'avtal.startdatum': 'Startdatum',
  'avtal.giltighet': 'Tills vidare eller slutdatum',
  'avtal.uppsagningstid': 'Uppsägningstid',
  'avtal.traffar': 'Träffar (frekvens och längd)',
  'avtal.mal': 'Mål för uppdraget',
  'avtal.arvode': 'Arvode per månad',
  'avtal.omkostnad': 'Omkostnadsersättning per månad',
  'avtal.forsakring': 'Försäkring',
} as const;
export type MergeField = keyof typeof MERGE_FIELDS;
export type MergeValues = Record<MergeField, string>;

export interface TemplateParagraph {
  heading: string;
  text: string;
}

const FIELD = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** Own properties only: `{{constructor}}` or `{{toString}}` are not fields (`in` would find them on Object.prototype). */
const own = (o: object, key: string): boolean => Object.prototype.hasOwnProperty.call(o, key);

/** Swedish problems with a template: unknown fields, broken braces. Empty = fine. */
export function templateProblems(paragraphs: TemplateParagraph[]): string[] {
  const problems: string[] = [];
  paragraphs.forEach((p, i) => {
    for (const part of [p.heading, p.text]) {
      for (const m of part.matchAll(FIELD)) {
        // The group always takes part in a match (possibly empty: '{{}}' is an unknown field too).
        const name = m[1] ?? '';
        if (!own(MERGE_FIELDS, name)) problems.push(`Stycke ${i + 1}: okänt kopplingsfält {{${name}}}.`);
      }
      const stripped = part.replace(FIELD, '');
      if (stripped.includes('{{') || stripped.includes('}}'))
        problems.push(`Stycke ${i + 1}: ofullständigt kopplingsfält (saknar {{ eller }}).`);
    }
  });
  return problems;
}

/** Fills in the fields (plain text; the HTML layer escapes it). */
export function mergeText(text: string, values: MergeValues): string {
  return text.replace(FIELD, (_m, name: string) =>
    own(values, name) && own(MERGE_FIELDS, name) ? values[name as MergeField] : `{{${name}}}`,
  );
}

/** The default agreement (domain.md §4.4): parties, scope, pay, confidentiality, duty to report, ending. */
export const DEFAULT_AGREEMENT_TEMPLATE: TemplateParagraph[] = [
  {
    heading: 'Parter',
    text: 'Detta avtal gäller mellan {{enhet.namn}}, {{enhet.adress}}, telefon {{enhet.telefon}} (nämnden) och {{kontaktperson.namn}}, {{kontaktperson.personnummer}}, {{kontaktperson.adress}}, telefon {{kontaktperson.telefon}} (uppdragstagaren).',
  },
  {
    heading: 'Uppdraget',
    text: 'Uppdragstagaren åtar sig att vara kontaktperson för {{brukare.namn}}, {{brukare.adress}}, enligt beslut om insatsen {{beslut.lagrum}} fattat {{beslut.datum}}. Uppdraget börjar {{avtal.startdatum}} och gäller {{avtal.giltighet}}.',
  },
  {
    heading: 'Träffar och mål',
    text: 'Träffar: {{avtal.traffar}}. Mål för uppdraget: {{avtal.mal}} Hur målen ska nås beskrivs i genomförandeplanen.',
  },
  {
    heading: 'Ersättning',
    text: 'Arvode betalas med {{avtal.arvode}} per månad och omkostnadsersättning med {{avtal.omkostnad}} per månad, beräknat på årets prisbasbelopp. Arvodet är skattepliktigt. Ersättning betalas månadsvis i efterskott när månadsrapporten har lämnats in och godkänts.',
  },
  {
    heading: 'Inte en anställning',
    text: 'Uppdraget är ett uppdrag och inte en anställning. Arvodet ger inte semesterersättning eller tjänstepension.',
  },
  {
    heading: 'Tystnadsplikt',
    text: 'Uppdragstagaren har tystnadsplikt enligt offentlighets- och sekretesslagen om allt som rör den enskildes personliga förhållanden. Tystnadsplikten gäller även efter att uppdraget har upphört.',
  },
  {
    heading: 'Rapporteringsskyldighet',
    text: 'Uppdragstagaren ska genast informera nämnden om missförhållanden eller risk för missförhållanden (lex Sarah) och om oro för att ett barn far illa.',
  },
  {
    heading: 'Uppföljning',
    text: 'Uppdragstagaren deltar i uppföljningar av uppdraget och lämnar månadsrapport över träffar och utlägg.',
  },
  { heading: 'Försäkring', text: '{{avtal.forsakring}}' },
  {
    heading: 'Uppsägning',
    text: 'Avtalet kan sägas upp av båda parter med {{avtal.uppsagningstid}} uppsägningstid. Avtalet upphör utan uppsägning när beslutet om insatsen upphör.',
  },
];
