import { useEffect, useState } from 'react';
import { useForm, useWatch, type Control, type UseFormSetValue } from 'react-hook-form';
import { Button, Form } from 'react-aria-components';
import { decisionInput } from '../../../shared/ipc/procedures/clients';
import { useToday } from '../../session/today';
import { call } from '../../api';
import { applyServerError, CheckboxInput, FormMessage, NumberInput, RadioInput, TextInput, validateWith } from '../../components/form';
import { LawFields, type LawFormValues } from '../legal/LawFields';
import type { Law, Personkrets } from '../../../shared/legal/laws';
import { useUnsavedChanges } from '../../session/unsaved';
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

export function DecisionForm({ clientId, onDone, onCancel }: { clientId: number; onDone: () => void; onCancel: () => void }) {
  const today = useToday();
  const [bases, setBases] = useState<string[]>([]);
  const { control, handleSubmit, setError, setValue, formState } = useForm<Values>({
    defaultValues: { legalBasis: '', decisionDate: today, diarienummer: '', validFrom: today, validTo: '', meetingsPerPeriod: 2, period: 'manad', hoursPerMonth: 8, needsSpecialQualification: false, law: '', paragraph: '', personkrets: '' },
  });
  const [message, setMessage] = useState<string | null>(null);
  const legalBasis = useWatch({ control, name: 'legalBasis' });
  const decisionDate = useWatch({ control, name: 'decisionDate' });
  useUnsavedChanges(formState.isDirty, 'Nytt beslut');
  const inline = useInlineForm<HTMLFormElement>(onCancel);
  useEffect(() => {
    void call('settings.get', {}).then((s) => {
      setBases(s.legalBases);
      setValue('legalBasis', s.legalBases[0] ?? '');
    });
  }, [setValue]);
  const submit = handleSubmit(async (v) => {
    const input = validateWith(decisionInput, { ...v, clientId, validTo: v.validTo || null, law: v.law || undefined, paragraph: v.paragraph || undefined, personkrets: v.personkrets || null }, setError);
    if (!input) return;
    try {
      await call('decisions.create', input);
      onDone();
    } catch (err) {
      setMessage(applyServerError(err, setError));
    }
  });
  return (
    <Form ref={inline} validationBehavior="aria" onSubmit={submit} className="stack panel" aria-label="Nytt beslut">
      <h3>Nytt beslut om kontaktperson</h3>
      <RadioInput control={control} name="legalBasis" label="Lagrum" options={bases.map((b) => [b, b] as const)} />
      <LawFields control={control as unknown as Control<LawFormValues>} setValue={setValue as unknown as UseFormSetValue<LawFormValues>} legalBasis={legalBasis} decisionDate={decisionDate} />
      <div className="grid3">
        <TextInput control={control} name="decisionDate" label="Beslutsdatum" description="ÅÅÅÅ-MM-DD" />
        <TextInput control={control} name="validFrom" label="Gäller från" description="ÅÅÅÅ-MM-DD" />
        <TextInput control={control} name="validTo" label="Gäller till" description="Tomt = tills vidare" />
        <TextInput control={control} name="diarienummer" label="Diarienummer" />
        <NumberInput control={control} name="meetingsPerPeriod" label="Antal träffar" minValue={1} maxValue={31} />
        <NumberInput control={control} name="hoursPerMonth" label="Timmar per månad" minValue={1} maxValue={200} />
      </div>
      <RadioInput control={control} name="period" label="Träffar per" options={[['vecka', 'vecka'], ['manad', 'månad']]} />
      <CheckboxInput control={control} name="needsSpecialQualification" label="Kräver särskilt kvalificerad kontaktperson" />
      <FormMessage>{message}</FormMessage>
      <div className="row">
        <Button type="submit" className="button primary">Spara beslut</Button>
        <Button className="button" onPress={onCancel}>Avbryt</Button>
      </div>
    </Form>
  );
}
