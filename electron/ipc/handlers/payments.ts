import type { Handlers } from '../router';
import { done } from '../adapt';
import { getPaymentSettings, savePaymentSettings } from '../../services/payouts/settings';

export const paymentHandlers: Pick<Handlers, 'payments.getSettings' | 'payments.saveSettings'> = {
  'payments.getSettings': (core) => getPaymentSettings(core.serviceContext().db),
  'payments.saveSettings': async (core, input) => (await savePaymentSettings(core.serviceContext(), input), done),
};
