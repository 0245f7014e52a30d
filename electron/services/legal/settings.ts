import { jsonSetting } from '../json-setting';
import { LEGAL_SETTINGS_DEFAULTS, legalSettings } from '../../../shared/ipc/procedures/legal';

/** Laws' paragraph lists and the reporting figures (Inställningar → Lagrum och rapporter), stored as one JSON setting. */
export const legalSettingsStore = jsonSetting(
  'legal',
  legalSettings,
  LEGAL_SETTINGS_DEFAULTS,
  (v) =>
    `lagrum: ${Object.entries(v.lawParagraphs)
      .map(([law, p]) => `${law} ${p.join(' / ')}`)
      .join(
        '; ',
      )}; LSS-register ${v.lssReferenceDay}–${v.lssDeadlineDay}; avbrott ${v.avbrottMonths} mån; kontorstid ${v.officeHoursStart}–${v.officeHoursEnd}; mängduttag ${v.bulkExportRows} rader; logguppföljning var ${v.logReviewMonths}:e månad`,
);
