import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';

export const NATIVE_BINARY = 'better_sqlite3.node';

/**
 * Electron's own build of the SQLite addon (electron/native.mjs makes it; npm start and the
 * packaged app carry it). In the packaged app it lies beside the asar, unpacked: native code
 * cannot be loaded from inside the archive.
 */
export function nativeBindingPath(appPath: string): string {
  return join(appPath, 'build', 'native', NATIVE_BINARY).replace(`app.asar${sep}`, `app.asar.unpacked${sep}`);
}

export const NATIVE_ERROR_TITLE = 'Kontaktregistret kan inte starta';

const NOTHING_CHANGED = 'Inga uppgifter har ändrats.';

export type NativeLoad = { ok: true; addon: object } | { ok: false; message: string; error: unknown };

/** Loads the addon once; a missing or wrong build gives a message that says what to do. */
export function loadNativeBinding(
  file: string,
  dlopen: (module: { exports: unknown }, file: string) => void = process.dlopen,
): NativeLoad {
  if (!existsSync(file)) {
    return {
      ok: false,
      error: new Error('native module missing'),
      message:
        `Databasmodulen för Electron saknas:\n${file}\n\n` +
        'Den byggs av "npm start" första gången. Det kräver internet (för Electrons headers), en C++-kompilator och Python 3; ' +
        'se meddelandet från "npm start" och README. I ett installerat program ingår modulen: installera om programmet.\n\n' +
        NOTHING_CHANGED,
    };
  }
  try {
    const module = { exports: {} as Record<string, unknown> };
    dlopen(module, file);
    if (typeof module.exports.Database !== 'function') throw new Error('not the SQLite addon');
    return { ok: true, addon: module.exports };
  } catch (error) {
    return {
      ok: false,
      error,
      message:
        `Databasmodulen för Electron kunde inte läsas in:\n${file}\n\n` +
        'Den är byggd för en annan version av Electron (eller för Node). Kör "npm start" igen så byggs den om, eller installera om programmet.\n\n' +
        NOTHING_CHANGED,
    };
  }
}
