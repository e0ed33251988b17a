import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import jsxA11y from 'eslint-plugin-jsx-a11y-x';
import playwright from 'eslint-plugin-playwright';
import tanstackQuery from '@tanstack/eslint-plugin-query';

// Architecture rules (docs/architecture.md): the domain stays framework-free, screens talk to
// the API over HTTP and never reach into the mock backend, and features do not import each other.
const FEATURES = ['customers', 'subscriptions', 'service-plans', 'home', 'tools'];
const ROOT = import.meta.dirname;
const ZONES = [
  { target: 'src/domain', from: 'src', except: ['./domain'], message: 'src/domain imports nothing from the rest of the app.' },
  {
    target: 'src/mock-api',
    from: ['src/api', 'src/ui', 'src/features', 'src/app', 'src/test', 'src/stories'],
    message: 'The mock backend imports the domain only.',
  },
  // ...and the English catalogues (data, for its problem prose), never the i18n code.
  { target: 'src/mock-api', from: 'src/i18n', except: ['./locales'], message: 'The mock backend reads the English catalogues (JSON) only.' },
  {
    target: ['src/api', 'src/ui', 'src/features', 'src/i18n', 'src/stories', 'src/app/!(main).tsx'],
    from: 'src/mock-api',
    message: 'Screens talk to the API through TanStack Query, never to the mock store. (Tests may import src/test/*; only src/app/main.tsx starts the mock.)',
  },
  { target: 'src/api', from: ['src/ui', 'src/features', 'src/app', 'src/i18n'], message: 'src/api is the typed client: it imports the domain only.' },
  { target: 'src/ui', from: ['src/features', 'src/app'], message: 'src/ui is shared by every feature: it never imports a feature or the app shell.' },
  ...FEATURES.map((feature) => ({
    target: `src/features/${feature}`,
    from: 'src/features',
    except: [`./${feature}`],
    message: 'A feature does not import another feature: move shared pieces to src/ui or src/api.',
  })),
  { target: ['src', '.storybook', 'scripts', 'bench'], from: 'e2e', message: 'e2e/ is the Playwright suite: nothing else imports it.' },
];

export default tseslint.config(
  {
    ignores: [
      'dist',
      '.e2e-dist',
      'coverage',
      'node_modules',
      'public/mockServiceWorker.js',
      'test-results',
      'playwright-report',
      'bench/.tmp',
      'storybook-static',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'User text renders as text: no dangerouslySetInnerHTML.' },
        {
          selector: "JSXAttribute[name.name='style']",
          message: 'No inline style: a class in src/app/styles.css with the design tokens (docs/conventions.md § Styling).',
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  // Layers on resolved paths: `'../subscriptions/x'` from a customers screen and `'../../ui/page'`
  // from a handler are caught however the import is spelled (src/test/lint-fences.test.ts).
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': ['error', { basePath: ROOT, zones: ZONES }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react-dom/*', 'react-*', 'msw', 'msw/*', 'zustand', 'zustand/*', '@tanstack/*', 'i18next', 'idb'],
              message: 'src/domain is framework-free: plain TypeScript (and zod) only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/mock-api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['react', 'react-dom', 'react-dom/*', 'react-*', '@tanstack/*'], message: 'The mock backend imports the domain only.' }] },
      ],
    },
  },
  {
    files: ['src/**/*.tsx'],
    ...jsxA11y.configs.strict,
    rules: {
      ...jsxA11y.configs.strict.rules,
      // Moving the focus into what the user just opened (an editor, a dialog's first field) is
      // focus management, done through our components (`TextField`, `CustomerForm`).
      'jsx-a11y-x/no-autofocus': ['error', { ignoreNonDOM: true }],
      // A scroll container is focusable so the keyboard can scroll it (axe:
      // scrollable-region-focusable): `TableRegion`, the websites table.
      'jsx-a11y-x/no-noninteractive-tabindex': ['error', { roles: ['region', 'group'] }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { '@tanstack/query': tanstackQuery },
    rules: tanstackQuery.configs['flat/recommended-strict'].at(-1).rules,
  },
  // docs/conventions.md § Tests: accessible locators only, no waiting by the clock, no
  // focused or skipped tests, faults from the mock's settings and never from page.route.
  {
    files: ['e2e/**/*.ts', 'e2e-storybook/**/*.ts'],
    ...playwright.configs['flat/recommended'],
    rules: {
      ...playwright.configs['flat/recommended'].rules,
      'playwright/no-wait-for-timeout': 'error',
      'playwright/no-skipped-test': ['error', { allowConditional: false }],
      'playwright/no-focused-test': 'error',
      'playwright/no-raw-locators': 'error',
      'playwright/no-element-handle': 'error',
      'playwright/no-wait-for-selector': 'error',
      'playwright/no-networkidle': 'error',
      // Data-driven steps branch on their data (one axe scan per distinct screen state).
      'playwright/no-conditional-in-test': 'off',
      'playwright/no-conditional-expect': 'off',
      // Layout is the formatter's business, not a rule's.
      'playwright/consistent-spacing-between-blocks': 'off',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(route|routeFromHAR|routeWebSocket)$/]',
          message: 'Faults come from the mock (?latency=, ?failureRate=, /_mock/settings), never from page.route.',
        },
      ],
    },
  },
);
