import type { Handlers } from '../router';
import { commitImport, previewImport } from '../../import/import';

export const importHandlers: Pick<Handlers, 'import.preview' | 'import.commit'> = {
  'import.preview': (core, input) => previewImport(core.serviceContext(), input),
  'import.commit': (core, input) => commitImport(core.serviceContext(), input),
};
