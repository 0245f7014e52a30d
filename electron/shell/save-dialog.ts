import { dialog, type BrowserWindow } from 'electron';
import { writeFileSync } from 'node:fs';
import type { ExportSink } from '../core/export-sink';

/** The app's export: the user picks where the file goes; cancelling writes nothing. */
export function electronSaveDialogSink(getWindow: () => BrowserWindow | null): ExportSink {
  return async (suggestedName, content) => {
    const win = getWindow();
    const options = { title: 'Spara fil', defaultPath: suggestedName };
    const r = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (r.canceled || !r.filePath) return null;
    writeFileSync(r.filePath, content, { mode: 0o600 });
    return r.filePath;
  };
}
