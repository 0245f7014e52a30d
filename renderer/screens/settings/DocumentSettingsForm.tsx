import { useState } from 'react';
import { useWatch } from 'react-hook-form';
import { Button, Form } from 'react-aria-components';
import type { DocumentSettings } from '../../../shared/ipc/procedures/documents';
import { MERGE_FIELDS } from '../../../shared/documents/merge';
import { FormMessage, NumberInput, TextInput } from '../../components/form';
import { useProcForm } from '../../components/useProcForm';
import { useProc } from '../../data/useProc';
import { QueryErrors } from '../../data/QueryErrors';

type Values = Omit<DocumentSettings, 'agreementTemplate'> & { template: string };

/** "## Rubrik" starts a paragraph; the lines under it are its text. */
const toText = (p: DocumentSettings['agreementTemplate']) => p.map((x) => `## ${x.heading}\n${x.text}`).join('\n\n');
const fromText = (t: string) =>
  t
    .split(/^## /m)
    .map((b) => b.trim())
    .filter(Boolean)
    .map((b) => {
      const [heading, ...rest] = b.split('\n');
      return { heading: (heading ?? '').trim(), text: rest.join('\n').trim() };
    });

/** Dokument: unit address and phone, insurance text, follow-up intervals and the agreement template. */
export function DocumentSettingsForm() {
  const settings = useProc('documents.getSettings', {});
  if (!settings.data) return <QueryErrors of={[settings]} />;
  return <DocumentSettingsEditor initial={settings.data} />;
}

function DocumentSettingsEditor({ initial: { agreementTemplate, ...rest } }: { initial: DocumentSettings }) {
  const [pickMessage, setMessage] = useState<string | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const defaultValues: Values = { ...rest, template: toText(agreementTemplate) };
  const f = useProcForm('documents.saveSettings', {
    defaultValues,
    // The template is edited as text; its paragraphs' errors are shown on that text.
    toInput: ({ template, ...values }) => ({ ...values, agreementTemplate: fromText(template) }),
    fieldOf: (path) => (path.startsWith('agreementTemplate') ? 'template' : path),
    resetOnSuccess: false,
    invalidMessage: 'Rätta de markerade fälten.',
    invalidates: ['documents.'],
    onSuccess: () => setOk('Dokumentinställningarna är sparade.'),
  });
  const control = f.control;
  const message = pickMessage ?? f.message;
  // The logo is a form value (a data URL), chosen with a file picker.
  const logo = useWatch({ control, name: 'logoDataUrl' });
  const setLogo = (url: string) => f.setValue('logoDataUrl', url, { shouldDirty: true });
  const pickLogo = (file: File | undefined) => {
    if (!file) return;
    if (!['image/png', 'image/jpeg'].includes(file.type))
      return setMessage('Logotypen ska vara en PNG- eller JPEG-bild.');
    if (file.size > 200_000) return setMessage('Logotypen får vara högst 200 kB.');
    const reader = new FileReader();
    reader.onload = () => setLogo(String(reader.result));
    reader.readAsDataURL(file);
  };
  const submit = (e: React.FormEvent<HTMLFormElement>) => {
    setOk(null);
    setMessage(null);
    return f.submit(e);
  };
  return (
    <Form validationBehavior="aria" onSubmit={submit} className="stack" aria-label="Dokumentinställningar">
      <div className="grid3">
        <TextInput control={control} name="municipality" label="Kommunens namn (brevhuvud)" />
        <TextInput control={control} name="unitAddress" label="Enhetens adress" />
        <TextInput control={control} name="unitPhone" label="Enhetens telefon" />
        <TextInput control={control} name="insuranceNote" label="Försäkring (text i avtalet)" />
        <NumberInput
          control={control}
          name="followUpChildMonths"
          label="Uppföljning, barn (månader)"
          minValue={1}
          maxValue={24}
        />
        <NumberInput
          control={control}
          name="followUpAdultMonths"
          label="Uppföljning, vuxna (månader)"
          minValue={1}
          maxValue={36}
        />
      </div>
      <div className="row">
        {logo && <img src={logo} alt="Logotyp" className="logo-preview" />}
        <label className="field">
          <span>Logotyp för utskrifter (PNG eller JPEG, högst 200 kB)</span>
          <input type="file" accept="image/png,image/jpeg" onChange={(e) => pickLogo(e.target.files?.[0])} />
        </label>
        {logo && (
          <Button className="link" onPress={() => setLogo('')}>
            Ta bort logotypen
          </Button>
        )}
      </div>
      <TextInput
        control={control}
        name="template"
        label="Avtalsmall"
        multiline
        description={`"## Rubrik" inleder ett stycke. Kopplingsfält: ${Object.keys(MERGE_FIELDS)
          .map((f) => `{{${f}}}`)
          .join(' ')}`}
      />
      <FormMessage>{message}</FormMessage>
      <FormMessage tone="ok">{ok}</FormMessage>
      <Button type="submit" className="button primary">
        Spara dokumentinställningar
      </Button>
    </Form>
  );
}
