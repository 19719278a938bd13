/** GET lists the flows; DEL deletes one. */
export const FLOW_PATH = '/flow';
/** The reference: GET /flow's `limit` is "Number of flows to get", required, with no maximum given. */
export const FLOW_PAGE_SIZE = 100;
