// @ts-check
import js from '@eslint/js';
import vitest from '@vitest/eslint-plugin';
import tseslint from 'typescript-eslint';

/** Stages that must stay pure: no file system, no network, no process. */
const pureStages = [
  'src/plan/**',
  'src/classify/**',
  'src/region/**',
  'src/report/**',
  'src/ci/**',
  'src/probes/**',
  'src/cache/**',
  'src/text/**',
  'src/import/**',
  'src/init/**',
  'src/roadmap/fix.ts',
  'src/roadmap/changed-since.ts',
  'src/roadmap/lint.ts',
];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'bench/node_modules/**',
      'reports/**',
      'action/**/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js'] } },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
    },
  },
  {
    files: pureStages,
    ignores: [
      'src/report/write.ts',
      'src/region/load-rules.ts',
      'src/cache/cache-file.ts',
      'src/**/*.test.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['undici', 'node:process', 'process', 'fs', 'node:net', 'node:dns'],
          patterns: ['node:fs*', 'fs/*'],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'fetch'],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**'],
    plugins: { vitest },
    rules: {
      ...vitest.configs.recommended.rules,
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { files: ['eslint.config.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked },
);
