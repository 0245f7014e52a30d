import { describe, expect, it, onTestFailed } from 'vitest';
import { shot } from '../harness/browser';
import { useE2E } from '../harness/fixture';
import { nav } from '../harness/flows';
import { activeAssignment } from '../helpers/cases';
import { createRouter } from '../../electron/ipc/router';
import { handlers } from '../../electron/ipc/handlers/index';

const env = useE2E({
  prepare: async (harness) => {
    const inv = createRouter(harness.core, handlers);
    await activeAssignment(inv);
    // The unit's facts an agreement needs before it can be signed (without them "Skapa PDF" is refused).
    const settings = await inv('documents.getSettings', {});
    if (!settings.ok) throw new Error('documents.getSettings');
    await inv('documents.saveSettings', {
      ...(settings.value as object),
      municipality: 'Provköpings kommun',
      unitAddress: 'Rådhusgatan 1, 123 45 Provköping',
      unitPhone: '0123-45 67 89',
    });
  },
});

async function previewOf(version: number): Promise<string> {
  const item = env.page
    .getByRole('list', { name: 'Avtalsversioner' })
    .getByRole('listitem')
    .filter({ hasText: `Version ${version} ` });
  await item.getByRole('button', { name: 'Förhandsgranska' }).click();
  const preview = env.page.getByTestId('preview');
  await preview.waitFor();
  const text = (await preview.textContent()) ?? '';
  await shot(env.page, `docs-preview-v${version}`);
  await env.page.getByRole('dialog').getByRole('button', { name: 'Stäng' }).click();
  await preview.waitFor({ state: 'detached' });
  return text;
}

describe('agreement versions and print preview', () => {
  it('creates an agreement, previews it, changes the frequency to make version 2, and lists both', async () => {
    onTestFailed(() => shot(env.page, 'FAILED-documents'));
    await nav(env.page, 'Uppdrag');
    await env.page.getByRole('button', { name: 'Dokument för Anna Provsson och Bruno Brukarsson' }).click();
    const form = env.page.getByRole('form', { name: 'Avtal' });
    await form.getByLabel('Startdatum').fill('2026-10-16');
    await form.getByLabel('Mål för uppdraget').fill('Att Bruno får en aktiv fritid med fotboll och friluftsliv');
    await form.getByRole('button', { name: 'Skapa avtal' }).click();
    await env.page.getByText('Sparat som version 1.').waitFor();

    const v1 = await previewOf(1);
    expect(v1).toContain('Uppdragsavtal för kontaktperson');
    expect(v1).toContain('2 träffar per månad');
    expect(v1).toContain('987,00\u00a0kr');
    expect(v1).toContain('Kontaktpersonens exemplar');

    await form.getByLabel('Antal träffar').fill('4');
    await form.getByRole('button', { name: 'Spara ändringar (ny version)' }).click();
    await env.page.getByText('Sparat som version 2.').waitFor();
    const versions = env.page.getByRole('list', { name: 'Avtalsversioner' }).getByRole('listitem');
    await expect.poll(() => versions.count(), { timeout: 10_000 }).toBe(2);
    expect(await versions.allTextContents()).toEqual([
      expect.stringMatching(/^Version 2 .*4 träffar per månad/),
      expect.stringMatching(/^Version 1 .*2 träffar per månad/),
    ]);
    await shot(env.page, 'docs-versions');

    expect(await previewOf(2)).toContain('4 träffar per månad');
    expect(await previewOf(1)).toContain('2 träffar per månad');

    // A PDF of version 2 goes into the archive, not onto the disk.
    await versions.filter({ hasText: 'Version 2 ' }).getByRole('button', { name: 'Skapa PDF' }).click();
    await env.page.getByText('PDF skapad och sparad i dokumentarkivet.').waitFor();
    await env.page.getByRole('tab', { name: 'Arkiv' }).click();
    await env.page.getByRole('table', { name: 'Dokumentarkiv' }).getByText('Uppdragsavtal version 2').waitFor();

    await nav(env.page, 'Uppföljningar');
    await env.page.getByRole('table', { name: 'Uppföljningar' }).getByText('2027-04-16').waitFor();
    await shot(env.page, 'docs-followups');
  });
});
