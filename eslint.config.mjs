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
    files: ['core/**/*.ts', 'report/**/*.ts', 'delivery/**/*.ts', 'accounts/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: ['cdktf', 'cdktf/*', '@cdktf/*', 'constructs'], message: 'The core, report and accounts stay free of cdktf (see DESIGN.md layers).' }],
      }],
    },
  },
  { files: ['*.js', '*.mjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
