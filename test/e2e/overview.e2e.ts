import { describe, expect, it, onTestFailed } from 'vitest';
import { shot } from '../harness/browser';
import { useE2E } from '../harness/fixture';
import { E2E_ADMIN, login } from '../harness/flows';
import { seedDemo } from '../../electron/seed/demo';

const env = useE2E({
  login: false,
  prepare: async (harness) => {
    await harness.core.setup(E2E_ADMIN);
    await harness.core.login(E2E_ADMIN.username, E2E_ADMIN.password);
    await seedDemo(harness.core.serviceContext(), { seed: 1 });
    await harness.core.logout();
  },
});

describe('overview with the demo municipality', () => {
  it('shows the counts, the deadline list and four charts', async () => {
    onTestFailed(() => shot(env.page, 'FAILED-overview'));
    await login(env.page, env.harness);
    const charts = env.page.locator('figure.chart');
    await expect.poll(() => charts.count(), { timeout: 15_000 }).toBe(4);
    await expect
      .poll(() => env.page.locator('figure.chart .recharts-wrapper > svg, figure.chart .chart-empty').count(), {
        timeout: 15_000,
      })
      .toBe(4);
    expect(await env.page.getByRole('heading', { name: 'Kö och väntetid' }).isVisible()).toBe(true);
    // The demo pays the month before last, so the payout chart draws (an empty one is in new-year.e2e).
    expect(
      await env.page
        .locator('figure.chart')
        .filter({ hasText: 'Utbetalt per månad' })
        .locator('.recharts-wrapper > svg')
        .count(),
    ).toBe(1);
    await shot(env.page, 'overview-demo');
  });
});
