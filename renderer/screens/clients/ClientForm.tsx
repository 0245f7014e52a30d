import { useState } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import { Button, Form } from 'react-aria-components';
import type { ProcInput } from '../../../shared/ipc/contract';
import { CONNECTION_ROLE_LABELS, CONNECTION_ROLES, type ClientDetail } from '../../../shared/ipc/procedures/clients';
import { CheckboxInput, FormMessage, NumberInput, RadioInput, TextInput } from '../../components/form';
import { useProcForm } from '../../components/useProcForm';

type FormValues = Omit<ClientDetail['values'], 'languages' | 'interests'> & {
  languages: string;
  interests: string;
  protectedIdentityReason?: string;
};
const split = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

/** The form's text lists -> the record's lists. */
const toRecord = (v: FormValues): ProcInput<'clients.create'> => ({
  ...v,
  languages: split(v.languages),
  interests: split(v.interests),
});

const EMPTY: FormValues = {
  personnummer: '',
  firstName: '',
  lastName: '',
  street: '',
  postalCode: '',
  city: '',
  phone: '',
  area: '',
  workplace: '',
  residence: '',
  languages: 'svenska',
  interests: '',
  wishes: '',
  preferredGender: '',
  preferredAgeMin: null,
  preferredAgeMax: null,
  protectedIdentity: false,
  connections: [],
};

/** Register or edit a client (brukare), with guardians, god man, förvaltare and staff as contacts. */
export function ClientForm({
  existing,
  onSaved,
  onCancel,
}: {
  existing?: ClientDetail;
  onSaved: (id: number) => void;
  onCancel: () => void;
}) {
  const initial = existing
    ? {
        ...existing.values,
        languages: existing.values.languages.join(', '),
        interests: existing.values.interests.join(', '),
      }
    : EMPTY;
  // The version this form was opened on: a later reload of `existing` must not hide a colleague's save.
  const [loadedVersion] = useState(existing?.version);
  // A new client is clients.create; an edit is clients.update, whose input nests the record under `values`.
  const { control, submit, message, formState } = useProcForm<'clients.create' | 'clients.update', FormValues>(
    existing ? 'clients.update' : 'clients.create',
    {
      defaultValues: initial,
      toInput: (v) =>
        existing ? { id: existing.id, values: toRecord(v), expectedVersion: loadedVersion } : toRecord(v),
      fieldOf: (path) => path.replace(/^values\./, ''),
      invalidMessage: 'Rätta de markerade fälten.',
      unsavedLabel: existing ? 'Ändra brukare' : 'Ny brukare',
      resetOnSuccess: false,
      onSuccess: (r) => onSaved(r.id),
    },
  );
  const protectedIdentity = useWatch({ control, name: 'protectedIdentity' });
  const flagChanged = Boolean(existing) && protectedIdentity !== initial.protectedIdentity;
  const connections = useFieldArray({ control, name: 'connections' });

  return (
    <Form
      validationBehavior="aria"
      onSubmit={submit}
      className="stack"
      aria-label={existing ? 'Ändra brukare' : 'Ny brukare'}
    >
      <div className="panel">
        <h2>Brukare</h2>
        <div className="grid3">
          <TextInput control={control} name="firstName" label="Förnamn" autoFocus />
          <TextInput control={control} name="lastName" label="Efternamn" />
          <TextInput control={control} name="personnummer" label="Personnummer" description="ÅÅÅÅMMDD-NNNN" />
          <TextInput control={control} name="phone" label="Telefon" />
          <TextInput control={control} name="area" label="Område" />
          <TextInput control={control} name="workplace" label="Skola, arbete eller daglig verksamhet" />
        </div>
        <CheckboxInput
          control={control}
          name="protectedIdentity"
          label="Skyddad identitet (adress och kontaktuppgifter visas inte)"
        />
        {flagChanged && (
          <TextInput control={control} name="protectedIdentityReason" label="Skäl till ändringen (loggas)" />
        )}
        <div className="grid3">
          <TextInput control={control} name="street" label="Gatuadress" />
          <TextInput control={control} name="postalCode" label="Postnummer" />
          <TextInput control={control} name="city" label="Ort" />
        </div>
        <TextInput
          control={control}
          name="residence"
          label="Boende (t.ex. gruppbostad)"
          description="Används för att upptäcka jäv."
        />
      </div>
      <div className="panel">
        <h2>Önskemål</h2>
        <div className="grid2">
          <TextInput control={control} name="languages" label="Språk" description="Skilj med kommatecken." />
          <TextInput control={control} name="interests" label="Intressen" description="Skilj med kommatecken." />
        </div>
        <TextInput control={control} name="wishes" label="Önskemål om kontaktperson" multiline />
        <RadioInput
          control={control}
          name="preferredGender"
          label="Önskat kön på kontaktpersonen"
          options={[
            ['', 'Inget önskemål'],
            ['kvinna', 'Kvinna'],
            ['man', 'Man'],
          ]}
        />
        <div className="grid2">
          <NumberInput control={control} name="preferredAgeMin" label="Önskad ålder från" minValue={15} maxValue={99} />
          <NumberInput control={control} name="preferredAgeMax" label="Önskad ålder till" minValue={15} maxValue={99} />
        </div>
      </div>
      <div className="panel">
        <h2>Företrädare och kontakter</h2>
        {connections.fields.map((f, i) => (
          <div key={f.id} className="stack connection">
            <RadioInput
              control={control}
              name={`connections.${i}.role`}
              label="Roll"
              options={CONNECTION_ROLES.map((r) => [r, CONNECTION_ROLE_LABELS[r]] as const)}
            />
            <div className="grid3">
              <TextInput control={control} name={`connections.${i}.name`} label="Namn" />
              <TextInput control={control} name={`connections.${i}.personnummer`} label="Personnummer (frivilligt)" />
              <TextInput control={control} name={`connections.${i}.phone`} label="Telefon" />
            </div>
            <Button className="link" onPress={() => connections.remove(i)}>
              Ta bort kontakten
            </Button>
          </div>
        ))}
        <Button
          className="button"
          onPress={() =>
            connections.append({ role: 'vardnadshavare', name: '', personnummer: '', phone: '', email: '' })
          }
        >
          Lägg till kontakt
        </Button>
      </div>
      <FormMessage>{message}</FormMessage>
      <div className="row">
        <Button type="submit" className="button primary" isDisabled={formState.isSubmitting}>
          {existing ? 'Spara ändringar' : 'Registrera brukare'}
        </Button>
        <Button className="button" onPress={onCancel}>
          Avbryt
        </Button>
      </div>
    </Form>
  );
}
