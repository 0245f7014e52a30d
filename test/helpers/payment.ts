import type { PaymentSettings } from '../../shared/ipc/procedures/payments';
import { DEMO_PAYMENT_SETTINGS } from '../../electron/seed/demo-payouts';

/** The demo municipality's payment settings (Swedbank with its ids, pain.001), overridden per test. */
export function testPayment(over: Partial<PaymentSettings> = {}): PaymentSettings {
  return { ...DEMO_PAYMENT_SETTINGS, ...over };
}
