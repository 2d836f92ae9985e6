import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/**
 * The floor as a cdktf project of its own: the bare app of floor-app.ts, transpiled once to plain
 * JavaScript (no transpiler at run time, the fastest a cdktf app can start), with a cdktf.json
 * whose app command runs it, so that `npx cdktf synth` can be timed on it exactly as on ours.
 */
export function writeFloorProject(dir: string, projectRoot: string): { dir: string; app: string } {
  fs.mkdirSync(dir, { recursive: true });
  const source = fs.readFileSync(path.join(__dirname, 'floor-app.ts'), 'utf8');
  const app = path.join(dir, 'floor-app.js');
  fs.writeFileSync(app, ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText);
  fs.symlinkSync(path.join(projectRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  fs.writeFileSync(path.join(dir, 'cdktf.json'), JSON.stringify({ language: 'typescript', app: 'node floor-app.js 1', projectId: 'floor', sendCrashReports: 'false', terraformProviders: [], terraformModules: [], context: {} }));
  return { dir, app };
}
