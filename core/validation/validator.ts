import type { Organisation } from '../model';
import type { ProblemList } from './problem';

/** A validator of one concern of the organisation: it adds every problem it finds to the list. */
export type Validator = (problems: ProblemList, org: Organisation) => void;
