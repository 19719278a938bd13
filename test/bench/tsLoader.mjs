// Lets the benchmark scripts require the TypeScript sources (engine harness, nodes) the way jest
// does: transpiled on the fly, `./X.node` resolving to X.node.ts before the codex X.node.json.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export const require = createRequire(import.meta.url);
const ts = require('typescript');
require.extensions['.ts'] = (module, filename) => {
	const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), {
		compilerOptions: {
			module: ts.ModuleKind.CommonJS,
			target: ts.ScriptTarget.ES2022,
			esModuleInterop: true,
		},
		fileName: filename,
	});
	module._compile(outputText, filename);
};
const Module = require('node:module');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
	if (request.startsWith('.') && parent?.filename?.endsWith('.ts')) {
		const candidate = path.resolve(path.dirname(parent.filename), `${request}.ts`);
		if (existsSync(candidate)) return candidate;
	}
	return resolveFilename.call(this, request, parent, ...rest);
};
process.env.N8N_LOG_LEVEL = 'silent';
