import { jsonSetting } from '../json-setting';
import { documentSettings, type DocumentSettings } from '../../../shared/ipc/procedures/documents';
import { DEFAULT_AGREEMENT_TEMPLATE } from '../../../shared/documents/merge';
import { DEFAULT_FOLLOW_UP_INTERVALS } from '../../../shared/documents/follow-up';

const DEFAULTS: DocumentSettings = {
  municipality: '',
  unitAddress: '',
  unitPhone: '',
  insuranceNote: 'Kommunens olycksfalls- och ansvarsförsäkring gäller under uppdraget.',
  logoDataUrl: '',
  followUpChildMonths: DEFAULT_FOLLOW_UP_INTERVALS.childMonths,
  followUpAdultMonths: DEFAULT_FOLLOW_UP_INTERVALS.adultMonths,
  agreementTemplate: DEFAULT_AGREEMENT_TEMPLATE,
};

const stored = jsonSetting('documents', documentSettings, DEFAULTS, () => 'dokument och avtalsmall');
export const readDocumentSettings = stored.read;
export const saveDocumentSettings = stored.save;
