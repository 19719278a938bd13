'use strict';
// `npm pack` into a temporary folder and unpack it: what npm would publish, as files on disk.
// Used by scripts/scan.mjs (the community package scanner's tarball pass) and by
// test/helpers/pack.js (the package test). CommonJS so that both can load it.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** A fresh temporary folder, with a function that removes it. */
function makeWorkDir(prefix) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Packs the package in `packageRoot` as it is now (build it first) into `destination` and
 * extracts it there. Returns the tarball path, its size, npm's sorted file list and the
 * unpacked `package/` folder.
 */
function packAndExtract(packageRoot, destination) {
	const packed = spawnSync(
		'npm',
		['pack', '--json', '--ignore-scripts', '--pack-destination', destination],
		{ cwd: packageRoot, encoding: 'utf8', shell: process.platform === 'win32' },
	);
	if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
	const [info] = JSON.parse(packed.stdout);
	const tarball = path.join(destination, info.filename);
	const extractDir = path.join(destination, 'extracted');
	fs.mkdirSync(extractDir);
	const untar = spawnSync('tar', ['-xzf', tarball, '-C', extractDir], { encoding: 'utf8' });
	if (untar.status !== 0) throw new Error(`tar failed:\n${untar.stderr}`);
	return {
		tarball,
		size: info.size,
		unpackedSize: info.unpackedSize,
		files: info.files.map((file) => file.path).sort(),
		packageDir: path.join(extractDir, 'package'),
	};
}

module.exports = { makeWorkDir, packAndExtract };
