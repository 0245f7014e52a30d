/** The rate editor's number fields, checked one by one so a word in a percent field is named on that field. */
export const PERCENT_FIELDS = ['feeFull', 'feeReduced', 'sideIncome', 'omkMax'] as const;
export const WHOLE_FIELDS = ['reducedAge', 'zeroBorn'] as const;

const PERCENT = /^\s*\d+(?:[.,]\d+)?\s*%?\s*$/;
const WHOLE = /^\s*\d+\s*$/;

/** Field → Swedish message for every number field that is not a number. */
export function numberFieldProblems(values: Record<string, string | undefined>): Array<[string, string]> {
  const problems: Array<[string, string]> = [];
  for (const f of PERCENT_FIELDS)
    if (!PERCENT.test(values[f] ?? '')) problems.push([f, 'Ange procent som ett tal, t.ex. 31,42.']);
  for (const f of WHOLE_FIELDS) if (!WHOLE.test(values[f] ?? '')) problems.push([f, 'Ange ett heltal.']);
  return problems;
}
