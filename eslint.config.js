// Lint rules, including the room boundaries of docs/ARCHITECTURE.md:
// renderer/electron/server may import shared/, shared/ imports nothing platform-specific.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'crypto'];

const rendererPatterns = [
  {
    group: ['**/electron/**', '**/server/**', 'electron'],
    message: 'renderer/ may import only shared/ (and its own files).',
  },
  { group: nodeBuiltins, message: 'renderer/ runs in Chromium: no Node built-ins.' },
];

const restrict = (patterns) => ({
  'no-restricted-imports': [
    'error',
    { patterns: patterns.map((p) => ({ group: [p.group].flat(), message: p.message })) },
  ],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      ...restrict(rendererPatterns),
    },
  },
  {
    // renderer/app/ composes the features; a feature importing it would tie the rooms both ways.
    // Routing, shortcuts and the UI kit live below the features (renderer/routing, renderer/ui).
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/app/**', 'renderer/main.tsx'],
    rules: restrict([
      ...rendererPatterns,
      {
        group: ['**/app/*', '../app', '../../app'],
        message:
          'only renderer/app/ and main.tsx compose the app: import renderer/routing or renderer/ui instead.',
      },
    ]),
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict([
      {
        group: ['**/renderer/**', '**/electron/**', '**/server/**'],
        message: 'shared/ imports nothing from the other rooms.',
      },
      {
        group: [
          'electron',
          'dexie',
          'dexie-react-hooks',
          'react',
          'react-dom',
          'fastify',
          'pg',
          '@electric-sql/*',
          ...nodeBuiltins,
        ],
        message: 'shared/ is pure TypeScript: nothing platform-specific.',
      },
    ]),
  },
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: restrict([
      { group: ['**/renderer/**', '**/server/**'], message: 'electron/ may import only shared/.' },
    ]),
  },
  {
    files: ['server/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: restrict([
      {
        group: ['**/renderer/**', '**/electron/**', 'electron'],
        message: 'server/ may import only shared/.',
      },
    ]),
  },
  {
    files: [
      'scripts/**/*.{js,mjs,ts}',
      'tests/**/*.{ts,tsx,mjs}',
      '*.config.{js,ts}',
      '.ci/**/*.mjs',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
);
