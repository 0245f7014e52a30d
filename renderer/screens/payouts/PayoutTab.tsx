import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import type { Role } from '../../../shared/roles';
import { call, ApiError } from '../../api';
import { FormMessage } from '../../components/form';
import { invalidateProcs, useProc } from '../../data/useProc';
import { QueryErrors } from '../../data/QueryErrors';
import { MonthPicker } from './MonthPicker';
import { isValidIsoDate, previousMonth } from '../../../shared/dates';
import { useToday } from '../../session/today';
import { BatchView } from './BatchView';

/** Utbetalning: compute the month (with its pay date), attest, export. */
export function PayoutTab({ roles }: { roles: Role[] }) {
  const today = useToday();
  const [month, setMonth] = useState(() => previousMonth(today));
  const queryClient = useQueryClient();
  const list = useProc('payouts.list', { month });
  const defaultDate = useProc('payouts.defaultPaymentDate', { month });
  const batches = list.data ?? [];
  const [message, setMessage] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  // The pay date field shows what the officer typed for this month, else the draft's date, else the
  // default: the unit's day of the following month moved back to a bank day (from the backend).
  // A refused compute keeps what was typed, so they can correct it; a new month starts afresh.
  const [typed, setTyped] = useState<{ month: string; value: string } | null>(null);
  const draft = batches.find((b) => b.status === 'utkast');
  const payDate = typed?.month === month ? typed.value : (draft?.paymentDate ?? defaultDate.data?.paymentDate ?? '');
  const setPayDate = (value: string) => setTyped({ month, value });
  const load = () => invalidateProcs(queryClient, ['payouts.']);
  const hasDraft = draft !== undefined;
  const dateOk = isValidIsoDate(payDate);
  const compute = async () => {
    setMessage(null);
    setInfo(null);
    if (!dateOk) return setMessage('Ange utbetalningsdagen som ÅÅÅÅ-MM-DD.');
    try {
      await call('payouts.create', { month, paymentDate: payDate });
      setTyped(null);
      await load();
    } catch (e) {
      const text = e instanceof ApiError ? e.message : 'Något gick fel.';
      // "Nothing differs" is information, not an error.
      if (/^Inga ändringar/.test(text)) setInfo(text);
      else setMessage(text);
      await load();
    }
  };
  return (
    <>
      <div className="row">
        <MonthPicker value={month} onChange={setMonth} />
        {roles.includes('handlaggare') && (
          <>
            <TextField
              className="field month"
              value={payDate}
              onChange={setPayDate}
              isInvalid={payDate !== '' && !dateOk}
              validationBehavior="aria"
            >
              <Label>Utbetalningsdag</Label>
              <Input placeholder="ÅÅÅÅ-MM-DD" />
              <Text slot="description">Förslag: enhetens dag, flyttad till bankdag före.</Text>
              <FieldError>Ange ÅÅÅÅ-MM-DD.</FieldError>
            </TextField>
            <Button className="button primary" onPress={() => void compute()}>
              {hasDraft ? 'Beräkna om' : 'Beräkna utbetalning'}
            </Button>
          </>
        )}
      </div>
      <QueryErrors of={[list, defaultDate]} />
      <FormMessage>{message}</FormMessage>
      <FormMessage tone="ok">{info}</FormMessage>
      {batches.length === 0 && <p className="muted">Ingen utbetalning för månaden ännu.</p>}
      {batches.map((b) => (
        <BatchView key={b.id} batch={b} roles={roles} onChanged={() => void load()} />
      ))}
    </>
  );
}
