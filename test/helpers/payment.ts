import type { z } from 'zod';
import type { paymentSettings } from '../../shared/ipc/procedures/payouts';

type PaymentInput = z.input<typeof paymentSettings>;

/**
 * The test municipality's payment settings: Swedbank with the Signer-ID and agreement id its
 * profile requires, pain.001 as the channel, Bankgirot numbers for Löner tests. Override per test.
 */
export function testPayment(over: Partial<PaymentInput> = {}): PaymentInput {
  return {
    payerName: 'Provköpings kommun',
    orgNumber: '212000-0000',
    bankProfile: 'swedbank',
    debtorClearing: '8327',
    debtorAccount: '1234567897',
    debtorBic: 'SWEDSESS',
    initiatorId: 'SIGNER1234',
    debtorId: 'AVTAL5678',
    payoutChannel: 'pain001',
    bgcCustomerNumber: '123456',
    bgcBankgiro: '9912346',
    payCodeArvode: '310',
    payCodeOmkostnad: '320',
    payCodeUtlagg: '330',
    paymentDayOfMonth: 25,
    twoPersonRule: true,
    ...over,
  };
}
