import { DomainError } from '../../shared/errors';
import { toLocalIsoDate } from '../../shared/dates';
import type { ServiceContext } from './session';

/** Things that have happened (a meeting held, an extract shown, a decision taken) cannot be dated after today. */
export function assertNotFuture(ctx: ServiceContext, date: string, field: string, what = 'Datumet'): void {
  if (date > toLocalIsoDate(ctx.now())) {
    const message = `${what} kan inte ligga i framtiden.`;
    throw new DomainError('INVALID_INPUT', message, { fields: { [field]: message } });
  }
}
