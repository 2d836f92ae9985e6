/** Naming rules of AWS and Terraform (AWS documentation). Each returns a reason, or undefined when valid. */

export const ACCOUNT_ID = /^\d{12}$/;

/** Account keys name the stack, the provider alias and the backend workspace. */
export const ACCOUNT_KEY = /^[a-z][a-z0-9_-]{0,39}$/;

export const IAM_ROLE_ARN = /^arn:aws(-cn|-us-gov)?:iam::(\d{12}):role\/([\w+=,.@/-]{1,512})$/;

export function bucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return 'must be 3 to 63 characters long';
  if (/[A-Z]/.test(name)) return 'has capital letters, which S3 rejects';
  if (name.includes('*')) return 'contains a wildcard; name one bucket exactly';
  if (!/^[a-z0-9.-]+$/.test(name)) return 'may only contain lowercase letters, digits, `.` and `-`';
  if (!/^[a-z0-9].*[a-z0-9]$/.test(name)) return 'must start and end with a letter or digit';
  if (name.includes('..')) return 'must not contain `..`';
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return 'must not look like an IP address';
  for (const prefix of ['xn--', 'sthree-', 'amzn-s3-demo-']) {
    if (name.startsWith(prefix)) return `must not start with the reserved prefix \`${prefix}\``;
  }
  for (const suffix of ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3']) {
    if (name.endsWith(suffix)) return `must not end with the reserved suffix \`${suffix}\``;
  }
  return undefined;
}

export function accessPointNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 50) return 'must be 3 to 50 characters long';
  if (!/^[a-z0-9-]+$/.test(name)) return 'may only contain lowercase letters, digits and `-`';
  if (name.startsWith('-') || name.endsWith('-')) return 'must not start or end with `-`';
  if (name.endsWith('-s3alias')) return 'must not end with `-s3alias`';
  return undefined;
}

const IAM_NAME_CHARS = /^[A-Za-z0-9+=,.@_-]+$/;

/** Users and roles: 64 characters; groups and policies: 128. */
export function iamNameProblem(name: string, maxLength: number): string | undefined {
  if (name.length < 1 || name.length > maxLength) return `must be 1 to ${maxLength} characters long (it has ${name.length})`;
  if (!IAM_NAME_CHARS.test(name)) return 'may only contain letters, digits and `+=,.@_-`';
  return undefined;
}

export function iamPathProblem(path: string): string | undefined {
  if (path.length < 1 || path.length > 512) return 'must be 1 to 512 characters long';
  if (!path.startsWith('/') || !path.endsWith('/')) return 'must begin and end with `/`';
  if (!/^[\x21-\x7e]+$/.test(path)) return 'may only contain printable ASCII characters without spaces';
  return undefined;
}
