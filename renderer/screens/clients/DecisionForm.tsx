import { useWatch, type Control, type UseFormSetValue } from 'react-hook-form';
import { Button, Form } from 'react-aria-components';
import { useToday } from '../../session/today';
import { CheckboxInput, FormMessage, NumberInput, RadioInput, TextInput } from '../../components/form';
import { useProcForm } from '../../components/useProcForm';
import { useProc } from '../../data/useProc';
import { QueryErrors } from '../../data/QueryErrors';
import { LawFields, type LawFormValues } from '../legal/LawFields';
import type { Law, Personkrets } from '../../../shared/legal/laws';
import { useInlineForm } from '../../components/useInlineForm';

interface Values {
  legalBasis: string;
  decisionDate: string;
  diarienummer: string;
  validFrom: string;
  validTo: string;
  meetingsPerPeriod: number;
  period: 'vecka' | 'manad';
  hoursPerMonth: number;
  needsSpecialQualification: boolean;
  law: Law | '';
  paragraph: string;
  personkrets: Personkrets | '';
}

type Props = { clientId: number; onDone: () => void; onCancel: () => void };

/** Nytt beslut: opens once the unit's legal bases are known (the first is preselected). */
export function DecisionForm(props: Props) {
  const settings = useProc('settings.get', {});
  if (!settings.data) return <QueryErrors of={[settings]} />;
  return <NewDecisionForm {...props} bases={settings.data.legalBases} />;
}

function NewDecisionForm({ clientId, onDone, onCancel, bases }: Props & { bases: string[] }) {
  const today = useToday();
  const defaultValues: Values = {
    legalBasis: bases[0] ?? '',
    decisionDate: today,
    diarienummer: '',
    validFrom: today,
    validTo: '',
    meetingsPerPeriod: 2,
    period: 'manad',
    hoursPerMonth: 8,
    needsSpecialQualification: false,
    law: '',
    paragraph: '',
    personkrets: '',
  };
  const { control, submit, message, setValue } = useProcForm('decisions.create', {
    defaultValues,
    // Empty optional fields mean "none" to the procedure.
    toInput: (v) => ({
      ...v,
      clientId,
      validTo: v.validTo || null,
      law: v.law || undefined,
      paragraph: v.paragraph || undefined,
      personkrets: v.personkrets || null,
    }),
    unsavedLabel: 'Nytt beslut',
    invalidates: ['clients.', 'decisions.', 'dashboard.', 'reports.', 'legal.'],
    onSuccess: onDone,
  });
  const legalBasis = useWatch({ control, name: 'legalBasis' });
  const decisionDate = useWatch({ control, name: 'decisionDate' });
  const inline = useInlineForm<HTMLFormElement>(onCancel);
  return (
    <Form ref={inline} validationBehavior="aria" onSubmit={submit} className="stack panel" aria-label="Nytt beslut">
      <h3>Nytt beslut om kontaktperson</h3>
      <RadioInput control={control} name="legalBasis" label="Lagrum" options={bases.map((b) => [b, b] as const)} />
      <LawFields
        control={control as unknown as Control<LawFormValues>}
        setValue={setValue as unknown as UseFormSetValue<LawFormValues>}
        legalBasis={legalBasis}
        decisionDate={decisionDate}
      />
      <div className="grid3">
        <TextInput control={control} name="decisionDate" label="Beslutsdatum" description="ÅÅÅÅ-MM-DD" />
        <TextInput control={control} name="validFrom" label="Gäller från" description="ÅÅÅÅ-MM-DD" />
        <TextInput control={control} name="validTo" label="Gäller till" description="Tomt = tills vidare" />
        <TextInput control={control} name="diarienummer" label="Diarienummer" />
        <NumberInput control={control} name="meetingsPerPeriod" label="Antal träffar" minValue={1} maxValue={31} />
        <NumberInput control={control} name="hoursPerMonth" label="Timmar per månad" minValue={1} maxValue={200} />
      </div>
      <RadioInput
        control={control}
        name="period"
        label="Träffar per"
        options={[
          ['vecka', 'vecka'],
          ['manad', 'månad'],
        ]}
      />
      <CheckboxInput
        control={control}
        name="needsSpecialQualification"
        label="Kräver särskilt kvalificerad kontaktperson"
      />
      <FormMessage>{message}</FormMessage>
      <div className="row">
        <Button type="submit" className="button primary">
          Spara beslut
        </Button>
        <Button className="button" onPress={onCancel}>
          Avbryt
        </Button>
      </div>
    </Form>
  );
}
