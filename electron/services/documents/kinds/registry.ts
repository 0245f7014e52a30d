import type { DocumentKind } from '../../../../shared/ipc/procedures/documents';
import type { RegisteredKind } from './define';
import { agreementKind } from './agreement';
import { planKind } from './plan';
import { approvalLetterKind, endLetterKind, offerLetterKind } from './letters';

/** Every kind the contract names renders through here; the type makes a missing kind a compile error. */
export const DOCUMENT_RENDERERS: Record<DocumentKind, RegisteredKind> = {
  avtal: agreementKind,
  genomforandeplan: planKind,
  'brev-godkand': approvalLetterKind,
  'brev-erbjudande': offerLetterKind,
  'brev-avslut': endLetterKind,
};
