import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeReadyCore, tempDir } from '../../../test/helpers/core';
import { clientInputOf, ok } from '../../../test/helpers/cases';
import type { ProcOutput } from '../../../shared/ipc/contract';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('Lagrum och rapporter (settings)', () => {
  it('refuses bad figures with Swedish messages and changes nothing; a saved paragraph list is what decisions may use', async () => {
    const { core, invoke } = await makeReadyCore(t.dir);
    const s = await ok<ProcOutput<'legal.settings'>>(invoke('legal.settings', {}));
    expect(s.lawParagraphs['SoL 2025:400']).toEqual(['11 kap. 1 §']);
    const bad = async (over: object) => {
      const r = await invoke('legal.saveSettings', { ...s, ...over });
      return r.ok ? null : r.error.message;
    };
    expect(await bad({ lssDeadlineDay: '09-30' })).toMatch(/Sista dag kan inte vara före referensdagen/);
    expect(await bad({ officeHoursStart: '18:00', officeHoursEnd: '07:00' })).toMatch(
      /Kontorstiden måste sluta efter att den börjar/,
    );
    expect(await bad({ lawParagraphs: { ...s.lawParagraphs, 'LSS 1993:387': [] } })).toMatch(
      /Ange minst en paragraf per lag/,
    );
    expect(await bad({ avbrottMonths: 0 })).toMatch(/Minst 1 månad/);
    expect(await bad({ lssReferenceDay: '13-01' })).toMatch(/MM-DD/);
    const raw = core.serviceContext().raw;
    expect(raw.prepare("SELECT COUNT(*) AS n FROM settings WHERE key = 'legal'").get()).toEqual({ n: 0 });

    await ok(
      invoke('legal.saveSettings', {
        ...s,
        lawParagraphs: { ...s.lawParagraphs, 'SoL 2025:400': ['11 kap. 1 §', '11 kap. 2 §'] },
        avbrottMonths: 4,
      }),
    );
    expect(raw.prepare("SELECT detail FROM audit_log WHERE action = 'settings.legal'").get()).toEqual({
      detail: expect.stringContaining('SoL 2025:400 11 kap. 1 § / 11 kap. 2 §'),
    });
    const { id: clientId } = await ok<{ id: number }>(invoke('clients.create', clientInputOf()));
    const base = {
      clientId,
      legalBasis: 'SoL (bistånd, kontaktperson)',
      decisionDate: '2026-01-10',
      validFrom: '2026-01-10',
      meetingsPerPeriod: 2,
      period: 'manad' as const,
      hoursPerMonth: 8,
    };
    await ok(invoke('decisions.create', { ...base, paragraph: '11 kap. 2 §' }));
    const refused = await invoke('decisions.create', { ...base, paragraph: '4 kap. 1 §' }); // an old-SoL paragraph under the new law
    expect(refused.ok ? null : refused.error.fields).toEqual({ paragraph: 'Välj en paragraf ur listan.' });
  });
});
