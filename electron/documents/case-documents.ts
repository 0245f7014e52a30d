import { mergeText, type MergeValues, type TemplateParagraph } from '../../shared/documents/merge';
import type { PlanData } from '../../shared/ipc/procedures/plans';
import { esc, letterhead, page } from './html';

export interface Party {
  name: string;
  address: string;
  phone: string;
}

/** Each heading stays with its text (a paragraph is never split from its heading across pages). */
const paragraphs = (template: TemplateParagraph[], values: MergeValues) =>
  template
    .map(
      (p) =>
        `<div class="para">${p.heading ? `<h2>${esc(mergeText(p.heading, values))}</h2>` : ''}<p>${esc(mergeText(p.text, values))}</p></div>`,
    )
    .join('');

/**
 * Uppdragsavtal from the unit's template; two copies (the contact person's and the unit's), each
 * with the full letterhead (municipality, unit, diarienummer) and the signature block kept on one
 * page. `missing` (preview only: a final PDF or print is refused instead) is listed on top.
 */
export function agreementHtml(o: {
  unitName: string;
  municipality?: string;
  logo?: string;
  date: string;
  diarienummer?: string;
  template: TemplateParagraph[];
  values: MergeValues;
  contactPerson: string;
  missing?: string[];
}): string {
  const meta = o.diarienummer ? `Dnr ${o.diarienummer}` : undefined;
  const warn = o.missing?.length
    ? `<div class="missing"><strong>Utkast – uppgifter saknas:</strong> ${o.missing.map(esc).join('; ')}.</div>`
    : '';
  const copy = (label: string, first: boolean) => `<section class="${first ? '' : 'page-break'}">
${letterhead({ title: 'Uppdragsavtal', unitName: o.unitName, municipality: o.municipality, logo: o.logo, date: o.date, meta })}
${first ? warn : ''}<p class="muted">${esc(label)}</p>
<h1>Uppdragsavtal för kontaktperson</h1>
<p class="muted">Version ${esc(o.values['avtal.version'])}</p>
${paragraphs(o.template, o.values)}
<div class="signatures">
<div class="sign"><div>Ort och datum</div><div>Ort och datum</div></div>
<div class="sign"><div>${esc(o.contactPerson)}, uppdragstagare</div><div>För ${esc(o.unitName)}</div></div>
</div>
</section>`;
  return page({
    title: 'Uppdragsavtal',
    unitName: o.unitName,
    municipality: o.municipality,
    logo: o.logo,
    date: o.date,
    meta,
    letterhead: false,
    body: copy('Kontaktpersonens exemplar', true) + copy('Enhetens exemplar', false),
  });
}

/** Genomförandeplan (SOSFS 2014:5): goals, activities (what, how, who, when, how often, how long), follow-up. */
export function planHtml(o: {
  unitName: string;
  logo?: string;
  date: string;
  version: number;
  client: string;
  contactPerson: string;
  legalBasis: string;
  plan: PlanData;
}): string {
  const rows = o.plan.activities
    .map(
      (a) =>
        `<tr><td>${esc(a.what)}</td><td>${esc(a.how)}</td><td>${esc(a.who)}</td><td>${esc(a.when)}</td><td>${esc(a.howOften)}</td><td>${esc(a.howLong)}</td></tr>`,
    )
    .join('');
  return page({
    title: 'Genomförandeplan',
    unitName: o.unitName,
    logo: o.logo,
    date: o.date,
    meta: `Version ${o.version}`,
    body: `<h1>Genomförandeplan, kontaktperson</h1>
<p><strong>Brukare:</strong> ${esc(o.client)}<br><strong>Kontaktperson:</strong> ${esc(o.contactPerson)}<br><strong>Insats:</strong> ${esc(o.legalBasis)}</p>
<h2>Mål enligt beslutet</h2><p>${esc(o.plan.goals)}</p>
<h2>Aktiviteter</h2>
<table><thead><tr><th>Vad</th><th>Hur</th><th>Vem</th><th>När</th><th>Hur ofta</th><th>Hur länge</th></tr></thead><tbody>${rows}</tbody></table>
${o.plan.participation ? `<h2>Så har brukaren varit delaktig</h2><p>${esc(o.plan.participation)}</p>` : ''}
<h2>Uppföljning</h2><p>Planen följs upp senast ${esc(o.plan.nextFollowUp)}.</p>
<p class="muted">Ett exemplar lämnas till kontaktpersonen.</p>`,
  });
}

function letter(o: {
  unitName: string;
  logo?: string;
  unitAddress: string;
  date: string;
  title: string;
  to: Party;
  body: string;
  signer: string;
}): string {
  return page({
    title: o.title,
    unitName: o.unitName,
    logo: o.logo,
    date: o.date,
    body: `<p>${esc(o.to.name)}<br>${esc(o.to.address)}</p>
<h1>${esc(o.title)}</h1>${o.body}
<p>Med vänliga hälsningar</p><p>${esc(o.signer)}<br>${esc(o.unitName)}${o.unitAddress ? `<br>${esc(o.unitAddress)}` : ''}</p>`,
  });
}

export function approvalLetterHtml(o: {
  unitName: string;
  logo?: string;
  unitAddress: string;
  date: string;
  to: Party;
  approvedDate: string;
  signer: string;
}): string {
  return letter({
    ...o,
    title: 'Du är godkänd som kontaktperson',
    body: `<p>Tack för din intresseanmälan. Utredningen är klar och du är från och med ${esc(o.approvedDate)} godkänd som kontaktperson hos ${esc(o.unitName)}.</p>
<p>Du står nu i vår kö och vi hör av oss när vi har ett uppdrag som passar dig. Hör gärna av dig om dina förutsättningar ändras.</p>`,
  });
}

export function offerLetterHtml(o: {
  unitName: string;
  logo?: string;
  unitAddress: string;
  date: string;
  to: Party;
  clientFirstName: string;
  area: string;
  meetings: string;
  signer: string;
  legalReference?: string;
}): string {
  return letter({
    ...o,
    title: 'Erbjudande om uppdrag som kontaktperson',
    body: `<p>Vi vill erbjuda dig ett uppdrag som kontaktperson för ${esc(o.clientFirstName)} i ${esc(o.area || 'kommunen')}. Uppdraget omfattar ${esc(o.meetings)}.${o.legalReference ? ` Insatsen ges enligt ${esc(o.legalReference)}.` : ''}</p>
<p>Om du tackar ja bokar vi ett presentationsmöte där ni får träffas. Uppdraget börjar först när båda har sagt ja. Svara gärna inom två veckor.</p>`,
  });
}

export function endLetterHtml(o: {
  unitName: string;
  logo?: string;
  unitAddress: string;
  date: string;
  to: Party;
  clientFirstName: string;
  endDate: string;
  reason: string;
  signer: string;
  legalReference?: string;
}): string {
  return letter({
    ...o,
    title: 'Uppdraget som kontaktperson avslutas',
    body: `<p>Ditt uppdrag som kontaktperson för ${esc(o.clientFirstName)} avslutas ${esc(o.endDate)}. Skäl: ${esc(o.reason)}.${o.legalReference ? ` Insatsen gavs enligt ${esc(o.legalReference)}.` : ''}</p>
<p>Lämna månadsrapport för den sista månaden så betalas ersättningen ut. Tystnadsplikten gäller även efter att uppdraget har upphört. Tack för ditt engagemang!</p>`,
  });
}
