/**
 * The construct library, in one place: every class of CDK for Terraform that the blueprints,
 * tests and bench use comes from this module. CDK Terrain, the maintained fork, keeps every class
 * name, so choosing it means changing `'cdktf'` below to `'cdktn'` (plus the package list and the
 * CLI name; see "Moving to CDK Terrain" in the README). `npm run test:cdktn` makes that switch in a
 * copy of the project and runs the tests there.
 */
export {
  App,
  Aspects,
  CloudBackend,
  dependable,
  LocalBackend,
  NamedCloudWorkspace,
  S3Backend,
  TerraformDataSource,
  TerraformElement,
  TerraformOutput,
  TerraformResource,
  TerraformStack,
} from 'cdktf';
export type { IAspect } from 'cdktf';
