import type { Handlers } from '../router';
import { exportListXlsx } from '../../exports/lists';

export const exportHandlers: Pick<Handlers, 'export.xlsx'> = {
  'export.xlsx': (core, input) => exportListXlsx(core.serviceContext(), core.exportSink, input),
};
