import { useEffect, useId } from 'react';

/**
 * Forms with changes not yet saved, by a name the officer recognises ("Ny intresseanmälan").
 * The shell asks before it navigates away; a form that unmounts (saved, cancelled, or the app
 * locked) drops out, so unsaved input never outlives the screen it was typed on.
 */
const dirtyForms = new Map<string, string>();

export function unsavedForms(): string[] {
  return [...new Set(dirtyForms.values())];
}

/** Forget everything (the shell calls it after the officer chose to leave without saving). */
export function discardUnsaved(): void {
  dirtyForms.clear();
}

/** Registers this form as unsaved while `dirty` is true. */
export function useUnsavedChanges(dirty: boolean, label: string): void {
  const id = useId();
  useEffect(() => {
    if (dirty) dirtyForms.set(id, label);
    else dirtyForms.delete(id);
    return () => {
      dirtyForms.delete(id);
    };
  }, [id, dirty, label]);
}
