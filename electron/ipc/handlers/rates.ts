import type { Handlers } from '../router';
import { done } from '../adapt';
import { createRateYear, listRates, rateStatus, saveRate } from '../../services/payouts/settings';

export const rateHandlers: Pick<Handlers, 'rates.list' | 'rates.save' | 'rates.status' | 'rates.createYear'> = {
  'rates.list': (core) => listRates(core.serviceContext().db),
  'rates.save': async (core, input) => (await saveRate(core.serviceContext(), input), done),
  'rates.status': (core) => rateStatus(core.serviceContext()),
  'rates.createYear': (core, input) => createRateYear(core.serviceContext(), input),
};
