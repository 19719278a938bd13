'use strict';
// Workflow files read from disk (fs stays out of the TypeScript tests): the examples under
// examples/, and the end-to-end suite's workflows, saved as the node stood when each was written.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');

/** Every *.json in `folder` (from the repository's root), parsed, with its file name. */
function loadExamples(folder = 'examples') {
	const examplesDir = path.join(root, folder);
	return fs
		.readdirSync(examplesDir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({
			file,
			workflow: JSON.parse(fs.readFileSync(path.join(examplesDir, file), 'utf8')),
		}));
}

module.exports = { loadExamples };
