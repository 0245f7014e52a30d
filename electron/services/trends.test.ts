import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemo } from '../seed/demo';
import { makeReadyCore, tempDir } from '../../test/helpers/core';
import { ok } from '../../test/helpers/cases';

let t: ReturnType<typeof tempDir>;
beforeEach(() => (t = tempDir()));
afterEach(() => t.cleanup());

describe('dashboard trends', () => {
  it('agrees with the current queue, the running assignments and the IVO report', async () => {
    const made = await makeReadyCore(t.dir);
    const inv = made.invoke;
    await seedDemo(made.core.serviceContext(), { seed: 4 });
    const trends = await ok<any>(inv('dashboard.trends', {}));
    expect(trends.months.map((m: any) => m.month)).toHaveLength(12);
    const now = trends.months.at(-1);
    expect(now.month).toBe('2026-11');
    const queue = await ok<any[]>(inv('cp.queue', {}));
    expect(now.queueLength).toBe(queue.length);
    expect(now.averageWaitDays).toBe(Math.round(queue.reduce((s, q) => s + q.daysWaiting, 0) / queue.length));
    const running = (await ok<any[]>(inv('assignments.list', { statuses: ['aktivt'] }))).length;
    expect(now.activeAssignments).toBe(running);
    for (const q of trends.quarters) {
      const [year, k] = q.quarter.split(' K').map(Number);
      expect(q.overdueDecisions, q.quarter).toBe((await ok<any>(inv('reports.ivo', { year, q: k }))).lines.length);
    }
    // Half a year back the queue held those approved by then and not yet gone on (seed: approvals spread over the year).
    const mid = trends.months[6];
    expect(mid.queueLength).toBeGreaterThan(0);
    expect(mid.averageWaitDays).toBeGreaterThan(0);
  });
});
