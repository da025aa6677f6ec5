import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import i18next from 'eslint-plugin-i18next';

// Architecture boundaries (ENGINEERING.md §2): shared/ is pure domain code,
// renderer/ never reaches the desktop except through `window.workbench`.
const uiAndPlatformLibs = ['electron', 'react', 'react-dom', 'dexie', '@xyflow/react', 'zustand'];

// Words people read come from the message catalogs (shared/i18n/locales), never
// from JSX: text and the attributes that are read aloud or shown (a label, a
// title, a placeholder). Every part of the UI has moved to the catalogs, so
// the rule covers all of renderer/.
const translatedUi = ['renderer/**/*.tsx'];

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'dist-web', 'release', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: uiAndPlatformLibs.map((name) => ({
            name,
            message: 'shared/ must stay pure domain code.',
          })),
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process'],
              message: 'shared/ must run in the browser too.',
            },
            {
              group: ['**/renderer/**', '**/electron/**'],
              message: 'shared/ may not depend on a side.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'localStorage',
        'indexedDB',
        'navigator',
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer talks to the desktop only via window.workbench.',
            },
            {
              name: 'immer',
              message:
                'Plan edits are named commands in shared/commands; components dispatch them (ENGINEERING.md §3).',
            },
          ],
          patterns: [
            {
              group: ['**/electron/**'],
              message: 'The renderer may not import main-process code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/preload.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='ipcRenderer']",
          message: 'Only the preload script may use ipcRenderer.',
        },
      ],
    },
  },
  {
    files: translatedUi,
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'should-validate-template': true,
          'jsx-attributes': {
            include: [
              'aria-label',
              'aria-description',
              'aria-roledescription',
              'aria-valuetext',
              'aria-placeholder',
              'title',
              'placeholder',
              'alt',
              'label',
              'hint',
              'description',
              'confirmLabel',
            ],
          },
        },
      ],
    },
  },
);
