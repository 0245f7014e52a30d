// Lint: type-aware TypeScript rules, React hooks and accessibility rules, the architecture's
// boundaries as import bans, and Prettier's formatting (prettier --check runs in `npm run lint`).
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import prettierConfig from 'eslint-config-prettier';

const RAW_IPC = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message:
    'Raw IPC only in electron/shell/ipc-bridge.ts and electron/preload.ts; add a procedure to shared/ipc instead.',
};

// Time: only electron/core/clock.ts reads the wall clock (services use ctx.now(), the renderer the
// backend's "today", tests a ManualClock or KPR_NOW), so the suite passes on any date.
const WALL_CLOCK = [
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message:
      'Date.now() reads the wall clock: use the Clock (ctx.now()), useToday() in the renderer, or performance.now() for elapsed time.',
  },
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'new Date() reads the wall clock: use the Clock (ctx.now()) or useToday() in the renderer.',
  },
];

export default tseslint.config(
  { ignores: ['build/**', 'dist/**', 'node_modules/**', 'test/artifacts/**'] },
  ...tseslint.configs.recommended,
  {
    // Type-aware: a promise nobody awaits or handles is a silent failure.
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js', 'electron/*.mjs', 'test/builder/*.cjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // A desktop app used all day from the keyboard: focus goes where the officer's own action
      // leads (the password field on the lock screen, the first field of a form or dialog they just
      // opened, the safe button of a confirmation), as the WAI-ARIA dialog pattern asks. Page-load
      // autofocus on a web page, which the rule is about, does not occur here.
      'jsx-a11y/no-autofocus': 'off',
      // A scrollable region (the document preview) must be focusable to scroll it by keyboard
      // (axe: scrollable-region-focusable), so tabIndex is allowed on role="region".
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: [], roles: ['tabpanel', 'region'] }],
    },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { paths: [RAW_IPC] }],
      'no-restricted-syntax': ['error', ...WALL_CLOCK],
    },
  },
  {
    files: ['electron/core/clock.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['electron/shell/ipc-bridge.ts', 'electron/preload.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // shared/ is pure: no Node, no Electron, no database, so the renderer and main can both use it.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'better-sqlite3-multiple-ciphers', 'kysely', 'react'],
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'crypto', 'os', 'child_process'],
              message: 'shared/ is pure TypeScript: no Node modules.',
            },
            {
              group: ['**/electron/**', '**/renderer/**'],
              message: 'shared/ may not import from electron/ or renderer/.',
            },
          ],
        },
      ],
    },
  },
  {
    // The renderer talks to main only through window.kpr.invoke.
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [RAW_IPC, 'electron', 'better-sqlite3-multiple-ciphers', 'kysely'],
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node.' },
            {
              group: ['**/electron/**'],
              message: 'The renderer may not import main-process code; use the IPC contract.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettierConfig,
);
