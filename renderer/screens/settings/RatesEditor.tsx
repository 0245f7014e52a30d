import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { Button, Form } from 'react-aria-components';
import type { RateYear } from '../../../shared/compensation/rates';
import { useQueryClient } from '@tanstack/react-query';
import { invalidateProcs, useProc } from '../../data/useProc';
import { QueryErrors } from '../../data/QueryErrors';
import { formatKronor, parseKronor } from '../../../shared/money';
import { monthlyAmount } from '../../../shared/compensation/amounts';
import { FormMessage, TextInput } from '../../components/form';
import { useProcForm } from '../../components/useProcForm';
import { NewRateYear } from './NewRateYear';
import { rateFieldOf, rateValues, readRateValues, type RateValues } from './rate-fields';

/** Ersättningsnivåer per år: prisbasbelopp, levels, fee and tax rates. Everything yearly is data here. */
export function RatesEditor() {
  const list = useProc('rates.list', {});
  const rates: RateYear[] = list.data ?? [];
  // The year chosen, else the latest.
  const [chosen, setYear] = useState<number | null>(null);
  const year = chosen ?? rates.at(-1)?.year ?? null;
  const [ok, setOk] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const queryClient = useQueryClient();
  // The list and the new-year warning (rates.status) reload.
  const load = () => invalidateProcs(queryClient, ['rates.']);
  const current = rates.find((r) => r.year === year);
  return (
    <div className="stack">
      <QueryErrors of={[list]} />
      <div className="row">
        {rates.map((r) => (
          <Button
            key={r.year}
            className={`button${r.year === year ? ' primary' : ''}`}
            onPress={() => {
              // A saved message belongs to the year it was saved for.
              setYear(r.year);
              setOk(null);
            }}
          >
            {r.year}
          </Button>
        ))}
        <Button className="button" onPress={() => setAdding(true)} isDisabled={adding}>
          Ny årsnivå
        </Button>
      </div>
      {adding && (
        <NewRateYear
          rates={rates}
          onCancel={() => setAdding(false)}
          onCreated={(y) => {
            setAdding(false);
            setYear(y);
            setOk(`Nivåerna för ${y} är sparade.`);
            void load();
          }}
        />
      )}
      {current?.demo && (
        <p className="warning">
          Nivåerna för {current.year} är demovärden. Spara de fastställda värdena innan ni betalar ut.
        </p>
      )}
      {current && (
        // One form per year: choosing another year starts from that year's saved figures.
        <RateYearForm
          key={current.year}
          rate={current}
          ok={ok}
          onSubmitting={() => setOk(null)}
          onSaved={() => setOk(`Nivåerna för ${current.year} är sparade.`)}
        />
      )}
    </div>
  );
}

/** One year's figures on the shared form hook; what is typed is read onto the year it edits. */
function RateYearForm({
  rate,
  ok,
  onSubmitting,
  onSaved,
}: {
  rate: RateYear;
  ok: string | null;
  onSubmitting: () => void;
  onSaved: () => void;
}) {
  const { control, submit, message, busy } = useProcForm<'rates.save', RateValues>('rates.save', {
    defaultValues: rateValues(rate),
    toInput: (v) => readRateValues(v, rate).input,
    check: (v) => readRateValues(v, rate).problems,
    fieldOf: rateFieldOf,
    invalidMessage: 'Rätta de markerade fälten.',
    // The list and the new-year warning (rates.status) reload; the typed figures stay on screen.
    invalidates: ['rates.'],
    resetOnSuccess: false,
    onSuccess: onSaved,
  });
  const pbbPreview = parseKronor(useWatch({ control, name: 'pbb' }));
  return (
    <Form
      validationBehavior="aria"
      onSubmit={(e) => {
        onSubmitting();
        void submit(e);
      }}
      className="stack"
      aria-label={`Ersättningsnivåer ${rate.year}`}
    >
      <div className="grid3">
        <TextInput control={control} name="pbb" label={`Prisbasbelopp ${rate.year} (kr)`} />
        <TextInput control={control} name="source" label="Källa" />
        <TextInput control={control} name="sideIncome" label="Skatt vid sidoinkomst (%)" />
        <TextInput control={control} name="feeFull" label="Arbetsgivaravgift, full (%)" />
        <TextInput control={control} name="feeReduced" label="Arbetsgivaravgift, nedsatt (%)" />
        <TextInput control={control} name="reducedAge" label="Nedsatt från ålder vid årets början" />
        <TextInput control={control} name="zeroBorn" label="Ingen avgift för födda t.o.m. år" />
        <TextInput control={control} name="threshold" label="Avgiftsfritt under (kr per år)" />
        <TextInput control={control} name="omkMax" label="Skattefri omkostnad högst (% av pbb)" />
      </div>
      <div className="grid2">
        <TextInput control={control} name="arvode" label="Arvodesnivåer (KOD; Benämning; procent)" multiline />
        <TextInput control={control} name="omkostnad" label="Omkostnadsnivåer (KOD; Benämning; procent)" multiline />
      </div>
      {pbbPreview !== null && (
        <p className="muted">
          Exempel: 10 % ger {formatKronor(monthlyAmount(pbbPreview, 1000))} per månad (avrundat till hela kronor).
        </p>
      )}
      <FormMessage>{message}</FormMessage>
      <FormMessage tone="ok">{ok}</FormMessage>
      <Button type="submit" className="button primary" isDisabled={busy}>
        Spara nivåer för {rate.year}
      </Button>
    </Form>
  );
}
