import { useCallback, useEffect, useState } from 'react';
import { Button, FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import type { PayoutBatch } from '../../../shared/ipc/procedures/payouts';
import type { Role } from '../../../shared/roles';
import { call, ApiError } from '../../api';
import { FormMessage } from '../../components/form';
import { MonthPicker } from './MonthPicker';
import { isValidIsoDate, previousMonth } from '../../../shared/dates';
import { useToday } from '../../session/today';
import { BatchView } from './BatchView';

/** Utbetalning: compute the month (with its pay date), attest, export. */
export function PayoutTab({ roles }: { roles: Role[] }) {
  const today = useToday();
  const [month, setMonth] = useState(() => previousMonth(today));
  const [batches, setBatches] = useState<PayoutBatch[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [payDate, setPayDate] = useState('');
  // The pay date field shows the draft's date, or else the default: the unit's day of the following
  // month moved back to a bank day (from the backend).
  // A refused compute keeps what the officer typed (keepDate), so they can correct it.
  const load = useCallback(async (keepDate = false) => {
    try {
      const list = await call('payouts.list', { month });
      setBatches(list);
      if (keepDate) return;
      const draft = list.find((b) => b.status === 'utkast');
      setPayDate(draft ? draft.paymentDate : (await call('payouts.defaultPaymentDate', { month })).paymentDate);
    } catch (e) {
      setMessage((e as Error).message);
    }
  }, [month]);
  useEffect(() => void load(), [load]);
  const hasDraft = batches.some((b) => b.status === 'utkast');
  const dateOk = isValidIsoDate(payDate);
  const compute = async () => {
    setMessage(null);
    setInfo(null);
    if (!dateOk) return setMessage('Ange utbetalningsdagen som ÅÅÅÅ-MM-DD.');
    try {
      await call('payouts.create', { month, paymentDate: payDate });
      await load();
    } catch (e) {
      const text = e instanceof ApiError ? e.message : 'Något gick fel.';
      // "Nothing differs" is information, not an error.
      if (/^Inga ändringar/.test(text)) setInfo(text);
      else setMessage(text);
      await load(true);
    }
  };
  return (
    <>
      <div className="row">
        <MonthPicker value={month} onChange={setMonth} />
        {roles.includes('handlaggare') && (
          <>
            <TextField className="field month" value={payDate} onChange={setPayDate} isInvalid={payDate !== '' && !dateOk} validationBehavior="aria">
              <Label>Utbetalningsdag</Label>
              <Input placeholder="ÅÅÅÅ-MM-DD" />
              <Text slot="description">Förslag: enhetens dag, flyttad till bankdag före.</Text>
              <FieldError>Ange ÅÅÅÅ-MM-DD.</FieldError>
            </TextField>
            <Button className="button primary" onPress={() => void compute()}>{hasDraft ? 'Beräkna om' : 'Beräkna utbetalning'}</Button>
          </>
        )}
      </div>
      <FormMessage>{message}</FormMessage>
      <FormMessage tone="ok">{info}</FormMessage>
      {batches.length === 0 && <p className="muted">Ingen utbetalning för månaden ännu.</p>}
      {batches.map((b) => <BatchView key={b.id} batch={b} roles={roles} onChanged={() => void load()} />)}
    </>
  );
}
