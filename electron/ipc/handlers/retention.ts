import type { Handlers } from '../router';
import { previewRetention, readRetentionSettings, runRetention, saveRetentionSettings } from '../../services/retention';

export const retentionHandlers: Pick<
  Handlers,
  'retention.getSettings' | 'retention.saveSettings' | 'retention.preview' | 'retention.run'
> = {
  'retention.getSettings': (core) => readRetentionSettings(core.serviceContext().db),
  'retention.saveSettings': async (core, input) => (
    await saveRetentionSettings(core.serviceContext(), input),
    { ok: true as const }
  ),
  'retention.preview': (core) => previewRetention(core.serviceContext()),
  'retention.run': (core) => runRetention(core.serviceContext()),
};
