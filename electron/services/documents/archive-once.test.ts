import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppCore } from '../../core/app-core';
import { ManualClock } from '../../core/clock';
import { TEST_SCRYPT } from '../../vault/kdf';
import { createRouter } from '../../ipc/router';
import { handlers } from '../../ipc/handlers/index';
import { ADMIN, tempDir } from '../../../test/helpers/core';
import { activeAssignment, ok } from '../../../test/helpers/cases';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('Skapa PDF pressed twice', () => {
  it('archives one copy while the first is being made, and a new one when asked again later', async () => {
    let renders = 0;
    const slowPdf = async () => {
      renders++;
      await new Promise((r) => setTimeout(r, 50));
      return Buffer.from('%PDF-1.4 syntetisk');
    };
    const core = new AppCore({
      dataDir: t.dir,
      clock: new ManualClock('2026-11-22T09:00:00Z'),
      kdf: TEST_SCRYPT,
      pdf: slowPdf,
    });
    const inv = createRouter(core, handlers);
    await core.setup(ADMIN);
    await core.login(ADMIN.username, ADMIN.password);
    const { assignmentId } = await activeAssignment(inv);
    const ref = { kind: 'brev-erbjudande', assignmentId } as const;
    const [a, b] = await Promise.all([
      ok<{ documentId: number }>(inv('documents.createPdf', ref)),
      ok<{ documentId: number }>(inv('documents.createPdf', ref)),
    ]);
    expect(a.documentId).toBe(b.documentId);
    expect(renders).toBe(1);
    expect(await ok<any[]>(inv('documents.archive', { assignmentId }))).toHaveLength(1);
    await ok(inv('documents.createPdf', ref));
    expect(await ok<any[]>(inv('documents.archive', { assignmentId }))).toHaveLength(2);
    await core.close();
  });
});
