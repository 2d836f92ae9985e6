import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeAppliedView } from '../../rehearse/applied-view';
import { callApi, readBack, type ApiCall } from '../../rehearse/emulator-api';
import { Emulators } from '../../rehearse/emulators';
import { checkPrerequisites } from '../../rehearse/prerequisites';
import { readOutput } from '../../core/synthesized/output';
import { tempDir } from '../support/organisation-files';

/**
 * The emulator side of the rehearsal: servers per account that stop with the process, changes by
 * hand, and the read-back that the access proof then evaluates. Needs Python's moto.
 */
const tools = checkPrerequisites();
if (!tools.found) console.warn(`\n*** REHEARSAL EMULATOR TESTS SKIPPED: ${tools.reason} ***\n`);
const withEmulator = tools.found ? test : test.skip;
const python = tools.found ? tools.python : '';

const folders: string[] = [];
afterAll(() => folders.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));
const folder = (): string => {
  const dir = tempDir('rehearsal-emulator-');
  folders.push(dir);
  return dir;
};

const running = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A stopped child that nobody reaped yet is a zombie: it no longer runs.
  const stat = fs.existsSync(`/proc/${pid}/stat`) ? fs.readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/^\d+ \(.*\) Z/.test(stat);
};

const doc = (statement: object): string => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });

withEmulator('one server per account answers as that account, and every server stops with stopAll', async () => {
  const emulators = new Emulators(python, folder());
  try {
    const owner = await emulators.start('111111111111');
    const consumer = await emulators.start('222222222222');
    expect(owner.port).not.toBe(consumer.port);
    expect((await readBack(python, owner, ['us-east-1'])).accountId).toBe('111111111111');
    expect((await readBack(python, consumer, ['us-east-1'])).accountId).toBe('222222222222');
    expect([owner.pid, consumer.pid].map(running)).toEqual([true, true]);
    await emulators.stopAll();
    expect([owner.pid, consumer.pid].map(running)).toEqual([false, false]);
    expect(emulators.pids()).toEqual([]);
  } finally {
    await emulators.stopAll();
  }
});

withEmulator('a rehearsal stopped by SIGTERM stops the servers it started', async () => {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', path.join(__dirname, '..', 'support', 'hold-emulator.ts'), python, folder()], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const pid = await new Promise<number>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /emulator pid (\d+)/.exec(out);
      if (match) resolve(Number(match[1]));
    });
    child.once('exit', (code) => reject(new Error(`the holder exited (${code}) before starting its emulator`)));
  });
  expect(running(pid)).toBe(true);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  expect(await exited).toBe(143);
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(running(pid)).toBe(false);
});

withEmulator(
  'what an account holds is read back into the shape the access proof reads: documents, attachments, memberships, boundaries, keys and access points',
  async () => {
    const emulators = new Emulators(python, folder());
    try {
      const account = await emulators.start('111111111111');
      const region = 'eu-west-1';
      const iam = (operation: string, params: Record<string, unknown>): ApiCall => ({ service: 'iam', region, operation, params });
      const s3 = (service: string, operation: string, params: Record<string, unknown>): ApiCall => ({ service, region, operation, params });
      const policyArn = (name: string): string => `arn:aws:iam::111111111111:policy/${name}`;
      const read = doc({ Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared-data/*' });
      const personal = doc({ Sid: 'Home', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared-data/home/${aws:username}/*' });
      const boundary = doc({ Sid: 'Cap', Effect: 'Allow', Action: 's3:*', Resource: '*' });
      const bucketPolicy = doc({
        Sid: 'Grant',
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::222222222222:root' },
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::shared-data/*',
      });
      const [, , , , , , , , , key] = (await callApi(python, account, [
        iam('create_policy', { PolicyName: 'data-read', PolicyDocument: read }),
        iam('create_policy', { PolicyName: 'boundary', PolicyDocument: boundary }),
        iam('create_role', {
          RoleName: 'analyst',
          Path: '/teams/',
          AssumeRolePolicyDocument: doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }),
          PermissionsBoundary: policyArn('boundary'),
          Tags: [{ Key: 'team', Value: 'analytics' }],
        }),
        iam('attach_role_policy', { RoleName: 'analyst', PolicyArn: policyArn('data-read') }),
        iam('put_role_policy', { RoleName: 'analyst', PolicyName: 'extra', PolicyDocument: personal }),
        iam('create_user', { UserName: 'alice' }),
        iam('create_group', { GroupName: 'team' }),
        iam('add_user_to_group', { GroupName: 'team', UserName: 'alice' }),
        iam('attach_group_policy', { GroupName: 'team', PolicyArn: policyArn('data-read') }),
        s3('kms', 'create_key', {
          Policy: doc({ Sid: 'Admin', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111111111111:root' }, Action: 'kms:*', Resource: '*' }),
        }),
      ])) as Array<{ KeyMetadata?: { Arn: string } }>;
      const keyArn = key.KeyMetadata!.Arn;
      await callApi(python, account, [
        s3('s3', 'create_bucket', { Bucket: 'shared-data', CreateBucketConfiguration: { LocationConstraint: region } }),
        s3('s3', 'put_bucket_policy', { Bucket: 'shared-data', Policy: bucketPolicy }),
        s3('s3', 'put_bucket_encryption', {
          Bucket: 'shared-data',
          ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: keyArn } }] },
        }),
        s3('s3control', 'create_access_point', { AccountId: '111111111111', Name: 'reports', Bucket: 'shared-data' }),
        s3('s3control', 'put_access_point_policy', { AccountId: '111111111111', Name: 'reports', Policy: bucketPolicy }),
      ]);

      const holdings = await readBack(python, account, [region]);
      const role = holdings.iam.roles.find((r) => r.name === 'analyst')!;
      expect(role).toMatchObject({ path: '/teams/', boundary: policyArn('boundary'), attached: [policyArn('data-read')], inline: [{ name: 'extra' }] });
      expect(holdings.iam.users.find((u) => u.name === 'alice')!.groups).toEqual(['team']);
      expect(holdings.buckets).toEqual([expect.objectContaining({ name: 'shared-data', region, encryption: { algorithm: 'aws:kms', kmsKeyId: keyArn } })]);
      expect(holdings.accessPoints).toEqual([expect.objectContaining({ name: 'reports', bucket: 'shared-data', region })]);

      const view = path.join(folder(), 'applied');
      writeAppliedView([{ key: 'owner', accountId: '111111111111', regions: [region], holdings }], view);
      const output = readOutput(view);
      expect(output.problems()).toEqual([]);
      const analyst = output.principal('arn:aws:iam::111111111111:role/teams/analyst')!;
      expect(analyst.identityPolicies.map((p) => p.label).sort()).toEqual(['data-read', 'extra']);
      // A policy variable reaches the proof as written: the view escapes every literal it writes.
      expect(analyst.identityPolicies.find((p) => p.label === 'extra')!.document).toEqual(JSON.parse(personal));
      expect(analyst.boundary?.document).toEqual(JSON.parse(boundary));
      expect(analyst.tags).toEqual({ team: 'analytics' });
      expect(output.principal('arn:aws:iam::111111111111:user/alice')!.identityPolicies.map((p) => p.label)).toEqual(['data-read (group team)']);
      const bucket = output.bucket('shared-data')!;
      expect(bucket.policy!.document).toEqual(JSON.parse(bucketPolicy));
      expect(bucket.key!.arn).toBe(keyArn);
      expect(bucket.accessPoints.map((ap) => [ap.arn, ap.policy?.document])).toEqual([
        [`arn:aws:s3:${region}:111111111111:accesspoint/reports`, JSON.parse(bucketPolicy)],
      ]);
    } finally {
      await emulators.stopAll();
    }
  },
);

withEmulator(
  "a retried IAM create gets the first attempt's answer; a second resource of the same name and a create after a deletion are handled as AWS does",
  async () => {
    const emulators = new Emulators(python, folder());
    try {
      const account = await emulators.start('111111111111');
      const iam = async (params: Record<string, string>): Promise<{ status: number; text: string }> => {
        const response = await fetch(account.endpoint, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
            authorization: 'AWS4-HMAC-SHA256 Credential=AKIAREHEARSAL0000000/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0',
          },
          body: new URLSearchParams({ ...params, Version: '2010-05-08' }).toString(),
        });
        return { status: response.status, text: await response.text() };
      };
      const trust = doc({ Effect: 'Allow', Principal: { Service: 'sagemaker.amazonaws.com' }, Action: 'sts:AssumeRole' });
      const create = { Action: 'CreateRole', RoleName: 'retried', AssumeRolePolicyDocument: trust };

      const first = await iam(create);
      expect(first.status).toBe(200);
      // The SDK sends the same request again when it lost the answer: it gets the same answer.
      expect(await iam(create)).toEqual(first);
      // Another role of the same name is a different request: refused, as AWS refuses it.
      expect((await iam({ ...create, Description: 'another role' })).status).toBe(409);
      // Deleted by hand, the role is created again by the same request.
      expect((await iam({ Action: 'DeleteRole', RoleName: 'retried' })).status).toBe(200);
      expect((await iam({ Action: 'GetRole', RoleName: 'retried' })).status).toBe(404);
      expect((await iam(create)).status).toBe(200);
      expect((await iam({ Action: 'GetRole', RoleName: 'retried' })).status).toBe(200);
    } finally {
      await emulators.stopAll();
    }
  },
);
