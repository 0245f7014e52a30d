import { useState } from 'react';
import { Button, Form } from 'react-aria-components';
import { FormMessage, TextInput } from '../../components/form';
import { useProcInputForm } from '../../components/useProcForm';
type RevealProcedure = 'cp.revealAddress' | 'clients.revealAddress';

/** Protected identity (contact person or client): the address is shown only after a reason is given; the reason is logged. */
export function RevealAddress({ id, procedure = 'cp.revealAddress' }: { id: number; procedure?: RevealProcedure }) {
  const [open, setOpen] = useState(false);
  const [address, setAddress] = useState<string | null>(null);
  const { control, submit, message } = useProcInputForm(procedure, {
    defaultValues: { id, reason: '' },
    resetOnSuccess: false,
    onSuccess: (a) => setAddress(`${a.street}, ${a.postalCode} ${a.city}`),
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
