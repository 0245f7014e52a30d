/** The recruitment flow of a contact person (uppdragstagare). */
export const CP_STATUSES = [
  'intresseanmalan',
  'intervju_bokad',
  'utredning_pagar',
  'godkand',
  'ej_godkand',
  'i_uppdrag',
  'vilande',
  'avslutad',
] as const;
export type CpStatus = (typeof CP_STATUSES)[number];

export const CP_STATUS_LABELS: Record<CpStatus, string> = {
  intresseanmalan: 'Intresseanmälan',
  intervju_bokad: 'Intervju bokad',
  utredning_pagar: 'Utredning pågår',
  godkand: 'Godkänd (i kö)',
  ej_godkand: 'Ej godkänd',
  i_uppdrag: 'I uppdrag',
  vilande: 'Vilande',
  avslutad: 'Avslutad',
};

/**
 * Allowed manual changes. i_uppdrag is entered and left by the assignment flow only
 * (accepting or ending an assignment), never by hand.
 */
const MANUAL: Record<CpStatus, readonly CpStatus[]> = {
  intresseanmalan: ['intervju_bokad', 'ej_godkand', 'avslutad'],
  intervju_bokad: ['utredning_pagar', 'intresseanmalan', 'ej_godkand', 'avslutad'],
  utredning_pagar: ['godkand', 'ej_godkand', 'avslutad'],
  godkand: ['vilande', 'avslutad'],
  ej_godkand: ['avslutad'],
  i_uppdrag: ['vilande'],
  vilande: ['godkand', 'avslutad'],
  avslutad: [],
};

const SYSTEM: Partial<Record<CpStatus, readonly CpStatus[]>> = {
  godkand: ['i_uppdrag'],
  i_uppdrag: ['godkand', 'avslutad'],
};

export function allowedTransitions(from: CpStatus, by: 'manual' | 'system' = 'manual'): readonly CpStatus[] {
  return by === 'manual' ? MANUAL[from] : [...MANUAL[from], ...(SYSTEM[from] ?? [])];
}

/** null when allowed, else a Swedish explanation. */
export function transitionError(from: CpStatus, to: CpStatus, by: 'manual' | 'system' = 'manual'): string | null {
  if (allowedTransitions(from, by).includes(to)) return null;
  if (to === 'i_uppdrag') return 'Status "I uppdrag" sätts när ett uppdrag accepteras, inte för hand.';
  return `Det går inte att ändra status från "${CP_STATUS_LABELS[from]}" till "${CP_STATUS_LABELS[to]}".`;
}

/** Statuses that count as waiting in the queue. */
export const QUEUE_STATUSES: readonly CpStatus[] = ['godkand'];

/**
 * The queue date after a change: entering the queue (approval, back from vilande, or an ended
 * assignment) starts the wait that day; other changes keep it. A declined offer changes no status,
 * so the original queue date survives it.
 */
export function queueSinceAfter(to: CpStatus, date: string, previous: string | null): string | null {
  return to === 'godkand' ? date : previous;
}
