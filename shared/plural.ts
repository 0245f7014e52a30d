/** "1 träff" / "2 träffar": a count with the Swedish singular or plural. */
export function count(n: number, singular: string, plural: string): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** "1 träff per månad", "2 träffar per vecka". */
export function meetingsPer(n: number, period: 'vecka' | 'manad' | string): string {
  return `${count(n, 'träff', 'träffar')} per ${period === 'vecka' ? 'vecka' : 'månad'}`;
}

/** Hours with a decimal comma: "1 timme", "2,5 timmar". */
export function hours(n: number): string {
  return `${String(n).replace('.', ',')} ${n === 1 ? 'timme' : 'timmar'}`;
}
