/** Types of readme.js, for the TypeScript tests. */
export function readReadme(): string;
