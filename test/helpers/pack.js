'use strict';
// Builds and packs the package in a scratch copy of the repository, then loads the packed node
// and credential the way n8n would, with only n8n-workflow installed beside them.
// (fs and child_process live here, out of the TypeScript tests.)
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { makeWorkDir, packAndExtract } = require('../../scripts/pack.cjs');

const repoRoot = path.resolve(__dirname, '../..');
/** Not part of a checkout (see .gitignore) or rebuilt: left out of the scratch copy. */
const notCopied = new Set(['node_modules', 'dist', '.git', '.n8n-dev', 'coverage']);

function run(command, args, options) {
	const result = spawnSync(command, args, { encoding: 'utf8', ...options });
	if (result.status !== 0) {
		throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
	}
	return result.stdout;
}

/** Every module name the packed JavaScript requires that is not a relative file. */
function externalRequires(packageDir) {
	const found = new Set();
	const walk = (dir) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory() && entry.name !== 'node_modules') walk(full);
			else if (entry.name.endsWith('.js')) {
				const source = fs.readFileSync(full, 'utf8');
				for (const match of source.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)) {
					if (!match[1].startsWith('.')) found.add(match[1]);
				}
				if (/\bimport\s*\(|\brequire\(\s*[^"'`\s]/.test(source)) found.add('<dynamic>');
			}
		}
	};
	walk(path.join(packageDir, 'dist'));
	return [...found].sort();
}

/** The files the build compiles or copies: .ts under nodes/ and credentials/, the codex, icons. */
function buildInputs() {
	const found = [];
	const walk = (relative) => {
		for (const entry of fs.readdirSync(path.join(repoRoot, relative), { withFileTypes: true })) {
			const child = path.posix.join(relative, entry.name);
			if (entry.isDirectory()) walk(child);
			else found.push(child);
		}
	};
	['nodes', 'credentials', 'icons'].forEach(walk);
	return found.sort();
}

/** Requires every node and credential listed in the packed package.json, in a fresh process. */
function loadPacked(packageDir) {
	fs.mkdirSync(path.join(packageDir, 'node_modules'));
	fs.symlinkSync(
		path.join(repoRoot, 'node_modules/n8n-workflow'),
		path.join(packageDir, 'node_modules/n8n-workflow'),
		'dir',
	);
	const script = `
		const path = require('node:path');
		const { n8n } = require('./package.json');
		// As n8n does: the class named like the file (Foo.node.js exports class Foo).
		const load = (file) => {
			const className = path.basename(file).split('.')[0];
			const Type = require(path.resolve(file))[className];
			return new Type();
		};
		const nodes = n8n.nodes.map(load).map((node) => ({
			name: node.description.name,
			displayName: node.description.displayName,
			properties: node.description.properties.length,
			icon: node.description.icon,
		}));
		const credentials = n8n.credentials.map(load).map((credential) => ({
			name: credential.name,
			displayName: credential.displayName,
			properties: credential.properties.length,
		}));
		process.stdout.write(JSON.stringify({ nodes, credentials }));
	`;
	const env = { ...process.env };
	delete env.NODE_PATH;
	delete env.NODE_OPTIONS;
	return JSON.parse(run(process.execPath, ['-e', script], { cwd: packageDir, env }));
}

/**
 * Copies the repository (without node_modules, dist, .git…) to a scratch folder, runs
 * `n8n-node build` and `npm pack` there, extracts the tarball and loads what it holds.
 */
function buildPackAndLoad() {
	const work = makeWorkDir('woztell-package-test-');
	try {
		const copy = path.join(work.dir, 'repo');
		fs.cpSync(repoRoot, copy, {
			recursive: true,
			filter: (source) => {
				const relative = path.relative(repoRoot, source);
				const top = relative.split(path.sep)[0];
				return !notCopied.has(top) && !relative.endsWith('.tgz');
			},
		});
		fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
		run(
			process.execPath,
			[path.join(repoRoot, 'node_modules/@n8n/node-cli/bin/n8n-node.mjs'), 'build'],
			{ cwd: copy, env: { ...process.env, CI: '1' } },
		);
		const packed = packAndExtract(copy, work.dir);
		const packedPackageJson = JSON.parse(
			fs.readFileSync(path.join(packed.packageDir, 'package.json'), 'utf8'),
		);
		const requires = externalRequires(packed.packageDir);
		const loaded = loadPacked(packed.packageDir);
		const iconFiles = loaded.nodes.flatMap((node) =>
			Object.values(node.icon).map((icon) => String(icon).replace(/^file:/, '')),
		);
		const nodeDir = path.dirname(path.join(packed.packageDir, packedPackageJson.n8n.nodes[0]));
		const missingIcons = iconFiles.filter((icon) => !fs.existsSync(path.resolve(nodeDir, icon)));
		return {
			buildInputs: buildInputs(),
			files: packed.files,
			size: packed.size,
			unpackedSize: packed.unpackedSize,
			packageJson: packedPackageJson,
			externalRequires: requires,
			loaded,
			missingIcons,
		};
	} finally {
		work.cleanup();
	}
}

module.exports = { buildPackAndLoad };
