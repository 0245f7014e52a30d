import type { AppCore } from '../core/app-core';
import type { ExportOutputs } from '../services/save-export';

/** What the handlers share when they adapt a call to a service. */

/** The answer of a procedure that only confirms it was done (shared/ipc/fields.ts `ok`). */
export const done = { ok: true as const };

/** Where a service writes a file the user asked for, and how it renders a PDF. */
export function exportOutputs(core: AppCore): ExportOutputs {
  return { sink: core.exportSink, pdf: (html) => core.pdf(html) };
}
