import { useCallback, useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import type { PayoutBatch } from '../../../shared/ipc/procedures/payouts';
import type { Role } from '../../../shared/roles';
import { call, ApiError } from '../../api';
import { FormMessage } from '../../components/form';
import { MonthPicker } from './MonthPicker';
import { previousMonth } from '../../../shared/dates';
import { useToday } from '../../session/today';
import { BatchView } from './BatchView';

/** Utbetalning: compute the month, attest, export. */
export function PayoutTab({ roles }: { roles: Role[] }) {
  const today = useToday();
  const [month, setMonth] = useState(() => previousMonth(today));
  const [batches, setBatches] = useState<PayoutBatch[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const load = useCallback(() => call('payouts.list', { month }).then(setBatches, (e: Error) => setMessage(e.message)), [month]);
  useEffect(() => void load(), [load]);
  const hasDraft = batches.some((b) => b.status === 'utkast');
  const compute = async () => {
    setMessage(null);
    try {
      await call('payouts.create', { month });
      await load();
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : 'Något gick fel.');
    }
  };
  return (
    <>
      <div className="row">
        <MonthPicker value={month} onChange={setMonth} />
        {roles.includes('handlaggare') && <Button className="button primary" onPress={() => void compute()}>{hasDraft ? 'Beräkna om' : 'Beräkna utbetalning'}</Button>}
      </div>
      <FormMessage>{message}</FormMessage>
      {batches.length === 0 && <p className="muted">Ingen utbetalning för månaden ännu.</p>}
      {batches.map((b) => <BatchView key={b.id} batch={b} canAttest={roles.includes('attestant')} onChanged={() => void load()} />)}
    </>
  );
}
