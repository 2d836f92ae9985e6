import { App, TerraformStack } from '../../blueprints/cdk';
import { AwsProvider, S3Bucket } from '../../blueprints/aws';
import { assertEveryResourceHasProvider, resourcesWithoutProvider } from '../../blueprints/provider-check';
import { tempDir } from '../support/organisation-files';

test('a resource placed without a provider is refused, by path', () => {
  const app = new App({ outdir: tempDir(), skipValidation: true });
  const stack = new TerraformStack(app, 'owner');
  const provider = new AwsProvider(stack, 'aws', { alias: 'owner', region: 'us-east-1' });
  new S3Bucket(stack, 'with-provider', { bucket: 'fine-bucket', provider });
  new S3Bucket(stack, 'forgotten', { bucket: 'forgotten-bucket' });

  expect(resourcesWithoutProvider(app)).toEqual(['owner/forgotten']);
  expect(() => assertEveryResourceHasProvider(app)).toThrow(/1 resource\(s\) have no provider; nothing was written:\n {2}- owner\/forgotten\n/);
});
