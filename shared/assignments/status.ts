/** The life of an assignment (uppdrag), from proposal to end. */
export const ASSIGNMENT_STATUSES = [
  'forslag',
  'erbjudet',
  'kp_accepterat',
  'presentationsmote',
  'bada_ja',
  'aktivt',
  'avslutat',
  'kp_avbojt',
  'brukare_avbojt',
  'aterkallat',
] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const ASSIGNMENT_STATUS_LABELS: Record<AssignmentStatus, string> = {
  forslag: 'Förslag',
  erbjudet: 'Erbjudet kontaktpersonen',
  kp_accepterat: 'Kontaktpersonen har tackat ja',
  presentationsmote: 'Presentationsmöte bokat',
  bada_ja: 'Båda har tackat ja',
  aktivt: 'Aktivt',
  avslutat: 'Avslutat',
  kp_avbojt: 'Kontaktpersonen tackade nej',
  brukare_avbojt: 'Brukaren tackade nej',
  aterkallat: 'Återkallat',
};

/** Actions the officer takes; each moves the assignment one step. */
export const ASSIGNMENT_ACTIONS = {
  offer: { from: ['forslag'], to: 'erbjudet', label: 'Erbjud kontaktpersonen' },
  cpAccept: { from: ['erbjudet'], to: 'kp_accepterat', label: 'Kontaktpersonen tackar ja' },
  cpDecline: {
    from: ['erbjudet', 'kp_accepterat', 'presentationsmote'],
    to: 'kp_avbojt',
    label: 'Kontaktpersonen tackar nej',
  },
  bookMeeting: { from: ['kp_accepterat'], to: 'presentationsmote', label: 'Boka presentationsmöte' },
  clientAccept: { from: ['presentationsmote'], to: 'bada_ja', label: 'Brukaren tackar ja' },
  clientDecline: { from: ['presentationsmote'], to: 'brukare_avbojt', label: 'Brukaren tackar nej' },
  activate: { from: ['bada_ja'], to: 'aktivt', label: 'Starta uppdraget' },
  withdraw: {
    from: ['forslag', 'erbjudet', 'kp_accepterat', 'presentationsmote', 'bada_ja'],
    to: 'aterkallat',
    label: 'Återkalla',
  },
  end: { from: ['aktivt'], to: 'avslutat', label: 'Avsluta uppdraget' },
} as const satisfies Record<string, { from: readonly AssignmentStatus[]; to: AssignmentStatus; label: string }>;
export type AssignmentAction = keyof typeof ASSIGNMENT_ACTIONS;

export const OPEN_ASSIGNMENT_STATUSES: readonly AssignmentStatus[] = [
  'forslag',
  'erbjudet',
  'kp_accepterat',
  'presentationsmote',
  'bada_ja',
  'aktivt',
];

export function actionError(action: AssignmentAction, from: AssignmentStatus): string | null {
  const a = ASSIGNMENT_ACTIONS[action];
  return (a.from as readonly AssignmentStatus[]).includes(from)
    ? null
    : `"${a.label}" går inte när uppdraget har status "${ASSIGNMENT_STATUS_LABELS[from]}".`;
}

export function availableActions(from: AssignmentStatus): AssignmentAction[] {
  return (Object.keys(ASSIGNMENT_ACTIONS) as AssignmentAction[]).filter((a) => actionError(a, from) === null);
}
