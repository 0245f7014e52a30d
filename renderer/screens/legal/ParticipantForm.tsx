import { Button, Form } from 'react-aria-components';
import type { ProcInput } from '../../../shared/ipc/contract';
import { AGE_GROUP_LABELS, AGE_GROUPS } from '../../../shared/legal/participants';
import { useToday } from '../../session/today';
import { FormMessage, NumberInput, RadioInput, TextInput } from '../../components/form';
import { useProcForm } from '../../components/useProcForm';

type Input = ProcInput<'participants.create'>;
/** The input, with no age group chosen yet until the officer picks one. */
type Values = Omit<Input, 'ageGroup'> & { ageGroup: Input['ageGroup'] | '' };

/**
 * A participant in an insats utan individuell behovsprövning (socialtjänstlagen 2025:400): only what the nämnd
 * has decided to document (a first name or a code, age group, area). No personnummer, no decision to IVO.
 */
export function ParticipantForm({ onSaved, onCancel }: { onSaved: (clientId: number) => void; onCancel: () => void }) {
  const today = useToday();
  const { control, submit, message } = useProcForm<'participants.create', Values>('participants.create', {
    defaultValues: { name: '', ageGroup: '', area: '', startDate: today, meetingsPerPeriod: 2, hoursPerMonth: 8 },
    toInput: ({ ageGroup, ...rest }) => (ageGroup === '' ? null : { ...rest, ageGroup }),
    // The contract's enum says the same; `check` keeps it when no age group is chosen.
    check: (v) => (v.ageGroup === '' ? { ageGroup: 'Välj åldersgrupp.' } : {}),
    resetOnSuccess: false,
    onSuccess: (r) => onSaved(r.clientId),
  });
  return (
    <Form validationBehavior="aria" onSubmit={submit} className="stack" aria-label="Ny deltagare utan behovsprövning">
      <p className="muted">
        Insats utan individuell behovsprövning enligt socialtjänstlagen (2025:400). Registrera bara det nämnden har
        beslutat ska dokumenteras. Deltagaren rapporteras inte till IVO och räknas för sig i statistiken. Ersättningen
        betalas till kontaktpersonen.
      </p>
      <div className="grid3">
        <TextInput control={control} name="name" label="Förnamn eller kod" />
        <TextInput control={control} name="area" label="Område" />
        <TextInput control={control} name="startDate" label="Från" description="ÅÅÅÅ-MM-DD" />
        <NumberInput control={control} name="meetingsPerPeriod" label="Träffar per månad" minValue={1} maxValue={31} />
        <NumberInput control={control} name="hoursPerMonth" label="Timmar per månad" minValue={1} maxValue={200} />
      </div>
      <RadioInput
        control={control}
        name="ageGroup"
        label="Åldersgrupp"
        options={AGE_GROUPS.map((g) => [g, AGE_GROUP_LABELS[g]] as const)}
      />
      <FormMessage>{message}</FormMessage>
      <div className="row">
        <Button type="submit" className="button primary">
          Registrera deltagare
        </Button>
        <Button className="button" onPress={onCancel}>
          Avbryt
        </Button>
      </div>
    </Form>
  );
}
