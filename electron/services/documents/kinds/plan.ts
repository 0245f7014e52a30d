import { legalReference } from '../../../../shared/legal/laws';
import { planData } from '../../../../shared/ipc/procedures/plans';
import { DOCUMENT_KIND_LABELS } from '../../../../shared/ipc/procedures/documents';
import { planHtml } from '../../../documents/case-documents';
import { assignmentCase } from './context';
import { defineKind } from './define';
import { readVersion, storedVersion } from './versions';

/** The saved data of a version, and its fields' Swedish names for errors (also used when listing versions). */
export const planVersion = {
  data: planData,
  labels: {
    'data.goals': 'mål',
    'data.activities': 'aktiviteter',
    'data.nextFollowUp': 'nästa uppföljning',
    'data.participation': 'brukarens delaktighet',
  },
};

/** Genomförandeplan: the saved plan version with the parties and the decision's law. */
export const planKind = defineKind({
  schema: storedVersion(planVersion.data),
  labels: planVersion.labels,
  read: async (rc) => {
    const { a } = await assignmentCase(rc);
    return readVersion(rc, a.id, 'implementation_plans');
  },
  render: async (rc, { version, data }) => {
    const { a, d, client, cp } = await assignmentCase(rc);
    const cpParty = rc.party(cp, 'kontaktperson');
    const clientParty = rc.party(client, 'brukare');
    const html = planHtml({
      ...rc.common,
      version,
      client: clientParty.name,
      contactPerson: cpParty.name,
      legalBasis: legalReference(d.law, d.paragraph),
      plan: data,
    });
    return {
      title: `${DOCUMENT_KIND_LABELS.genomforandeplan} version ${version}`,
      html,
      assignmentId: a.id,
      contactPersonId: cp.id,
    };
  },
});
