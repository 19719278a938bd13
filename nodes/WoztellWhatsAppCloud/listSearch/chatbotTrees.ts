import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { connectionNodes, openApiRequest } from '../../shared/openApi';

/**
 * WOZTELL's public pages name no scope for reading chatbot trees; its access-token page's
 * api:admin "Grant all APIs access" covers them.
 */
const TREE_SCOPE = 'api:admin';

/** `getTreesQuery` of WOZTELL's own n8n package (nodes/Woztell/BaseQueries.ts). */
const TREES = `query getTrees($first: IntMax100, $search: String) {
  apiViewer {
    trees (first: $first, search: $search) {
      edges {
        node {
          name
          _id
        }
      }
    }
  }
}`;

/** `getNodesQuery` of the same package: the nodes of the trees given, the tree's own only. */
const NODES = `query getNodes($treeIds: [ID]) {
  apiViewer {
    nodes (treeIds: $treeIds, first: 100, global: false) {
      edges {
        node {
          _id
          name
          compositeId
        }
      }
    }
  }
}`;

/** The chatbot trees whose names hold what is typed (WOZTELL searches); the first 100. */
export async function searchTrees(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const search = filter?.trim() ?? '';
	const data = await openApiRequest.call(
		this,
		TREES,
		{ first: 100, ...(search ? { search } : {}) },
		{ scope: TREE_SCOPE },
	);
	return {
		results: connectionNodes(data, 'apiViewer.trees').map((tree) => ({
			name: String(tree.name ?? tree._id),
			value: String(tree._id),
		})),
	};
}

/**
 * The nodes of the tree chosen in the Tree field, by name; the value is the node's `compositeId`,
 * which the Bot API's redirect takes as `nodeCompositeId` (as WOZTELL's package does).
 */
export async function searchTreeNodes(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const tree = String(this.getCurrentNodeParameter('tree', { extractValue: true }) ?? '').trim();
	if (!tree) return { results: [] };
	const data = await openApiRequest.call(this, NODES, { treeIds: [tree] }, { scope: TREE_SCOPE });
	const needle = filter?.trim().toLowerCase();
	return {
		results: connectionNodes(data, 'apiViewer.nodes')
			.map((node: IDataObject) => ({
				name: String(node.name ?? node.compositeId),
				value: String(node.compositeId),
			}))
			.filter((node) => !needle || node.name.toLowerCase().includes(needle)),
	};
}
