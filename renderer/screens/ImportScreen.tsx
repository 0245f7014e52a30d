import { useState } from 'react';
import { Button, Label, Radio, RadioGroup } from 'react-aria-components';
import { IMPORT_FIELDS, type ImportKind } from '../../shared/ipc/procedures/import';
import type { ProcOutput } from '../../shared/ipc/contract';
import { call, ApiError } from '../api';
import { FormMessage } from '../components/form';

type Preview = ProcOutput<'import.preview'>;

/** Import of contact persons or clients from .xlsx/.csv: column mapping, preview, per-row report, all or nothing. */
export function ImportPanel({ initialKind = 'contact_persons' }: { initialKind?: ImportKind }) {
  const [kind, setKind] = useState<ImportKind>(initialKind);
  const [file, setFile] = useState<{ fileName: string; dataBase64: string } | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [exclude, setExclude] = useState<number[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [ok, setOk] = useState<string | null>(null);

  const run = async (fn: () => Promise<void>) => {
    setMessage(null);
    setOk(null);
    try {
      await fn();
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : 'Något gick fel.');
    }
  };
  const check = (m = mapping, f = file) =>
    f &&
    run(async () => {
      const p = await call('import.preview', { kind, ...f, mapping: m });
      setPreview(p);
      setMapping(p.mapping);
    });
  const pick = (f: File | undefined) => {
    if (!f) return;
    if (f.size > 10_000_000) return setMessage('Filen är för stor (högst 10 MB).');
    const reader = new FileReader();
    reader.onload = () => {
      const picked = { fileName: f.name, dataBase64: String(reader.result).replace(/^data:[^,]*,/, '') };
      setFile(picked);
      setMapping({});
      setExclude([]);
      void check({}, picked);
    };
    reader.readAsDataURL(f);
  };
  const errorRows = preview?.report.filter((r) => r.errors.length).map((r) => r.row) ?? [];
  const blocking = errorRows.filter((r) => !exclude.includes(r));

  return (
    <div className="stack">
      <RadioGroup
        className="field"
        value={kind}
        onChange={(v) => {
          setKind(v as ImportKind);
          setPreview(null);
          setFile(null);
        }}
      >
        <Label>Vad ska importeras?</Label>
        <div className="row">
          <Radio value="contact_persons" className="radio">
            <span className="dot" aria-hidden="true" />
            Kontaktpersoner (som intresseanmälningar)
          </Radio>
          <Radio value="clients" className="radio">
            <span className="dot" aria-hidden="true" />
            Brukare
          </Radio>
        </div>
      </RadioGroup>
      <label className="field">
        <span>Fil (.xlsx eller .csv med rubrikrad)</span>
        <input type="file" accept=".xlsx,.csv" aria-label="Importfil" onChange={(e) => pick(e.target.files?.[0])} />
      </label>
      <FormMessage>{message}</FormMessage>
      {preview && (
        <>
          <h3>Kolumner</h3>
          <table className="table" aria-label="Kolumnmappning">
            <thead>
              <tr>
                <th scope="col">Fält</th>
                <th scope="col">Kolumn i filen</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(IMPORT_FIELDS[kind]).map(([field, label]) => (
                <tr key={field}>
                  <td>{label}</td>
                  <td>
                    <select
                      aria-label={`Kolumn för ${label}`}
                      value={mapping[field] ?? ''}
                      onChange={(e) => {
                        const m = { ...mapping, [field]: e.target.value };
                        setMapping(m);
                        void check(m);
                      }}
                    >
                      <option value="">(ingen)</option>
                      {preview.headers.map((h) => (
                        <option key={h} value={h}>
                          {h}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <strong>{preview.rows}</strong> rader, <strong>{preview.valid}</strong> utan fel.
          </p>
          {preview.report.length > 0 && (
            <table className="table" aria-label="Valideringsrapport">
              <thead>
                <tr>
                  <th scope="col">Rad</th>
                  <th scope="col">Namn</th>
                  <th scope="col">Fel och varningar</th>
                  <th scope="col">Undanta</th>
                </tr>
              </thead>
              <tbody>
                {preview.report.map((r) => (
                  <tr key={r.row}>
                    <td>{r.row}</td>
                    <td>{r.name}</td>
                    <td className="wrap">
                      {r.errors.map((e) => (
                        <div key={e} className="late">
                          {e}
                        </div>
                      ))}
                      {r.warnings.map((w) => (
                        <div key={w} className="soon">
                          {w}
                        </div>
                      ))}
                    </td>
                    <td>
                      {r.errors.length > 0 && (
                        <input
                          type="checkbox"
                          aria-label={`Undanta rad ${r.row}`}
                          checked={exclude.includes(r.row)}
                          onChange={(e) =>
                            setExclude(e.target.checked ? [...exclude, r.row] : exclude.filter((x) => x !== r.row))
                          }
                        />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {blocking.length > 0 && (
            <p className="warning">
              Inget importeras förrän raderna med fel är rättade i filen eller undantagna ({blocking.length} kvar).
            </p>
          )}
          <div className="row">
            <Button className="button" onPress={() => setExclude(errorRows)}>
              Undanta alla rader med fel
            </Button>
            <Button
              className="button primary"
              isDisabled={blocking.length > 0}
              onPress={() =>
                void run(async () => {
                  const r = await call('import.commit', { kind, ...file!, mapping, excludeRows: exclude });
                  setOk(`${r.imported} poster importerades.`);
                  setPreview(null);
                })
              }
            >
              Importera {preview.rows - exclude.length} rader
            </Button>
          </div>
        </>
      )}
      <FormMessage tone="ok">{ok}</FormMessage>
    </div>
  );
}
