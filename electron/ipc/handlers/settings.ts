import type { Handlers } from '../router';
import { readSettings, updateSettings } from '../../services/settings';

export const settingsHandlers: Pick<Handlers, 'settings.get' | 'settings.update'> = {
  'settings.get': (core) => readSettings(core.serviceContext().db),
  'settings.update': async (core, input) => {
    const saved = await updateSettings(core.serviceContext(), input);
    core.applySettings(saved);
    return saved;
  },
};
