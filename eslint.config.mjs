import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'cdktf.out/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: '@cdktf/provider-aws', message: 'Deep imports only: @cdktf/provider-aws/lib/<resource>.' },
          { name: '@cdktf/provider-tfe', message: 'Deep imports only: @cdktf/provider-tfe/lib/<resource>.' },
        ],
      }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // The AGPL simulator packages are devDependencies: only the proof (verify/) and the tests use them.
    files: ['core/**/*.ts', 'analysis/**/*.ts', 'report/**/*.ts', 'delivery/**/*.ts', 'accounts/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['cdktf', 'cdktf/*', '@cdktf/*', 'constructs'], message: 'core, analysis, report, delivery and accounts stay free of cdktf (README, Layout).' },
          { group: ['@cloud-copilot/iam-simulate', '@cloud-copilot/iam-policy', '@cloud-copilot/iam-expand'], message: 'AGPL: only verify/ and test/ may use the simulator (README, Layout).' },
        ],
      }],
    },
  },
  {
    files: ['blueprints/**/*.ts', 'main.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [
          { name: '@cdktf/provider-aws', message: 'Deep imports only: @cdktf/provider-aws/lib/<resource>.' },
          { name: '@cdktf/provider-tfe', message: 'Deep imports only: @cdktf/provider-tfe/lib/<resource>.' },
        ],
        patterns: [{ group: ['@cloud-copilot/iam-simulate', '@cloud-copilot/iam-policy', '@cloud-copilot/iam-expand'], message: 'AGPL: only verify/ and test/ may use the simulator (README, Layout).' }],
      }],
    },
  },
  { files: ['*.js', '*.mjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
