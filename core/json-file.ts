import * as fs from 'node:fs';
import { printParseErrorCode, visit, type JSONPath } from 'jsonc-parser';
import type { ProblemList } from './validation/problem';

/** `buckets[0].grants[1]`: the field path of a JSON path, as messages write it. */
export function fieldPath(path: JSONPath): string {
  return path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i === 0 ? segment : `.${segment}`)).join('');
}

/**
 * Reads a hand-edited JSON file strictly. Besides syntax errors (with line and column) it refuses
 * what `JSON.parse` accepts silently: a key given twice in one object (a reviewer reads the first,
 * `JSON.parse` keeps the last) and the key `__proto__` (JavaScript code reading the value would
 * change the object's prototype instead of setting a field). Returns undefined after a problem.
 */
export function readJsonFile(problems: ProblemList, file: string, filePath: string): unknown {
  const text = fs.readFileSync(filePath, 'utf8').replace(/^\uFEFF/, '');
  const before = problems.problems.length;
  const keysOfOpenObjects: Array<Map<string, number>> = [];
  visit(
    text,
    {
      onObjectBegin: () => void keysOfOpenObjects.push(new Map()),
      onObjectEnd: () => void keysOfOpenObjects.pop(),
      onObjectProperty: (property, _offset, _length, startLine, _startCharacter, pathSupplier) => {
        const keys = keysOfOpenObjects[keysOfOpenObjects.length - 1];
        const at = fieldPath([...pathSupplier(), property]);
        const first = keys.get(property);
        if (first !== undefined) {
          const lines = first === startLine ? `twice on line ${first + 1}` : `on lines ${first + 1} and ${startLine + 1}`;
          problems.add(file, at, `is given twice in one object (${lines}): a reader sees the first, but JSON.parse keeps the last`, 'keep one of them');
        } else if (property === '__proto__') {
          problems.add(
            file,
            at,
            'is not a usable key: "__proto__" would change the object itself in JavaScript',
            'remove it (no field of the organisation is called "__proto__")',
          );
        }
        keys.set(property, first ?? startLine);
      },
      onError: (error, _offset, _length, startLine, startCharacter) => {
        if (problems.problems.length > before) return; // the first syntax error is the one to fix
        problems.add(
          file,
          '',
          `is not valid JSON: ${describe(printParseErrorCode(error))} at line ${startLine + 1}, column ${startCharacter + 1}`,
          'fix the syntax of the file (JSON allows no comments and no trailing commas)',
        );
      },
    },
    { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false },
  );
  if (problems.problems.length > before) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    problems.add(file, '', `is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, 'fix the syntax of the file');
    return undefined;
  }
}

/** `CloseBraceExpected` → `close brace expected`. */
const describe = (code: string): string => code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
