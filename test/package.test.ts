import { buildPackAndLoad, type PackedPackage } from './helpers/pack';

/**
 * What `npm publish` ships: built in a scratch copy of the repository with `n8n-node build`,
 * packed with `npm pack`, unpacked, and loaded with nothing but n8n-workflow installed.
 */
describe('published package', () => {
	let packed: PackedPackage;

	beforeAll(() => {
		packed = buildPackAndLoad();
	}, 240_000);

	/** dist/ as the build makes it from the sources, without source maps and tsbuildinfo. */
	const expectedFiles = (inputs: string[]) =>
		[
			'CHANGELOG.md',
			'LICENSE.md',
			'README.md',
			'package.json',
			...inputs.flatMap((file) => {
				if (file.endsWith('.d.ts')) return [`dist/${file}`];
				if (file.endsWith('.ts')) {
					const base = file.slice(0, -'.ts'.length);
					return [`dist/${base}.js`, `dist/${base}.d.ts`];
				}
				return [`dist/${file}`];
			}),
		].sort();

	it('holds exactly dist (code, declarations, codex, icons), README, LICENSE, CHANGELOG and package.json', () => {
		expect(packed.files).toEqual(expectedFiles(packed.buildInputs));
	});

	it('holds no tests, sandbox, source maps, tsbuildinfo or source TypeScript', () => {
		const unwanted = packed.files.filter((file) =>
			/(^|\/)(test|sandbox|scripts|examples)\/|\.map$|\.tsbuildinfo$|(?<!\.d)\.ts$|^dist\/package\.json$/.test(
				file,
			),
		);
		expect(unwanted).toEqual([]);
		expect(packed.files.every((file) => /^(dist\/|[A-Z]+\.md$|package\.json$)/.test(file))).toBe(
			true,
		);
	});

	it('has no runtime dependencies and requires only n8n-workflow and node:crypto', () => {
		expect(packed.packageJson.dependencies ?? {}).toEqual({});
		const allowed = ['n8n-workflow', 'crypto', 'node:crypto'];
		expect(packed.externalRequires.filter((name) => !allowed.includes(name))).toEqual([]);
		expect(packed.externalRequires).toContain('n8n-workflow');
	});

	it('loads the nodes and the credential from the tarball with only n8n-workflow installed', () => {
		expect(packed.loaded.nodes).toEqual([
			expect.objectContaining({
				name: 'woztellWhatsAppCloud',
				displayName: 'WOZTELL WhatsApp Cloud',
			}),
			expect.objectContaining({
				name: 'woztellWhatsAppCloudTrigger',
				displayName: 'WOZTELL WhatsApp Cloud Trigger',
				icon: {
					light: 'file:../../icons/woztellTrigger.svg',
					dark: 'file:../../icons/woztellTrigger.dark.svg',
				},
			}),
			expect.objectContaining({
				name: 'woztellWhatsAppCloudMessageTrigger',
				displayName: 'WOZTELL WhatsApp Cloud Message Trigger',
				icon: {
					light: 'file:../../icons/woztellMessageTrigger.svg',
					dark: 'file:../../icons/woztellMessageTrigger.dark.svg',
				},
			}),
		]);
		expect(packed.loaded.nodes[0].properties).toBeGreaterThan(10);
		expect(packed.loaded.credentials).toEqual([
			expect.objectContaining({
				name: 'woztellWhatsAppCloudApi',
				displayName: 'WOZTELL WhatsApp Cloud API',
			}),
		]);
		expect(packed.missingIcons).toEqual([]);
	});

	it('stays small', () => {
		expect(packed.size).toBeLessThan(150_000);
	});
});
