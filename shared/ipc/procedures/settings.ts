import { z } from 'zod';
import { procedure } from '../define';
import { empty } from '../fields';

export const unitSettings = z.object({
  unitName: z.string().trim().min(1, 'Ange enhetens namn.').max(200, 'Namnet är för långt.'),
  idleLockMinutes: z
    .number({ error: 'Ange antal minuter.' })
    .int('Ange hela minuter.')
    .min(1, 'Automatisk låsning måste ske efter minst 1 minut.')
    .max(60, 'Automatisk låsning får vara högst 60 minuter.'),
  /** Legal bases offered for decisions (editable: SoL paragraph numbers change with SoL 2025:400). */
  legalBases: z.array(z.string().trim().min(1).max(100)).min(1, 'Ange minst ett lagrum.').max(20),
  /** Keeps the window out of screenshots and screen sharing; some remote desktops then show it black. */
  contentProtection: z.boolean().default(true),
});
export type UnitSettings = z.infer<typeof unitSettings>;

export const settingsProcedures = {
  'settings.get': procedure({ access: 'session', input: empty, output: unitSettings }),
  'settings.update': procedure({ access: ['admin'], input: unitSettings, output: unitSettings }),
} as const;
