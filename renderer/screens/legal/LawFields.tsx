import { useEffect, useState } from 'react';
import type { Control, UseFormSetValue } from 'react-hook-form';
import { useWatch } from 'react-hook-form';
import { RadioInput } from '../../components/form';
import { guessLaw, LAW_LABELS, LAWS, PERSONKRETS_HELP, PERSONKRETSAR, type Law } from '../../../shared/legal/laws';
import { isValidIsoDate } from '../../../shared/dates';
import { useProc } from '../../data/useProc';

export interface LawFormValues {
  law: Law | '';
  paragraph: string;
  personkrets: string;
}

/**
 * Law, paragraph and (for LSS) personkrets of a decision. The law follows the insats label and the decision
 * date (SoL 2025:400 from 2025-07-01) until the officer picks one; paragraphs come from the unit's list.
 */
export function LawFields({
  control,
  setValue,
  legalBasis,
  decisionDate,
  keepLaw = false,
}: {
  control: Control<LawFormValues>;
  setValue: UseFormSetValue<LawFormValues>;
  legalBasis: string;
  decisionDate: string;
  keepLaw?: boolean;
}) {
  const settings = useProc('legal.settings', {}).data ?? null;
  const [touched, setTouched] = useState(keepLaw);
  const [lawChanged, setLawChanged] = useState(!keepLaw);
  const law = useWatch({ control, name: 'law' });
  useEffect(() => {
    if (!touched && isValidIsoDate(decisionDate)) setValue('law', guessLaw(legalBasis, decisionDate));
  }, [legalBasis, decisionDate, touched, setValue]);
  const [shownLaw, setShownLaw] = useState(law);
  if (shownLaw !== law) {
    setShownLaw(law);
    setLawChanged(true);
  }
  useEffect(() => {
    // A new law: its list's first paragraph, and no personkrets outside LSS. The stored values stay until then.
    if (!lawChanged) return;
    if (settings && law) setValue('paragraph', settings.lawParagraphs[law][0] ?? '');
    if (law && law !== 'LSS 1993:387') setValue('personkrets', '');
  }, [law, settings, setValue, lawChanged]);
  return (
    // Once the officer changes a law field (a change event from an input inside), the guess from
    // the legal basis and date stops; focus alone (the form focuses its first field) is no change.
    <div className="stack" onChange={() => setTouched(true)}>
      <RadioInput control={control} name="law" label="Lag" options={LAWS.map((l) => [l, LAW_LABELS[l]] as const)} />
      {settings && law && (
        <RadioInput
          control={control}
          name="paragraph"
          label="Paragraf"
          options={settings.lawParagraphs[law].map((p) => [p, p] as const)}
        />
      )}
      {law === 'LSS 1993:387' && (
        <>
          <RadioInput
            control={control}
            name="personkrets"
            label="Personkrets (1 § LSS)"
            options={PERSONKRETSAR.map((k) => [k, `Personkrets ${k}`] as const)}
          />
          <ul className="muted" aria-label="Om personkretsarna">
            {PERSONKRETSAR.map((k) => (
              <li key={k}>{PERSONKRETS_HELP[k]}</li>
            ))}
          </ul>
          <p className="muted">
            Personkretsen krävs för insatsen kontaktperson enligt 9 § 4 LSS och rapporteras till Socialstyrelsens
            LSS-register.
          </p>
        </>
      )}
    </div>
  );
}
