import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, Heading, Input, Label, Modal, TextField } from 'react-aria-components';
import type { z } from 'zod';
import type { documentRef } from '../../../shared/ipc/procedures/documents';
import { call, ApiError } from '../../api';
import { FormMessage } from '../../components/form';
import { useBusy } from '../../components/useBusy';
import { invalidateProcs } from '../../data/useProc';

type Ref = z.input<typeof documentRef>;

/** The document's body for the in-app preview (our own escaped template output, no scripts). */
function bodyOf(html: string): string {
  return html.replace(/^[\s\S]*<body>/, '').replace(/<\/body>[\s\S]*$/, '');
}

/** Förhandsgranska, Skapa PDF (kept in the archive), Skriv ut; optional reason to print a protected address. */
export function DocumentActions({
  docRef,
  protectedParty,
  onCreated,
}: {
  docRef: Ref;
  protectedParty?: boolean;
  onCreated?: () => void;
}) {
  const queryClient = useQueryClient();
  const [preview, setPreview] = useState<{ title: string; html: string } | null>(null);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [ok, setOk] = useState<string | null>(null);
  const ref = { ...docRef, revealReason: reason };
  const [busy, runBusy] = useBusy();
  const [working, setWorking] = useState<string | null>(null);
  // One action at a time: the buttons are disabled while it runs, and a double-click sends one request.
  const run = (fn: () => Promise<void>, label = 'Arbetar…') =>
    runBusy(async () => {
      setMessage(null);
      setOk(null);
      setWorking(label);
      try {
        await fn();
      } catch (e) {
        setMessage(e instanceof ApiError ? e.message : 'Något gick fel.');
      } finally {
        setWorking(null);
      }
    });
  return (
    <div className="stack">
      {protectedParty && (
        <TextField className="field" value={reason} onChange={setReason}>
          <Label>Skäl att skriva ut skyddad adress (lämna tomt för att utelämna den)</Label>
          <Input />
        </TextField>
      )}
      <div className="row">
        <Button
          className="button"
          isDisabled={busy}
          onPress={() => void run(async () => setPreview(await call('documents.preview', ref)))}
        >
          Förhandsgranska
        </Button>
        <Button
          className="button"
          isDisabled={busy}
          onPress={() =>
            void run(async () => {
              await call('documents.createPdf', ref);
              // The archive lists (this assignment's or person's) reload.
              await invalidateProcs(queryClient, ['documents.']);
              setOk('PDF skapad och sparad i dokumentarkivet.');
              onCreated?.();
            }, 'Skapar PDF…')
          }
        >
          Skapa PDF
        </Button>
        <Button
          className="button"
          isDisabled={busy}
          onPress={() =>
            void run(async () => {
              const r = await call('documents.print', ref);
              setOk(r.printed ? 'Skickat till skrivaren.' : 'Utskriften avbröts.');
            }, 'Skriver ut…')
          }
        >
          Skriv ut
        </Button>
        {working && (
          <span className="muted" role="status">
            {working}
          </span>
        )}
      </div>
      <FormMessage>{message}</FormMessage>
      <FormMessage tone="ok">{ok}</FormMessage>
      {preview && (
        <Modal isOpen isDismissable onOpenChange={(open) => !open && setPreview(null)} className="modal">
          <Dialog className="dialog preview-dialog" aria-label={`Förhandsgranskning: ${preview.title}`}>
            <div className="row spread">
              <Heading slot="title">{preview.title}</Heading>
              <Button className="button" onPress={() => setPreview(null)}>
                Stäng
              </Button>
            </div>
            <div
              className="paper"
              data-testid="preview"
              tabIndex={0}
              role="region"
              aria-label={`Dokumentet: ${preview.title}`}
              dangerouslySetInnerHTML={{ __html: bodyOf(preview.html) }}
            />
          </Dialog>
        </Modal>
      )}
    </div>
  );
}
