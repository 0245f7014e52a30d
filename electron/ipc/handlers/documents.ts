import type { Handlers } from '../router';
import { done } from '../adapt';
import { readDocumentSettings, saveDocumentSettings } from '../../services/documents/settings';
import {
  createPdf,
  exportArchivedPdf,
  listArchive,
  previewDocument,
  printDocument,
} from '../../services/documents/archive';

export const documentHandlers: Pick<
  Handlers,
  | 'documents.getSettings'
  | 'documents.saveSettings'
  | 'documents.preview'
  | 'documents.createPdf'
  | 'documents.print'
  | 'documents.archive'
  | 'documents.exportPdf'
> = {
  'documents.getSettings': (core) => readDocumentSettings(core.serviceContext().db),
  'documents.saveSettings': async (core, input) => (await saveDocumentSettings(core.serviceContext(), input), done),
  'documents.preview': (core, input) => previewDocument(core.serviceContext(), input),
  'documents.createPdf': (core, input) => createPdf(core, input),
  'documents.print': (core, input) => printDocument(core, input),
  'documents.archive': (core, input) => listArchive(core.serviceContext(), input),
  'documents.exportPdf': (core, input) => exportArchivedPdf(core, input.documentId),
};
