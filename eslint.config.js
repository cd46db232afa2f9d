// ESLint: typescript-eslint's recommended rules, a few that catch real bugs in a server (promises
// not awaited), and the project's boundaries (eslint/boundaries.js). Formatting is Prettier's.
import js from '@eslint/js'
import globals from 'globals'
import tseslint from 'typescript-eslint'
import boundaries from './eslint/boundaries.js'

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'bench/out/', 'test-results/', 'src/web/public/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: globals.node,
    },
    plugins: { boundaries },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
      eqeqeq: ['error', 'always'],
      'boundaries/pure-rules': 'error',
      'boundaries/area-interface': 'error',
      'boundaries/no-web-in-domain': 'error',
      'boundaries/own-tables': 'error',
    },
  },
  {
    // The CLI and scripts talk to a terminal.
    files: ['src/cli/**', 'scripts/**', 'bench/**', 'bin/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // A migration works on the schema as it was when it was written, not on today's `Database`
    // type, so it takes `Kysely<any>` (ADR 0006); nowhere else may use `any`.
    files: ['src/db/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
)
