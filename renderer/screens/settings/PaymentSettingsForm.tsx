import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { Button, Form } from 'react-aria-components';
import { BANK_PROFILE_LABELS, BANK_PROFILES, type PaymentSettings } from '../../../shared/ipc/procedures/payments';
import { LEGACY_WARNING, PAYOUT_FORMAT_LABELS, PAYOUT_FORMATS } from '../../../shared/ipc/procedures/payouts';
import { BANK_PROFILES_DEF } from '../../../shared/bank-profiles';
import { CheckboxInput, FormMessage, NumberInput, RadioInput, TextInput } from '../../components/form';
import { useProcInputForm } from '../../components/useProcForm';
import { useProc } from '../../data/useProc';
import { QueryErrors } from '../../data/QueryErrors';

/** Betalning: the payer's account and bank profile, pay codes for payroll, and the attest rule. */
export function PaymentSettingsForm() {
  const settings = useProc('payments.getSettings', {});
  if (!settings.data) return <QueryErrors of={[settings]} />;
  return <PaymentSettingsEditor initial={settings.data} />;
}

function PaymentSettingsEditor({ initial }: { initial: PaymentSettings }) {
  const [ok, setOk] = useState<string | null>(null);
  const {
    control,
    submit: save,
    message,
  } = useProcInputForm('payments.saveSettings', {
    defaultValues: initial,
    resetOnSuccess: false,
    invalidates: ['payments.', 'payouts.'],
    onSuccess: () => setOk('Betalningsinställningarna är sparade.'),
  });
  const profile = BANK_PROFILES_DEF[useWatch({ control, name: 'bankProfile' }) ?? 'swedbank'];
  const channel = useWatch({ control, name: 'payoutChannel' });
  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    setOk(null);
    return save(e);
  };
  return (
    <Form validationBehavior="aria" onSubmit={submit} className="stack" aria-label="Betalningsinställningar">
      <div className="grid3">
        <TextInput control={control} name="payerName" label="Betalare (kommunen)" />
        <TextInput control={control} name="orgNumber" label="Organisationsnummer" />
        <TextInput control={control} name="debtorBic" label="Bankens BIC" />
        <TextInput control={control} name="debtorClearing" label="Clearingnummer (betalarens konto)" />
        <TextInput control={control} name="debtorAccount" label="Kontonummer (betalarens konto)" />
        <TextInput
          control={control}
          name="initiatorId"
          label={profile.initiator.label}
          description={profile.initiator.help}
        />
        <TextInput control={control} name="debtorId" label={profile.debtor.label} description={profile.debtor.help} />
        <TextInput control={control} name="bgcBankgiro" label="Bankgironummer (Bankgirot Löner)" />
        <TextInput control={control} name="bgcCustomerNumber" label="Kundnummer hos Bankgirot" />
        <NumberInput
          control={control}
          name="paymentDayOfMonth"
          label="Utbetalningsdag i månaden efter"
          minValue={1}
          maxValue={28}
        />
        <TextInput control={control} name="payCodeArvode" label="Löneart arvode" />
        <TextInput control={control} name="payCodeOmkostnad" label="Löneart omkostnadsersättning" />
        <TextInput control={control} name="payCodeUtlagg" label="Löneart utlägg" />
      </div>
      <RadioInput
        control={control}
        name="payoutChannel"
        label="Betalsätt (en utbetalning går bara ut på ett sätt)"
        options={PAYOUT_FORMATS.map((f) => [f, PAYOUT_FORMAT_LABELS[f]] as const)}
      />
      {channel === 'bgc-lon' && <p className="warning">{LEGACY_WARNING}</p>}
      <RadioInput
        control={control}
        name="bankProfile"
        label="Bankprofil för pain.001"
        options={BANK_PROFILES.map((p) => [p, BANK_PROFILE_LABELS[p]] as const)}
      />
      <p className="muted">
        {profile.label}: betalarens konto som {profile.debtorAccount}, mottagarnas konton som {profile.creditorAccount}
        {profile.executionDate === 'bankDayBefore'
          ? ', banken genomför betalningen en bankdag före utbetalningsdagen'
          : ', genomförs på utbetalningsdagen'}
        {profile.charset === 'latin' ? ', namn med endast A–Z' : ''}. Källa: {profile.sources}. Kontrollera mot bankens
        egen anvisning (MIG).
      </p>
      <CheckboxInput
        control={control}
        name="twoPersonRule"
        label="Tvåpersonsregel: den som godkänt månadsrapporter får inte attestera utbetalningen"
      />
      <FormMessage>{message}</FormMessage>
      <FormMessage tone="ok">{ok}</FormMessage>
      <Button type="submit" className="button primary">
        Spara betalningsinställningar
      </Button>
    </Form>
  );
}
