import { useState } from 'react';
import { FieldError, Input, Label, TextField } from 'react-aria-components';

/** A month (ÅÅÅÅ-MM) or a year (ÅÅÅÅ): the value changes only when valid, and invalid text says so. */
export function PeriodField({
  value,
  onChange,
  label,
  pattern,
  hint,
}: {
  value: string;
  onChange: (v: string) => void;
  label: string;
  pattern: RegExp;
  hint: string;
}) {
  const [text, setText] = useState(value);
  const invalid = !pattern.test(text);
  return (
    <TextField
      className="field month"
      value={text}
      isInvalid={invalid}
      validationBehavior="aria"
      onChange={(v) => {
        setText(v);
        if (pattern.test(v)) onChange(v);
      }}
    >
      <Label>{label}</Label>
      <Input placeholder={hint} />
      <FieldError>{`Ange ${hint}.`}</FieldError>
    </TextField>
  );
}

export function MonthPicker({
  value,
  onChange,
  label = 'Månad',
}: {
  value: string;
  onChange: (m: string) => void;
  label?: string;
}) {
  return (
    <PeriodField value={value} onChange={onChange} label={label} pattern={/^\d{4}-(0[1-9]|1[0-2])$/} hint="ÅÅÅÅ-MM" />
  );
}
