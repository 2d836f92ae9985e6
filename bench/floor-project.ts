import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/**
 * The floor as a cdktf project of its own: the bare app of floor-app.ts and the seam modules it
 * imports (blueprints/cdk.ts, blueprints/aws.ts), transpiled once to plain JavaScript (no
 * transpiler at run time, the fastest a cdktf app can start) in the same layout, with a
 * cdktf.json whose app command runs it, so that `npx cdktf synth` can be timed on it exactly as
 * on ours.
 */
export function writeFloorProject(dir: string, projectRoot: string): { dir: string; app: string } {
  const transpile = (relative: string): string => {
    const source = fs.readFileSync(path.join(projectRoot, relative), 'utf8');
    const target = path.join(dir, relative.replace(/\.ts$/, '.js'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText);
    return target;
  };
  fs.mkdirSync(dir, { recursive: true });
  transpile('blueprints/cdk.ts');
  transpile('blueprints/aws.ts');
  const app = transpile('bench/floor-app.ts');
  fs.symlinkSync(path.join(projectRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  fs.writeFileSync(
    path.join(dir, 'cdktf.json'),
    JSON.stringify({
      language: 'typescript',
      app: 'node bench/floor-app.js 1',
      projectId: 'floor',
      sendCrashReports: 'false',
      terraformProviders: [],
      terraformModules: [],
      context: {},
    }),
  );
  return { dir, app };
}
