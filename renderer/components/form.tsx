import { useEffect, useRef, type ReactNode } from 'react';
import { Controller, type Control, type FieldValues, type Path, type UseFormSetError } from 'react-hook-form';
import {
  Checkbox,
  FieldError,
  Input,
  Label,
  NumberField,
  Radio,
  RadioGroup,
  Text,
  TextArea,
  TextField,
} from 'react-aria-components';
import { ApiError } from '../api';

/** A labelled text field wired to react-hook-form, with the Swedish error under it. */
export function TextInput<T extends FieldValues>(props: {
  control: Control<T, any, any>;
  name: Path<T>;
  label: string;
  type?: 'text' | 'password';
  description?: string;
  autoComplete?: string;
  autoFocus?: boolean;
  multiline?: boolean;
  placeholder?: string;
  /** Extra class beside "field" (e.g. "month" for a narrow date field). */
  className?: string;
  /** The label is read out but not shown, where the column heading already says it (a field in a table). */
  labelHidden?: boolean;
}) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field, fieldState }) => (
        <TextField
          className={props.className ? `field ${props.className}` : 'field'}
          name={field.name}
          value={(field.value as string | undefined) ?? ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          isInvalid={fieldState.invalid}
          type={props.type ?? 'text'}
          autoComplete={props.autoComplete}
          autoFocus={props.autoFocus}
        >
          <Label className={props.labelHidden ? 'sr-only' : undefined}>{props.label}</Label>
          {props.multiline ? (
            <TextArea ref={field.ref} rows={4} placeholder={props.placeholder} />
          ) : (
            <Input ref={field.ref} placeholder={props.placeholder} />
          )}
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
    // The first field with an error takes focus (and scrolls into view).
    Object.entries(err.error.fields ?? {}).forEach(([field, message], i) =>
      setError(field as Path<T>, { message }, { shouldFocus: i === 0 }),
    );
    return err.error.message;
  }
  return 'Något gick fel. Försök igen.';
}

export function FormMessage({ children, tone = 'error' }: { children: ReactNode; tone?: 'error' | 'ok' }) {
  const ref = useRef<HTMLDivElement>(null);
  // A message that appears is brought into view (it may sit below the fold of a long form),
  // unless focus has just moved to the first invalid field, which then stays in view.
  useEffect(() => {
    if (!children || document.activeElement?.getAttribute('aria-invalid') === 'true') return;
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [children]);
  if (!children) return null;
  return (
    <div ref={ref} role={tone === 'error' ? 'alert' : 'status'} className={`form-message ${tone}`}>
      {children}
    </div>
  );
}

/** A labelled whole-number field (sv-SE formatting) wired to react-hook-form. */
export function NumberInput<T extends FieldValues>(props: {
  control: Control<T, any, any>;
  name: Path<T>;
  label: string;
  minValue?: number;
  maxValue?: number;
}) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field, fieldState }) => (
        <NumberField
          className="field"
          name={field.name}
          value={field.value === null ? NaN : (field.value as number)}
          onChange={(v) => field.onChange(Number.isNaN(v) ? null : v)}
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

/** A checkbox bound to a boolean form value. */
export function CheckboxInput<T extends FieldValues>({
  control,
  name,
  label,
}: {
  control: Control<T, any, any>;
  name: Path<T>;
  label: string;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <Checkbox className="checkbox" isSelected={Boolean(field.value)} onChange={field.onChange} name={field.name}>
          <span className="box" aria-hidden="true" />
          {label}
        </Checkbox>
      )}
    />
  );
}

/** Radio buttons for an enum value. */
export function RadioInput<T extends FieldValues>(props: {
  control: Control<T, any, any>;
  name: Path<T>;
  label: string;
  options: ReadonlyArray<readonly [string, string]>;
}) {
  return (
    <Controller
      control={props.control}
      name={props.name}
      render={({ field, fieldState }) => (
        <RadioGroup
          className="field"
          value={field.value as string}
          onChange={field.onChange}
          isInvalid={fieldState.invalid}
        >
          <Label>{props.label}</Label>
          <div className="row">
            {props.options.map(([value, label]) => (
              <Radio key={value} value={value} className="radio">
                <span className="dot" aria-hidden="true" />
                {label}
              </Radio>
            ))}
          </div>
          <FieldError>{fieldState.error?.message}</FieldError>
        </RadioGroup>
      )}
    />
  );
}
