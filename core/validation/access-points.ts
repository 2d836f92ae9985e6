import { accessPointNameProblem } from '../aws/names';
import { checkKnownFields, isPlainObject } from './fields';
import { prefixProblem } from './key-prefix';
import { show, type ProblemList } from './problem';

/**
 * The access points of one bucket. `seen` holds the access point names of the whole account
 * (they are unique per account and region) with the field that declared each.
 */
export function validateAccessPoints(problems: ProblemList, file: string, at: string, accessPoints: unknown, seen: Map<string, string>): void {
  if (accessPoints === undefined) return;
  if (!Array.isArray(accessPoints)) {
    problems.add(file, at, `must be a list of access points, not ${show(accessPoints)}`, 'write accessPoints: [{ name: "analytics", prefix: "reports/" }]');
    return;
  }
  accessPoints.forEach((ap: unknown, i: number) => {
    const field = `${at}[${i}]`;
    if (!isPlainObject(ap)) {
      problems.add(file, field, `must be an access point object, not ${show(ap)}`, 'write { name: "analytics", prefix: "reports/" }');
      return;
    }
    checkKnownFields(problems, file, field, ap, ['name', 'prefix']);
    const reason = typeof ap.name === 'string' ? accessPointNameProblem(ap.name) : 'must be a string';
    if (reason) {
      problems.add(file, `${field}.name`, `${show(ap.name)} ${reason}`, 'use 3 to 50 lowercase letters, digits and "-", not starting or ending with "-"');
    } else {
      const other = seen.get(ap.name as string);
      if (other)
        problems.add(
          file,
          `${field}.name`,
          `${show(ap.name)} is also the name of ${other}`,
          'access point names are unique per account and region: give each its own name',
        );
      else seen.set(ap.name as string, field);
    }
    if (ap.prefix !== undefined) {
      const problem = prefixProblem(ap.prefix);
      if (problem)
        problems.add(file, `${field}.prefix`, `${show(ap.prefix)} ${problem}`, 'write the key prefix as stored, e.g. "sales_event/", or leave it out');
    }
  });
}
