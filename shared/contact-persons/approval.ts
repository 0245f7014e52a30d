import type { Outcome, Register } from './register-checks';

export interface ApprovalFacts {
  interviewCount: number;
  referenceCount: number;
  consentDate: string | null;
  prefersChildren: boolean;
  checks: Array<{ register: Register; outcome: Outcome; assessmentNote: string | null }>;
}

/**
 * What is missing before a person may be approved (the assessment per domain.md §4.1–4.2).
 * A register check with notes needs a written assessment; a belastningsregister check is
 * required for people who want assignments with children.
 */
export function approvalBlockers(f: ApprovalFacts): string[] {
  const out: string[] = [];
  if (f.interviewCount === 0) out.push('Ingen intervju är registrerad.');
  if (f.referenceCount === 0) out.push('Ingen referens är registrerad.');
  if (!f.consentDate) out.push('Samtycke till registerkontroll och referenstagning saknas.');
  if (!f.checks.some((c) => c.register === 'socialtjanstens_register'))
    out.push('Kontroll i socialtjänstens register saknas.');
  if (f.prefersChildren && !f.checks.some((c) => c.register === 'belastningsregistret')) {
    out.push('Utdrag ur belastningsregistret krävs för uppdrag med barn.');
  }
  if (f.checks.some((c) => c.outcome === 'anteckningar' && !c.assessmentNote?.trim())) {
    out.push('En registerkontroll med anteckningar saknar bedömning.');
  }
  return out;
}
