import nx from '@nx/eslint-plugin';
import eslint from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/**
 * One flat config for the workspace. Module boundaries follow ARCHITECTURE.md §1: a project may
 * depend only on its own layer or lower ones, and apps depend on packages, never the reverse.
 */
export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/out-tsc/**',
      '**/coverage/**',
      '**/node_modules/**',
      '**/.nx/**',
      '**/vite.config.*.timestamp*',
      '**/vitest.config.*.timestamp*',
      '**/test/fixtures/**',
    ],
  },
  eslint.configs.recommended,
  ...nx.configs['flat/base'],
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.mjs', 'tools/scripts/*.mjs', '.ci/*.mjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            { sourceTag: 'layer:core', onlyDependOnLibsWithTags: ['layer:core'] },
            {
              sourceTag: 'layer:runtime',
              onlyDependOnLibsWithTags: ['layer:core', 'layer:runtime', 'layer:tooling'],
            },
            {
              sourceTag: 'layer:tooling',
              onlyDependOnLibsWithTags: ['layer:core', 'layer:runtime', 'layer:tooling'],
            },
            {
              sourceTag: 'type:app',
              onlyDependOnLibsWithTags: ['layer:core', 'layer:runtime', 'layer:tooling'],
            },
            {
              sourceTag: 'type:tool',
              onlyDependOnLibsWithTags: ['layer:core', 'layer:runtime', 'layer:tooling'],
            },
          ],
        },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Workspace scripts run on Node.
    files: ['**/*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
  },
  {
    files: ['packages/**/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', '**/test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
  prettier,
);
