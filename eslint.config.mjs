import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The construct library and the provider bindings are imported only through their seam modules,
// so that choosing cdktf or its fork cdktn (CDK Terrain) changes those two files alone.
const SEAM = ['blueprints/cdk.ts', 'blueprints/aws.ts', 'blueprints/tfe.ts'];
const providerRoots = ['@cdktf/provider-aws', '@cdktn/provider-aws', '@cdktf/provider-tfe', '@cdktn/provider-tfe'].map((name) => ({
  name,
  message: 'Deep imports only: <package>/lib/<resource> (the root loads every resource module).',
}));
const libraries = {
  group: ['cdktf', 'cdktn', '@cdktf/*', '@cdktn/*', '**/.gen/**'],
  message:
    'Import the construct library from blueprints/cdk.ts, AWS resources from blueprints/aws.ts and HCP Terraform resources from blueprints/tfe.ts (the seam).',
};
const simulator = {
  group: ['@cloud-copilot/iam-simulate', '@cloud-copilot/iam-policy', '@cloud-copilot/iam-expand'],
  message: 'AGPL: only verify/ and test/ may use the simulator (README, Layout).',
};

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
  {
    // The AGPL simulator packages are devDependencies: only the proof (verify/) and the tests use them.
    files: ['blueprints/**/*.ts', 'main.ts', 'bench/**/*.ts', 'tools/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: providerRoots, patterns: [libraries, simulator] }] },
  },
  { files: SEAM, rules: { 'no-restricted-imports': ['error', { paths: providerRoots, patterns: [simulator] }] } },
  {
    files: ['core/**/*.ts', 'analysis/**/*.ts', 'report/**/*.ts', 'delivery/**/*.ts', 'accounts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...libraries.group, 'constructs', '**/blueprints/cdk', '**/blueprints/aws', '**/blueprints/tfe'],
              message: 'core, analysis, report, delivery and accounts stay free of cdktf (README, Layout).',
            },
            simulator,
          ],
        },
      ],
    },
  },
  { files: ['*.js', '*.mjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
