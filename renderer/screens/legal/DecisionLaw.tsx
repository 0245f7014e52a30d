import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { Button, Form } from 'react-aria-components';
import type { DecisionView } from '../../../shared/ipc/procedures/clients';
import { LAWS, PERSONKRETSAR } from '../../../shared/legal/laws';
import { FormMessage } from '../../components/form';
import { useProcForm } from '../../components/useProcForm';
import { LawFields, type LawFormValues } from './LawFields';

/** The decision's law and paragraph; a migrated guess is shown as such until the officer confirms or corrects it. */
export function DecisionLaw({ d, onChanged }: { d: DecisionView; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  return (
    <div>
      <p>
        Lagrum: <strong>{d.legalReference}</strong>
        {d.personkrets && <> · personkrets {d.personkrets}</>}
      </p>
      {d.lawGuessed && (
        <p className="warning">
          Lag och paragraf gissades vid uppdateringen utifrån lagrumstexten och beslutsdatumet. Kontrollera och
          bekräfta.
        </p>
      )}
      {editing || d.lawGuessed ? (
        <SetLawForm
          d={d}
          onDone={() => {
            setEditing(false);
            onChanged();
          }}
        />
      ) : (
        <Button className="button" onPress={() => setEditing(true)}>
          Ändra lagrum
        </Button>
      )}
    </div>
  );
}

function SetLawForm({ d, onDone }: { d: DecisionView; onDone: () => void }) {
  // The version this form was opened on: a later reload must not hide a colleague's save.
  const [loadedVersion] = useState(d.version);
  const { control, submit, message, setValue } = useProcForm<'decisions.setLaw', LawFormValues>('decisions.setLaw', {
    defaultValues: {
      law: LAWS.find((l) => l === d.law) ?? '',
      paragraph: d.paragraph,
      personkrets: d.personkrets ?? '',
    },
    toInput: (v) => {
      const law = LAWS.find((l) => l === v.law);
      const personkrets = PERSONKRETSAR.find((p) => p === v.personkrets) ?? null;
      // No law chosen, or a personkrets that is none of 1-3: the schema names it on the raw values.
      if (!law || (v.personkrets !== '' && !personkrets)) return null;
      return { id: d.id, expectedVersion: loadedVersion, law, paragraph: v.paragraph, personkrets };
    },
    resetOnSuccess: false,
    onSuccess: onDone,
  });
  useWatch({ control, name: 'law' });
  return (
    <Form validationBehavior="aria" onSubmit={submit} className="stack" aria-label="Lagrum för beslutet">
      <LawFields
        control={control}
        setValue={setValue}
        legalBasis={d.legalBasis}
        decisionDate={d.decisionDate}
        keepLaw
      />
      <FormMessage>{message}</FormMessage>
      <Button type="submit" className="button primary">
        {d.lawGuessed ? 'Bekräfta lagrum' : 'Spara lagrum'}
      </Button>
    </Form>
  );
}
