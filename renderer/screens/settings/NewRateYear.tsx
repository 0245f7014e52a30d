import { useWatch } from 'react-hook-form';
import { Button, Form } from 'react-aria-components';
import type { RateYear } from '../../../shared/compensation/rates';
import { compareMonthlyAmounts, copyRateYear } from '../../../shared/compensation/new-year';
import { formatKronor, formatPercentBp, parseKronor } from '../../../shared/money';
import { FormMessage, TextInput } from '../../components/form';
import { useProcForm } from '../../components/useProcForm';

interface Values {
  year: string;
  pbb: string;
  source: string;
}

const pct = (bp: number) => `${formatPercentBp(bp)} %`;

/**
 * "Ny årsnivå": the latest year's levels, fee rules and thresholds copied into the new year with the
 * prisbasbelopp the government set. Every monthly amount is shown beside last year's before saving.
 */
export function NewRateYear({
  rates,
  onCreated,
  onCancel,
}: {
  rates: RateYear[];
  onCreated: (year: number) => void;
  onCancel: () => void;
}) {
  const latest = rates.at(-1);
  const { control, submit, message } = useProcForm<'rates.createYear', Values>('rates.createYear', {
    defaultValues: { year: String((latest?.year ?? 2026) + 1), pbb: '', source: '' },
    // Kronor text that is no amount maps to NaN, which the schema refuses; `check` names the problem.
    toInput: (v) => ({ year: Number(v.year), prisbasbeloppOre: parseKronor(v.pbb) ?? Number.NaN, source: v.source }),
    fieldOf: (path) => (path === 'prisbasbeloppOre' ? 'pbb' : path),
    check: (v) => (parseKronor(v.pbb) === null ? { pbb: 'Ange prisbasbeloppet i kronor, t.ex. 60 000.' } : {}),
    resetOnSuccess: false,
    onSuccess: (_ok, v) => onCreated(Number(v.year)),
  });
  const year = Number(useWatch({ control, name: 'year' }));
  const pbbOre = parseKronor(useWatch({ control, name: 'pbb' }) ?? '');
  const from = [...rates].reverse().find((r) => r.year < year);
  const preview =
    from && pbbOre !== null && pbbOre > 0 ? compareMonthlyAmounts(from, copyRateYear(from, year, pbbOre, '')) : null;

  return (
    <Form validationBehavior="aria" onSubmit={submit} className="stack panel" aria-label="Ny årsnivå">
      <h3>Ny årsnivå</h3>
      <p className="muted">
        Nivåer, avgiftsregler och gränser kopieras från {from ? from.year : 'föregående år'}. Ange det nya
        prisbasbeloppet och förordningen som fastställer det.
      </p>
      <div className="grid3">
        <TextInput control={control} name="year" label="År" />
        <TextInput control={control} name="pbb" label="Prisbasbelopp (kr)" autoFocus />
        <TextInput
          control={control}
          name="source"
          label="Källa"
          description="T.ex. SFS-numret för förordningen om prisbasbelopp."
        />
      </div>
      {preview && from && (
        <table className="table" aria-label="Månadsbelopp före och efter">
          <thead>
            <tr>
              <th scope="col">Nivå</th>
              <th scope="col">Procent</th>
              <th scope="col" className="num">
                {from.year}
              </th>
              <th scope="col" className="num">
                {year}
              </th>
              <th scope="col" className="num">
                Skillnad
              </th>
            </tr>
          </thead>
          <tbody>
            {preview.map((r) => (
              <tr key={`${r.kind}-${r.code}`}>
                <td>
                  {r.kind === 'arvode' ? 'Arvode' : 'Omkostnad'}: {r.label}
                </td>
                <td>{pct(r.percentBp)}</td>
                <td className="num">{r.beforeOre === null ? '–' : formatKronor(r.beforeOre)}</td>
                <td className="num">{formatKronor(r.afterOre)}</td>
                <td className="num">{r.beforeOre === null ? '–' : formatKronor(r.afterOre - r.beforeOre)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FormMessage>{message}</FormMessage>
      <div className="row">
        <Button type="submit" className="button primary">
          Spara {Number.isInteger(year) ? year : ''}
        </Button>
        <Button className="button" onPress={onCancel}>
          Avbryt
        </Button>
      </div>
    </Form>
  );
}
