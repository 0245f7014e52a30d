import type { Handlers } from '../router';
import { legalSettingsStore } from '../../services/legal/settings';
import { legalReminders } from '../../services/legal/reminders';

export const legalHandlers: Pick<Handlers, 'legal.settings' | 'legal.saveSettings' | 'legal.reminders'> = {
  'legal.settings': (core) => legalSettingsStore.read(core.serviceContext().db),
  'legal.saveSettings': async (core, input) => {
    const ctx = core.serviceContext();
    await legalSettingsStore.save(ctx, input);
    return legalSettingsStore.read(ctx.db);
  },
  'legal.reminders': (core) => legalReminders(core.serviceContext()),
};
