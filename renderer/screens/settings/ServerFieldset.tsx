import { useState } from 'react';
import { useController, type Control, type FieldValues, type Path } from 'react-hook-form';
import { TextInput } from '../../components/form';
import { CA_MAX_CHARS, type ServerFields } from '../../../shared/ipc/server-fields';
import { parseWholeNumber } from '../../../shared/numbers';

/** The server's fields as the form holds them (the port is text until it is sent). */
export interface ServerFormValues {
  label: string;
  host: string;
  port: string;
  database: string;
  user: string;
  password: string;
  ca: string;
  pinSha256: string;
}

export const EMPTY_SERVER: ServerFormValues = {
  label: '',
  host: '',
  port: '5432',
  database: 'kontaktregistret',
  user: '',
  password: '',
  ca: '',
  pinSha256: '',
};

/** Form values -> the contract's server fields (a port that is not a whole number is refused by the schema, on its field). */
export function toServerFields(v: ServerFormValues): ServerFields {
  return { ...v, port: parseWholeNumber(v.port) ?? Number.NaN };
}

/**
 * Input path -> form field, for a procedure whose server fields sit under `prefix` in its input
 * ('dataSource' at first start; '' when the input is the server's fields themselves): they go to the
 * form's `server.` group, any other field keeps its path.
 */
export const serverFieldOf =
  (prefix: 'dataSource' | '') =>
  (inputPath: string): string =>
    prefix === ''
      ? `server.${inputPath}`
      : inputPath.startsWith(`${prefix}.`)
        ? `server.${inputPath.slice(prefix.length + 1)}`
        : inputPath;

/**
 * A shared PostgreSQL server's address, account and TLS trust. The certificate (PEM) is pasted or read
 * from a file; the renderer only reads the file's text, main checks it.
 */
export function ServerFieldset<T extends FieldValues & { server: ServerFormValues }>({
  control,
  keepsTls = false,
}: {
  control: Control<T, unknown, T>;
  /** Changing the credentials: an empty certificate or fingerprint keeps the current one. */
  keepsTls?: boolean;
}) {
  const name = (k: keyof ServerFormValues) => `server.${k}` as Path<T>;
  const ca = useController({ control, name: name('ca') });
  const [fileError, setFileError] = useState<string | null>(null);
  const pickCa = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > CA_MAX_CHARS) return setFileError('Filen är för stor för ett certifikat.');
    setFileError(null);
    ca.field.onChange(await file.text());
  };
  return (
    <fieldset className="stack">
      <legend>Databasserver</legend>
      <TextInput control={control} name={name('host')} label="Serverns adress" description="Namn eller IP-adress." />
      <TextInput control={control} name={name('port')} label="Port" />
      <TextInput control={control} name={name('database')} label="Databas" />
      <TextInput control={control} name={name('user')} label="Databaskonto" autoComplete="off" />
      <TextInput
        control={control}
        name={name('password')}
        label="Databaskontots lösenord"
        type="password"
        autoComplete="new-password"
      />
      <TextInput
        control={control}
        name={name('ca')}
        label="Serverns certifikat (PEM)"
        multiline
        description={
          keepsTls
            ? 'Tomt: det nuvarande certifikatet behålls.'
            : 'Anslutningen är alltid krypterad (TLS). Klistra in certifikatet från IT, eller välj filen. Tomt: datorns betrodda certifikat används.'
        }
      />
      <input
        type="file"
        accept=".pem,.crt,.cer"
        aria-label="Välj certifikatfil"
        onChange={(e) => void pickCa(e.target.files?.[0])}
      />
      {fileError && (
        <p role="alert" className="form-message error">
          {fileError}
        </p>
      )}
      <TextInput
        control={control}
        name={name('pinSha256')}
        label="Certifikatets fingeravtryck, SHA-256 (valfritt)"
        description={
          keepsTls
            ? 'Tomt: det nuvarande fingeravtrycket (om något) behålls.'
            : 'Om IT har gett ett fingeravtryck godtas bara det certifikatet.'
        }
      />
      <TextInput
        control={control}
        name={name('label')}
        label="Namn på servern (valfritt)"
        description="Visas vid inloggningen, t.ex. ”Kommunens databasserver”."
      />
    </fieldset>
  );
}
