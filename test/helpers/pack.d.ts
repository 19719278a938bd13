/** Types of pack.js, for the TypeScript tests. */
export interface PackedPackage {
	/** Source files the build turns into dist/: nodes/**, credentials/**, icons/** (posix paths). */
	buildInputs: string[];
	/** Paths in the tarball, relative to its package/ folder, sorted. */
	files: string[];
	size: number;
	unpackedSize: number;
	packageJson: {
		name: string;
		files: string[];
		n8n: { nodes: string[]; credentials: string[] };
		dependencies?: Record<string, string>;
	};
	/** Module names the packed JavaScript requires that are not relative files. */
	externalRequires: string[];
	loaded: {
		nodes: Array<{ name: string; displayName: string; properties: number; icon: unknown }>;
		credentials: Array<{ name: string; displayName: string; properties: number }>;
	};
	/** Icon files the node names that are not in the tarball. */
	missingIcons: string[];
}
export function buildPackAndLoad(): PackedPackage;
