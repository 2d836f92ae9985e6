import { namePart } from '../terraform-name';

/** Terraform addresses of the consumer's resources: `aws_iam_user.user_copier`. */
export const resourceId = (kind: string, name: string): string => `${kind}_${namePart(name)}`;
