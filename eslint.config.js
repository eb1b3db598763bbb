// ESLint (flat config): typescript-eslint's recommended rules everywhere, the React hooks rules in
// the renderer, and the architecture's import boundaries as lint errors. Formatting is Prettier's
// job (.prettierrc.json); `npm run lint` runs both.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
      '.hooklens-test/**',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'Captured content is rendered as text, never as HTML.',
        },
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'Captured content is rendered as text, never as HTML.',
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/exhaustive-deps': 'error',
      // Only says the React Compiler would skip a component (TanStack Virtual); the app does not use the compiler.
      'react-hooks/incompatible-library': 'off',
    },
  },
  {
    // The core is plain Node: no Electron, no CLI layer (also checked by core/core-boundary.test.ts).
    files: ['src/main/core/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The core and shared code never import electron.' }],
          patterns: [
            { group: ['electron/*'], message: 'The core and shared code never import electron.' },
            {
              group: ['**/main/cli', '**/main/cli/*', '../cli', '../cli/*', '../../cli', '../../cli/*'],
              message: 'The core never imports the CLI layer.',
            },
          ],
        },
      ],
    },
  },
);
