import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Rules switched off, each with the reason. Anything else axe reports fails the test.
 * (Empty: every rule of WCAG 2.1 A/AA and axe's best practices applies.)
 */
export const AXE_DISABLED: Record<string, string> = {};

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core in the page (injected through the DevTools protocol, so the app's CSP stays as it
 * is) and returns every violation with the selectors of the offending nodes.
 */
export async function axeScan(page: Page): Promise<AxeFinding[]> {
  const injected = await page.evaluate(() => typeof (globalThis as any).axe !== 'undefined');
  if (!injected) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (disabled) => {
    const axe = (globalThis as any).axe;
    const rules = Object.fromEntries(disabled.map((id: string) => [id, { enabled: false }]));
    const result = await axe.run((globalThis as any).document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      rules,
      resultTypes: ['violations'],
    });
    return result.violations.map((v: any) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes
        .slice(0, 5)
        .map((n: any) => `${n.target.join(' ')} :: ${n.failureSummary?.split('\n').slice(0, 2).join(' ')}`),
    }));
  }, Object.keys(AXE_DISABLED));
}

/** The page's horizontal overflow in pixels (0 when nothing scrolls sideways). */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const doc = (globalThis as any).document.documentElement;
    return Math.max(0, doc.scrollWidth - doc.clientWidth);
  });
}
