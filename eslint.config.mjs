import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The construct library and the provider bindings are imported only through their seam modules,
// so that choosing cdktf or its fork cdktn (CDK Terrain) changes those two files alone.
const SEAM = ['blueprints/cdk.ts', 'blueprints/aws.ts', 'blueprints/tfe.ts'];
const providerRoots = ['@cdktf/provider-aws', '@cdktn/provider-aws', '@cdktf/provider-tfe', '@cdktn/provider-tfe'].map((name) => ({ name, message: 'Deep imports only: <package>/lib/<resource> (the root loads every resource module).' }));
const libraries = { group: ['cdktf', 'cdktn', '@cdktf/*', '@cdktn/*', '**/.gen/**'], message: 'Import the construct library from blueprints/cdk.ts, AWS resources from blueprints/aws.ts and HCP Terraform resources from blueprints/tfe.ts (the seam).' };

export default tseslint.config(
  { ignores: ['dist/**', 'cdktf.out/**', 'node_modules/**', 'coverage/**', '.gen/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' } },
    rules: {
      'no-restricted-imports': ['error', { paths: providerRoots, patterns: [libraries] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  { files: SEAM, rules: { 'no-restricted-imports': ['error', { paths: providerRoots }] } },
  {
    files: ['core/**/*.ts', 'report/**/*.ts', 'delivery/**/*.ts', 'accounts/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: [...libraries.group, 'constructs', '**/blueprints/cdk', '**/blueprints/aws', '**/blueprints/tfe'], message: 'The core, report and accounts stay free of cdktf (see DESIGN.md layers).' }],
      }],
    },
  },
  { files: ['*.js', '*.mjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
