import type { ReactNode } from 'react';
import { Controller, type Control, type FieldValues, type Path, type UseFormSetError } from 'react-hook-form';
import { FieldError, Input, Label, NumberField, Text, TextField } from 'react-aria-components';
import { ApiError } from '../api';

/** A labelled text field wired to react-hook-form, with the Swedish error under it. */
export function TextInput<T extends FieldValues>(props: {
  control: Control<T>;
  name: Path<T>;
  label: string;
  type?: 'text' | 'password';
  description?: string;
  autoComplete?: string;
  autoFocus?: boolean;
}) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field, fieldState }) => (
        <TextField
          className="field"
          name={field.name}
          value={(field.value as string | undefined) ?? ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          isInvalid={fieldState.invalid}
          type={props.type ?? 'text'}
          autoComplete={props.autoComplete}
          autoFocus={props.autoFocus}
        >
          <Label>{props.label}</Label>
          <Input ref={field.ref} />
          {props.description && <Text slot="description">{props.description}</Text>}
          <FieldError>{fieldState.error?.message}</FieldError>
        </TextField>
      )}
    />
  );
}

/** Puts a server error on the form: field errors on their fields, the rest as a form message. */
export function applyServerError<T extends FieldValues>(err: unknown, setError: UseFormSetError<T>): string {
  if (err instanceof ApiError) {
    for (const [field, message] of Object.entries(err.error.fields ?? {})) setError(field as Path<T>, { message });
    return err.error.message;
  }
  return 'Något gick fel. Försök igen.';
}

export function FormMessage({ children, tone = 'error' }: { children: ReactNode; tone?: 'error' | 'ok' }) {
  if (!children) return null;
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={`form-message ${tone}`}>
      {children}
    </div>
  );
}

/** A labelled whole-number field (sv-SE formatting) wired to react-hook-form. */
export function NumberInput<T extends FieldValues>(props: { control: Control<T>; name: Path<T>; label: string; minValue?: number; maxValue?: number }) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field, fieldState }) => (
        <NumberField
          className="field"
          name={field.name}
          value={field.value as number}
          onChange={field.onChange}
          onBlur={field.onBlur}
          isInvalid={fieldState.invalid}
          minValue={props.minValue}
          maxValue={props.maxValue}
          formatOptions={{ maximumFractionDigits: 0 }}
        >
          <Label>{props.label}</Label>
          <Input ref={field.ref} />
          <FieldError>{fieldState.error?.message}</FieldError>
        </NumberField>
      )}
    />
  );
}
