import { useEffect, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Button, Form } from 'react-aria-components';
import { rateYear, type RateYear } from '../../../shared/compensation/rates';
import { useQueryClient } from '@tanstack/react-query';
import { invalidateProcs, useProc } from '../../data/useProc';
import { QueryErrors } from '../../data/QueryErrors';
import { formatKronor, parseKronor } from '../../../shared/money';
import { monthlyAmount } from '../../../shared/compensation/amounts';
import { call } from '../../api';
import { applyServerError, FormMessage, TextInput, validateWith } from '../../components/form';
import { NewRateYear } from './NewRateYear';
import { numberFieldProblems } from './rate-fields';

interface Values {
  pbb: string;
  source: string;
  arvode: string;
  omkostnad: string;
  feeFull: string;
  feeReduced: string;
  reducedAge: string;
  zeroBorn: string;
  threshold: string;
  sideIncome: string;
  omkMax: string;
}

const pct = (bp: number) => (bp / 100).toLocaleString('sv-SE');
const bpOf = (s: string) => Math.round(Number(s.replace(',', '.').replace('%', '').trim()) * 100);
const levelsText = (l: RateYear['arvodeLevels']) =>
  l.map((x) => `${x.code}; ${x.label}; ${pct(x.percentBp)}`).join('\n');
const parseLevels = (t: string) =>
  t
    .split('\n')
    .map((r) => r.trim())
    .filter(Boolean)
    .map((r) => {
      const [code, label, p] = r.split(';').map((x) => x?.trim() ?? '');
      return { code, label, percentBp: bpOf(p ?? '') };
    });

function toValues(r: RateYear): Values {
  return {
    pbb: String(r.prisbasbeloppOre / 100),
    source: r.source,
    arvode: levelsText(r.arvodeLevels),
    omkostnad: levelsText(r.omkostnadLevels),
    feeFull: pct(r.employerFee.fullBp),
    feeReduced: pct(r.employerFee.reducedBp),
    reducedAge: String(r.employerFee.reducedFromAgeAtStartOfYear),
    zeroBorn: String(r.employerFee.zeroBornUpToYear),
    threshold: String(r.feeThresholdOre / 100),
    sideIncome: pct(r.sideIncomeTaxBp),
    omkMax: pct(r.omkostnadTaxFreeMaxBp),
  };
}

/** Ersättningsnivåer per år: prisbasbelopp, levels, fee and tax rates. Everything yearly is data here. */
export function RatesEditor() {
  const list = useProc('rates.list', {});
  const rates: RateYear[] = list.data ?? [];
  // The year chosen, else the latest.
  const [chosen, setYear] = useState<number | null>(null);
  const year = chosen ?? rates.at(-1)?.year ?? null;
  const [message, setMessage] = useState<string | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const { control, handleSubmit, setError, reset } = useForm<Values>();
  const queryClient = useQueryClient();
  // The list and the new-year warning (rates.status) reload.
  const load = () => invalidateProcs(queryClient, ['rates.']);
  const current = rates.find((r) => r.year === year);
  useEffect(() => {
    if (current) reset(toValues(current));
  }, [current, reset]);

  const submit = handleSubmit(async (v) => {
    if (!current) return;
    setOk(null);
    setMessage(null);
    const problems = numberFieldProblems(v as unknown as Record<string, string>);
    problems.forEach(([field, msg], i) => setError(field as keyof Values, { message: msg }, { shouldFocus: i === 0 }));
    if (problems.length) return setMessage('Rätta de markerade fälten.');
    const pbbOre = parseKronor(v.pbb);
    if (pbbOre === null) return setError('pbb', { message: 'Ange prisbasbeloppet i kronor.' });
    const candidate = {
      ...current,
      prisbasbeloppOre: pbbOre,
      source: v.source,
      arvodeLevels: parseLevels(v.arvode),
      omkostnadLevels: parseLevels(v.omkostnad),
      employerFee: {
        ...current.employerFee,
        fullBp: bpOf(v.feeFull),
        reducedBp: bpOf(v.feeReduced),
        reducedFromAgeAtStartOfYear: Number(v.reducedAge),
        zeroBornUpToYear: Number(v.zeroBorn),
      },
      feeThresholdOre: parseKronor(v.threshold) ?? -1,
      sideIncomeTaxBp: bpOf(v.sideIncome),
      omkostnadTaxFreeMaxBp: bpOf(v.omkMax),
    };
    const input = validateWith(rateYear, candidate, () => {});
    if (!input) return setMessage('Kontrollera värdena: nivåer skrivs "KOD; Benämning; procent", en per rad.');
    try {
      await call('rates.save', input);
      setOk(`Nivåerna för ${input.year} är sparade.`);
      await load();
    } catch (err) {
      setMessage(applyServerError(err, setError));
    }
  });
  const pbbPreview = parseKronor(useWatch({ control, name: 'pbb' }) ?? '');
  return (
    <div className="stack">
      <QueryErrors of={[list]} />
      <div className="row">
        {rates.map((r) => (
          <Button key={r.year} className={`button${r.year === year ? ' primary' : ''}`} onPress={() => setYear(r.year)}>
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
        <Form
          validationBehavior="aria"
          onSubmit={submit}
          className="stack"
          aria-label={`Ersättningsnivåer ${current.year}`}
        >
          <div className="grid3">
            <TextInput control={control} name="pbb" label={`Prisbasbelopp ${current.year} (kr)`} />
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
            <TextInput
              control={control}
              name="omkostnad"
              label="Omkostnadsnivåer (KOD; Benämning; procent)"
              multiline
            />
          </div>
          {pbbPreview !== null && (
            <p className="muted">
              Exempel: 10 % ger {formatKronor(monthlyAmount(pbbPreview, 1000))} per månad (avrundat till hela kronor).
            </p>
          )}
          <FormMessage>{message}</FormMessage>
          <FormMessage tone="ok">{ok}</FormMessage>
          <Button type="submit" className="button primary">
            Spara nivåer för {current.year}
          </Button>
        </Form>
      )}
    </div>
  );
}
