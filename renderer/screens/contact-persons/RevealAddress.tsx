import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { Button, Form } from 'react-aria-components';
import { contract } from '../../../shared/ipc/contract';
import { call } from '../../api';
import { applyServerError, FormMessage, TextInput } from '../../components/form';

type Values = z.input<(typeof contract)['cp.revealAddress']['input']>;
type RevealProcedure = 'cp.revealAddress' | 'clients.revealAddress';

/** Protected identity (contact person or client): the address is shown only after a reason is given; the reason is logged. */
export function RevealAddress({ id, procedure = 'cp.revealAddress' }: { id: number; procedure?: RevealProcedure }) {
  const [open, setOpen] = useState(false);
  const [address, setAddress] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const { control, handleSubmit, setError } = useForm<Values>({
    resolver: zodResolver(contract[procedure].input),
    defaultValues: { id, reason: '' },
  });
  const submit = handleSubmit(async (values) => {
    try {
      const a = await call(procedure, values);
      setAddress(`${a.street}, ${a.postalCode} ${a.city}`);
    } catch (err) {
      setMessage(applyServerError(err, setError));
    }
  });
  if (address) return <span>{address}</span>;
  if (!open) {
    return (
      <span>
        <span className="badge warn">Skyddad identitet</span>{' '}
        <Button className="link" onPress={() => setOpen(true)}>
          Visa adress
        </Button>
      </span>
    );
  }
  return (
    <Form validationBehavior="aria" onSubmit={submit} className="stack">
      <TextInput control={control} name="reason" label="Skäl till att visa adressen (loggas)" />
      <FormMessage>{message}</FormMessage>
      <Button type="submit" className="button">
        Visa adress
      </Button>
    </Form>
  );
}
