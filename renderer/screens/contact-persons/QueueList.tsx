import { ExportButton } from '../../components/ExportButton';
import { useForm, useWatch } from 'react-hook-form';
import { Button } from 'react-aria-components';
import { RadioInput, TextInput } from '../../components/form';
import { useProc } from '../../data/useProc';
import { useDebounced } from '../../data/useDebounced';
import { QueryErrors } from '../../data/QueryErrors';
import { VirtualTable } from '../../components/VirtualTable';

interface Filters {
  area: string;
  interest: string;
  language: string;
  target: 'alla' | 'barn' | 'vuxna';
  sort: 'vantetid' | 'namn' | 'omrade';
}

/** Approved contact persons waiting for an assignment, longest wait first. */
export function QueueList({ onOpen }: { onOpen: (id: number) => void }) {
  const { control } = useForm<Filters>({
    defaultValues: { area: '', interest: '', language: '', target: 'alla', sort: 'vantetid' },
  });
  const [area, interest, language, target, sort] = useWatch({
    control,
    name: ['area', 'interest', 'language', 'target', 'sort'],
  });
  // Typed filters wait for a pause in typing; the radio buttons apply at once.
  const typed = {
    area: useDebounced(area, 200),
    interest: useDebounced(interest, 200),
    language: useDebounced(language, 200),
  };
  const queue = useProc('cp.queue', { ...typed, target, sort }, { keepPrevious: true });
  const rows = queue.data ?? [];

  return (
    <>
      <div className="grid3">
        <TextInput control={control} name="area" label="Område" />
        <TextInput control={control} name="interest" label="Intresse" />
        <TextInput control={control} name="language" label="Språk" />
      </div>
      <div className="row">
        <RadioInput
          control={control}
          name="target"
          label="Uppdrag med"
          options={[
            ['alla', 'Alla'],
            ['barn', 'Barn'],
            ['vuxna', 'Vuxna'],
          ]}
        />
        <RadioInput
          control={control}
          name="sort"
          label="Sortera på"
          options={[
            ['vantetid', 'Väntetid'],
            ['namn', 'Namn'],
            ['omrade', 'Område'],
          ]}
        />
      </div>
      <div className="row">
        <p className="muted">{rows.length} i kön</p>
        <ExportButton input={{ list: 'ko' }} />
      </div>
      <QueryErrors of={[queue]} />
      <VirtualTable
        label="Kö"
        rows={rows}
        rowKey={(r) => r.id}
        header={
          <tr>
            <th scope="col">Namn</th>
            <th scope="col">Personnummer</th>
            <th scope="col">I kön sedan</th>
            <th scope="col">Väntat</th>
            <th scope="col">Område</th>
            <th scope="col">Barn/vuxna</th>
            <th scope="col">Språk</th>
            <th scope="col">Intressen</th>
          </tr>
        }
        row={(r) => (
          <>
            <td>
              <Button className="link" onPress={() => onOpen(r.id)}>
                {r.name}
              </Button>
              {r.speciallyQualified && <span className="badge"> Särskilt kvalificerad</span>}
            </td>
            <td>{r.personnummerMasked}</td>
            <td>{r.queueSince}</td>
            <td>{r.daysWaiting} dagar</td>
            <td>{r.area}</td>
            <td>{[r.prefersChildren && 'Barn', r.prefersAdults && 'Vuxna'].filter(Boolean).join(', ')}</td>
            <td>{r.languages.join(', ')}</td>
            <td>{r.interests.join(', ')}</td>
          </>
        )}
      />
    </>
  );
}
