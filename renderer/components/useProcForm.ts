import { useEffect, useEffectEvent, useRef, useState } from 'react';
import {
  useForm,
  type DefaultValues,
  type FieldError,
  type FieldValues,
  type Path,
  type Resolver,
} from 'react-hook-form';
import { toNestErrors } from '@hookform/resolvers';
import type { z } from 'zod';
import { contract, type ProcedureName, type ProcInput, type ProcOutput } from '../../shared/ipc/contract';
import { ApiError } from '../api';
import { useProcMutation } from '../data/useProc';
import { useUnsavedChanges } from '../session/unsaved';

export interface ProcFormOptions<N extends ProcedureName, V extends FieldValues> {
  defaultValues: DefaultValues<V> & V;
  /**
   * Form values -> the procedure's input; `(v) => v` when the form holds exactly the input.
   * null: the values cannot be an input yet (e.g. no choice made for an enum); `check` says why.
   */
  toInput: (values: V) => ProcInput<N> | null;
  /** Input path -> form field name, where they differ (e.g. 'data.goals' -> 'goals'). */
  fieldOf?: (inputPath: string) => string;
  /** Procedure-name prefixes whose cached reads reload after a save. */
  invalidates?: readonly string[];
  onSuccess?: (output: ProcOutput<N>, values: V) => void;
  /** Clear the form after a save (default); false keeps what was saved on screen. */
  resetOnSuccess?: boolean;
  /** A form message to show beside field errors, for long forms (e.g. 'Rätta de markerade fälten.'). */
  invalidMessage?: string;
  /** The name the unsaved-changes guard shows while the form is edited. */
  unsavedLabel?: string;
  /**
   * Form-side rules, field -> Swedish message: fields the input does not have ("repeat the password"),
   * or text the mapping cannot turn into the input ("12 kronor"). Checked with the schema; on the same
   * field this message wins, as it speaks of what was typed.
   */
  check?: (values: V) => Partial<Record<Path<V>, string>>;
  /** After a failed save, e.g. to clear a password field. */
  onFailure?: (err: unknown) => void;
  /**
   * Ask before saving: a valid submit only sets `pending` (the input about to be sent), for a confirm
   * dialog (ConfirmDialog) that calls `confirm()` to save or `cancelConfirm()` to go back to the form.
   * A refusal from main stays in the open dialog; see `confirm`.
   */
  confirmFirst?: boolean;
}

/** Whether a dotted path ("ranges.0.from") names a value inside `obj`. */
function hasPath(obj: unknown, path: string): boolean {
  let at: unknown = obj;
  for (const key of path.split('.')) {
    const own = typeof at === 'object' && at !== null ? Object.getOwnPropertyDescriptor(at, key) : undefined;
    if (!own) return false;
    at = own.value;
  }
  return true;
}

const UNKNOWN_ERROR = 'Något gick fel. Försök igen.';
const UNMAPPABLE: FieldError = { type: 'validation', message: 'Fyll i de uppgifter som saknas.' };

/**
 * One form bound to one procedure: react-hook-form validated by the procedure's own zod input
 * schema (the same Swedish messages main gives), submitted through useProcMutation. A server
 * error that names a field lands on that field (focused); anything else is the form message.
 */
export function useProcForm<N extends ProcedureName, V extends FieldValues>(name: N, options: ProcFormOptions<N, V>) {
  const { toInput, fieldOf } = options;
  const schema: z.ZodType = contract[name].input;
  // The form's fields are those its current values name (rows added to a list included).
  const isField = (values: V, path: string): path is Path<V> => hasPath(values, path);
  const fieldFor = (path: string): string => (fieldOf ? fieldOf(path) : path);

  const resolver: Resolver<V, unknown, V> = async (values, _context, resolverOptions) => {
    const input = toInput(values);
    // Not mappable yet: the schema still checks the raw values, for its messages on the form's fields.
    const parsed = await schema.safeParseAsync(input ?? values);
    const checked = Object.entries(options.check?.(values) ?? {}).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    );
    if (parsed.success && checked.length === 0 && input !== null) return { values, errors: {} };
    const errors: Record<string, FieldError> = {};
    for (const [field, message] of checked) errors[field] = { type: 'validate', message };
    const loose: string[] = [];
    for (const issue of parsed.success ? [] : parsed.error.issues) {
      const field = fieldFor(issue.path.map(String).join('.'));
      if (isField(values, field)) errors[field] ??= { type: issue.code, message: issue.message };
      // Issues about the raw values' shape (when not mappable) are not the user's to read.
      else if (input !== null) loose.push(issue.message);
    }
    // Issues on inputs the form has no field for (e.g. a cross-field rule) become the form message.
    if (input === null && Object.keys(errors).length === 0) errors.root = UNMAPPABLE;
    else if (loose.length > 0) errors.root = { type: 'validation', message: [...new Set(loose)].join(' ') };
    else if (options.invalidMessage) errors.root = { type: 'validation', message: options.invalidMessage };
    return { values: {}, errors: toNestErrors(errors, resolverOptions) };
  };

  const form = useForm<V, unknown, V>({ resolver, defaultValues: options.defaultValues });
  const [serverMessage, setServerMessage] = useState<string | null>(null);
  const mutation = useProcMutation(name, { invalidates: options.invalidates });
  useUnsavedChanges(Boolean(options.unsavedLabel) && form.formState.isDirty, options.unsavedLabel ?? '');

  const showServerError = (err: unknown) => {
    if (!(err instanceof ApiError)) return setServerMessage(UNKNOWN_ERROR);
    let first = true;
    for (const [path, message] of Object.entries(err.error.fields ?? {})) {
      const field = fieldFor(path);
      if (!isField(form.getValues(), field)) continue;
      form.setError(field, { type: 'server', message }, { shouldFocus: first });
      first = false;
    }
    setServerMessage(err.error.message);
  };

  const [pending, setPending] = useState<{ input: ProcInput<N>; values: V } | null>(null);
  // The refusal of the last confirmed save, and the one to show on the form once the dialog is gone.
  const refusal = useRef<unknown>(null);
  const carried = useRef<unknown>(null);

  /** Sends the input; main's refusal is returned, not thrown, so a throwing onSuccess stays a bug. */
  const send = async (input: ProcInput<N>): Promise<{ output: ProcOutput<N> } | { error: unknown }> => {
    try {
      return { output: await mutation.mutateAsync(input) };
    } catch (error) {
      return { error };
    }
  };
  const saved = (output: ProcOutput<N>, values: V) => {
    if (options.resetOnSuccess ?? true) form.reset(options.defaultValues);
    else form.reset(values);
    options.onSuccess?.(output, values);
  };

  const submit = form.handleSubmit(async (values) => {
    setServerMessage(null);
    const input = toInput(values);
    if (input === null) return; // the resolver has refused these values already
    if (options.confirmFirst) return setPending({ input, values });
    const result = await send(input);
    if (!('error' in result)) return saved(result.output, values);
    showServerError(result.error);
    options.onFailure?.(result.error);
  });

  /**
   * Saves the pending input (confirmFirst). A refusal rejects with main's error and the dialog stays
   * open: the officer is looking at the dialog and has just pressed its button, so the reason belongs
   * there (ConfirmDialog shows it), with nothing else changed and "Avbryt" still the way back. Closing
   * the dialog to show the refusal elsewhere would look like the step had been done. Only once the
   * officer goes back to the form are the refused fields marked there (see cancelConfirm).
   */
  const confirm = async () => {
    if (!pending) return;
    refusal.current = null;
    const result = await send(pending.input);
    if ('error' in result) {
      refusal.current = result.error;
      options.onFailure?.(result.error);
      throw result.error;
    }
    setPending(null);
    saved(result.output, pending.values);
  };
  /** Back to the form; after a refusal its field messages land on their fields, the first focused. */
  const cancelConfirm = () => {
    carried.current = refusal.current;
    refusal.current = null;
    setPending(null);
  };
  // Applied after the dialog has gone: focus moved while it is open would be pulled back into it.
  const showCarried = useEffectEvent(() => {
    if (carried.current === null) return;
    showServerError(carried.current);
    carried.current = null;
  });
  useEffect(() => {
    if (pending === null) showCarried();
  }, [pending]);

  const message = serverMessage ?? form.formState.errors.root?.message ?? null;
  return {
    ...form,
    submit,
    message,
    busy: mutation.isPending,
    pending: pending?.input ?? null,
    confirm,
    cancelConfirm,
  };
}

/** A form whose values are exactly the procedure's input. */
export function useProcInputForm<N extends ProcedureName>(
  name: N,
  options: Omit<ProcFormOptions<N, ProcInput<N>>, 'toInput'>,
) {
  return useProcForm<N, ProcInput<N>>(name, { ...options, toInput: (v) => v });
}
