import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core';

const root = join(import.meta.dirname, '..', '..');
const t = tempDir('kpr-en-');
afterAll(() => t.cleanup());

/** Findings from electronegativity's SARIF report, as "RULE|path relative to the scanned folder". */
function findings(sarifFile: string, scanned: string): string[] {
  const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as {
    runs: Array<{
      results: Array<{ ruleId: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }>;
    }>;
  };
  return sarif.runs[0]!.results.map((r) => {
    // Paths come relative to the scanned folder; a global check points at "file:///".
    const uri = decodeURIComponent(r.locations[0]!.physicalLocation.artifactLocation.uri);
    const rel = uri.startsWith('file://')
      ? uri
          .replace(/^file:\/\//, '')
          .replace(scanned, '')
          .replace(/^\//, '')
      : uri;
    return `${r.ruleId}|${rel || 'N/A'}`;
  });
}

describe('electronegativity on the Electron sources', () => {
  it('reports nothing beyond the reviewed, explained allowlist', () => {
    const out = join(t.dir, 'report.sarif');
    execFileSync(
      join(root, 'node_modules', '.bin', 'electronegativity'),
      ['-i', join(root, 'electron'), '-r', '45.4.1', '-o', out],
      { stdio: 'ignore', timeout: 120_000 },
    );
    const found = findings(out, join(root, 'electron'));
    expect(found.length).toBeGreaterThan(0); // the scanner ran and saw the window code
    const allow = JSON.parse(readFileSync(join(root, 'test', 'hardening', 'electronegativity-allowlist.json'), 'utf8'))
      .findings as Record<string, string>;
    const unexplained = found.filter((f) => !(f in allow));
    expect(unexplained).toEqual([]);
  }, 180_000);

  it('would fail on a window that turns nodeIntegration on', () => {
    const dir = join(t.dir, 'bad');
    execFileSync('mkdir', ['-p', dir]);
    execFileSync('sh', [
      '-c',
      `cat > ${dir}/main.js <<'EOF'
const { BrowserWindow } = require('electron');
new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false } });
EOF`,
    ]);
    const out = join(t.dir, 'bad.sarif');
    execFileSync(join(root, 'node_modules', '.bin', 'electronegativity'), ['-i', dir, '-r', '45.4.1', '-o', out], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    const allow = JSON.parse(readFileSync(join(root, 'test', 'hardening', 'electronegativity-allowlist.json'), 'utf8'))
      .findings as Record<string, string>;
    expect(findings(out, dir).filter((f) => !(f in allow))).toContain('NODE_INTEGRATION_JS_CHECK|main.js');
  }, 180_000);
});
