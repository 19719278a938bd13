/** Types of examples.js, for the TypeScript tests. */
export interface ExampleNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id?: string; name: string }>;
}
export interface ExampleWorkflow {
	name: string;
	nodes: ExampleNode[];
	/** Output type (main, ai_tool…) → output index → the nodes it feeds. */
	connections: Record<
		string,
		Record<string, Array<Array<{ node: string; type: string; index: number }>>>
	>;
}
/** Every *.json in `folder` (default `examples`, from the repository's root), parsed. */
export function loadExamples(folder?: string): Array<{ file: string; workflow: ExampleWorkflow }>;
