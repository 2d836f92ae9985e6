import * as path from 'node:path';
import type { RequestAnalysis } from '@cloud-copilot/iam-simulate';
import type { PolicyDocument } from '../core/model';

/*
 * Two checks need context keys that iam-simulate's strict mode drops as unknown for the resource:
 * the bucket side of a request through an access point (`s3:DataAccessPointAccount`,
 * `s3:DataAccessPointArn` on bucket and object ARNs) and the key side of SSE-KMS
 * (`kms:EncryptionContext:aws:s3:arn`). S3 and KMS do set them. Its unsafe mode fails on any
 * resource policy, so these checks call the simulator's core engine directly, which evaluates the
 * context as given. The package version is pinned by the lockfile; the access tests fail loudly if
 * these internals move.
 */
const root = path.dirname(require.resolve('@cloud-copilot/iam-simulate'));
/* eslint-disable @typescript-eslint/no-require-imports */
const { authorize } = require(path.join(root, 'core_engine', 'CoreSimulatorEngine.js'));
const { RequestContextImpl } = require(path.join(root, 'requestContext.js'));
const { AwsRequestImpl } = require(path.join(root, 'request', 'request.js'));
const { DiscoveryContextKeyConstraints } = require(path.join(root, 'context_keys', 'discoveryContextKeyConstraints.js'));
const { loadPolicy } = require(require.resolve('@cloud-copilot/iam-policy', { paths: [root] }));
/* eslint-enable @typescript-eslint/no-require-imports */

export interface NamedDocument {
  name: string;
  policy: PolicyDocument;
}

export interface ContextRequest {
  principal: string;
  action: string;
  resource: string;
  resourceAccount: string;
  context: Record<string, string | string[]>;
  identityPolicies: NamedDocument[];
  permissionBoundaries?: NamedDocument[];
  resourcePolicy?: NamedDocument;
}

/** The simulator's verdict with the request context exactly as given. */
export function evaluateWithContext(request: ContextRequest): RequestAnalysis {
  const load = (p: NamedDocument): unknown => loadPolicy(p.policy, { name: p.name });
  return authorize({
    request: new AwsRequestImpl(request.principal, { resource: request.resource, accountId: request.resourceAccount }, request.action, new RequestContextImpl(request.context)),
    sessionPolicy: undefined,
    identityPolicies: request.identityPolicies.map(load),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    resourcePolicy: request.resourcePolicy ? load(request.resourcePolicy) : undefined,
    permissionBoundaries: request.permissionBoundaries?.map(load),
    vpcEndpointPolicies: undefined,
    simulationParameters: { simulationMode: 'Strict', discoveryContextKeyConstraints: new DiscoveryContextKeyConstraints([]) },
    serviceSettings: { s3: {} },
  });
}
