import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Architecture rules (docs/architecture.md): the domain stays framework-free, screens talk to
// the API over HTTP and never reach into the mock backend, and features do not import each other.
const FEATURES = ['customers', 'subscriptions', 'service-plans', 'home', 'tools'];

export default tseslint.config(
  { ignores: ['dist', '.e2e-dist', 'coverage', 'node_modules', 'public/mockServiceWorker.js', 'test-results', 'playwright-report', 'bench/.tmp', 'storybook-static'] },
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
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react-dom', 'react-dom/*', 'react-*', 'msw', 'msw/*', 'zustand', 'zustand/*', '@tanstack/*', 'i18next', 'idb'], message: 'src/domain is framework-free: plain TypeScript (and zod) only.' },
            { group: ['../*', '!../domain/*'], message: 'src/domain imports nothing from the rest of the app.' },
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
        { patterns: [{ group: ['react', 'react-dom', '../features/*', '../ui/*', '../api/*', '../app/*', '../i18n/*'], message: 'The mock backend imports the domain only.' }] },
      ],
    },
  },
  ...['features', 'ui', 'api', 'i18n'].map((dir) => ({
    files: [`src/${dir}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/mock-api/*', '**/mock-api'], message: 'Screens talk to the API through TanStack Query, never to the mock store. (Tests may import src/test/*.)' },
          ],
        },
      ],
    },
  })),
  ...FEATURES.map((feature) => ({
    files: [`src/features/${feature}/**/*.{ts,tsx}`],
    ignores: [`src/features/${feature}/**/*.test.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/mock-api/*', '**/mock-api'], message: 'Screens talk to the API through TanStack Query, never to the mock store.' },
            {
              group: FEATURES.filter((f) => f !== feature).map((f) => `**/features/${f}/*`),
              message: 'A feature does not import another feature: move shared pieces to src/ui or src/api.',
            },
          ],
        },
      ],
    },
  })),
);
