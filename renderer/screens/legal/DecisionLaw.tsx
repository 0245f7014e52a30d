import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Button, Form } from 'react-aria-components';
import type { DecisionView } from '../../../shared/ipc/procedures/clients';
import { setLawInput } from '../../../shared/ipc/procedures/decisions';
import { call } from '../../api';
import { applyServerError, FormMessage, validateWith } from '../../components/form';
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
  const { control, handleSubmit, setError, setValue } = useForm<LawFormValues>({
    defaultValues: { law: d.law as LawFormValues['law'], paragraph: d.paragraph, personkrets: d.personkrets ?? '' },
  });
  const [message, setMessage] = useState<string | null>(null);
  const [loadedVersion] = useState(d.version);
  useWatch({ control, name: 'law' });
  const submit = handleSubmit(async (v) => {
    const input = validateWith(
      setLawInput,
      {
        id: d.id,
        expectedVersion: loadedVersion,
        law: v.law,
        paragraph: v.paragraph,
        personkrets: v.personkrets || null,
      },
      setError,
    );
    if (!input) return;
    try {
      await call('decisions.setLaw', input);
      onDone();
    } catch (err) {
      setMessage(applyServerError(err, setError));
    }
  });
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
