import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { Button, Form } from 'react-aria-components';
import type { ProcInput } from '../../../shared/ipc/contract';
import { TAX_MODE_LABELS, TAX_MODES, type CpDetail } from '../../../shared/ipc/procedures/cp';
import { CheckboxInput, FormMessage, NumberInput, RadioInput, TextInput } from '../../components/form';
import { useProcForm } from '../../components/useProcForm';

/** Form shape: lists are edited as comma-separated text. */
type FormValues = Omit<CpDetail['values'], 'languages' | 'interests' | 'disabilityKinds'> & {
  languages: string;
  interests: string;
  disabilityKinds: string;
  protectedIdentityReason?: string;
};

const EMPTY: FormValues = {
  personnummer: '',
  firstName: '',
  lastName: '',
  street: '',
  postalCode: '',
  city: '',
  phone: '',
  email: '',
  bankClearing: '',
  bankAccount: '',
  employeeNumber: '',
  taxMode: 'side_income_30',
  taxTable: null,
  taxColumn: null,
  taxPercent: null,
  languages: 'svenska',
  interests: '',
  area: '',
  workplace: '',
  hasCar: false,
  hasPets: false,
  smoker: false,
  prefersChildren: false,
  prefersAdults: false,
  disabilityKinds: '',
  availability: '',
  speciallyQualified: false,
  protectedIdentity: false,
};

const split = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
const join = (a: string[]) => a.join(', ');

/** The form's text lists -> the record's lists. */
const toRecord = (v: FormValues): ProcInput<'cp.create'> => ({
  ...v,
  languages: split(v.languages),
  interests: split(v.interests),
  disabilityKinds: split(v.disabilityKinds),
});

/** Register an interest, or edit a contact person's record. */
export function ContactPersonForm({
  existing,
  onSaved,
  onCancel,
}: {
  existing?: CpDetail;
  onSaved: (id: number, warnings: string[]) => void;
  onCancel: () => void;
}) {
  const initial: FormValues = existing
    ? {
        ...existing.values,
        languages: join(existing.values.languages),
        interests: join(existing.values.interests),
        disabilityKinds: join(existing.values.disabilityKinds),
      }
    : EMPTY;
  // The version this form was opened on: a later reload of `existing` must not hide a colleague's save.
  const [loadedVersion] = useState(existing?.version);
  // A new record is cp.create; an edit is cp.update, whose input nests the record under `values`.
  const { control, submit, message, formState } = useProcForm<'cp.create' | 'cp.update', FormValues>(
    existing ? 'cp.update' : 'cp.create',
    {
      defaultValues: initial,
      toInput: (v) =>
        existing ? { id: existing.id, values: toRecord(v), expectedVersion: loadedVersion } : toRecord(v),
      fieldOf: (path) => path.replace(/^values\./, ''),
      invalidMessage: 'Rätta de markerade fälten.',
      unsavedLabel: existing ? 'Ändra uppgifter' : 'Ny intresseanmälan',
      resetOnSuccess: false,
      onSuccess: (r) => onSaved(r.id, r.warnings),
    },
  );
  const taxMode = useWatch({ control, name: 'taxMode' });
  const protectedIdentity = useWatch({ control, name: 'protectedIdentity' });
  const flagChanged = Boolean(existing) && protectedIdentity !== initial.protectedIdentity;

  return (
    <Form
      validationBehavior="aria"
      onSubmit={submit}
      className="stack"
      aria-label={existing ? 'Ändra uppgifter' : 'Ny intresseanmälan'}
    >
      <div className="panel">
        <h2>Person</h2>
        <div className="grid3">
          <TextInput control={control} name="firstName" label="Förnamn" autoFocus />
          <TextInput control={control} name="lastName" label="Efternamn" />
          <TextInput
            control={control}
            name="personnummer"
            label="Personnummer"
            description="ÅÅÅÅMMDD-NNNN (samordningsnummer går bra)"
          />
          <TextInput control={control} name="phone" label="Telefon" />
          <TextInput control={control} name="email" label="E-post" />
          <TextInput control={control} name="area" label="Område" />
        </div>
        <CheckboxInput
          control={control}
          name="protectedIdentity"
          label="Skyddad identitet (adress och kontaktuppgifter visas inte i listor och utskrifter)"
        />
        {flagChanged && (
          <TextInput control={control} name="protectedIdentityReason" label="Skäl till ändringen (loggas)" />
        )}
        {existing?.addressHidden && (
          <p className="muted">
            Adress, telefon och arbetsplats är dolda. Lämna fälten tomma för att behålla de sparade uppgifterna.
          </p>
        )}
        <div className="grid3">
          <TextInput control={control} name="street" label="Gatuadress" />
          <TextInput control={control} name="postalCode" label="Postnummer" />
          <TextInput control={control} name="city" label="Ort" />
        </div>
        <TextInput
          control={control}
          name="workplace"
          label="Arbetsplats"
          description="Används för att upptäcka jäv vid matchning."
        />
      </div>
      <div className="panel">
        <h2>Intressen och önskemål</h2>
        <div className="grid2">
          <TextInput control={control} name="languages" label="Språk" description="Skilj med kommatecken." />
          <TextInput control={control} name="interests" label="Intressen" description="Skilj med kommatecken." />
          <TextInput
            control={control}
            name="disabilityKinds"
            label="Erfarenhet av funktionsnedsättningar"
            description="Skilj med kommatecken."
          />
          <TextInput control={control} name="availability" label="Tillgänglighet" />
        </div>
        <div className="row">
          <CheckboxInput control={control} name="prefersChildren" label="Kan ta uppdrag med barn" />
          <CheckboxInput control={control} name="prefersAdults" label="Kan ta uppdrag med vuxna" />
          <CheckboxInput control={control} name="hasCar" label="Har bil" />
          <CheckboxInput control={control} name="hasPets" label="Har husdjur" />
          <CheckboxInput control={control} name="smoker" label="Röker" />
          <CheckboxInput control={control} name="speciallyQualified" label="Särskilt kvalificerad" />
        </div>
      </div>
      <div className="panel">
        <h2>Utbetalning och skatt</h2>
        <div className="grid2">
          <TextInput control={control} name="bankClearing" label="Clearingnummer" />
          <TextInput control={control} name="bankAccount" label="Kontonummer" />
          <TextInput
            control={control}
            name="employeeNumber"
            label="Anställningsnummer (lönesystemet)"
            description="Valfritt. Används i PAXml och lönefilen när det finns."
          />
        </div>
        <RadioInput
          control={control}
          name="taxMode"
          label="Skatteavdrag på arvode"
          options={TAX_MODES.map((m) => [m, TAX_MODE_LABELS[m]] as const)}
        />
        {taxMode === 'table' && (
          <div className="grid2">
            <NumberInput control={control} name="taxTable" label="Skattetabell" minValue={29} maxValue={42} />
            <NumberInput control={control} name="taxColumn" label="Kolumn" minValue={1} maxValue={6} />
          </div>
        )}
        {taxMode === 'percentage' && (
          <NumberInput control={control} name="taxPercent" label="Procentsats" minValue={0} maxValue={100} />
        )}
      </div>
      <FormMessage>{message}</FormMessage>
      <div className="row">
        <Button type="submit" className="button primary" isDisabled={formState.isSubmitting}>
          {existing ? 'Spara ändringar' : 'Registrera intresseanmälan'}
        </Button>
        <Button className="button" onPress={onCancel}>
          Avbryt
        </Button>
      </div>
    </Form>
  );
}
