import type { IExecuteSingleFunctions } from 'n8n-workflow';
import { valueAt } from './payload';
import { refuseToSend } from './validate';

/**
 * The value of the input item's field whose name the user typed into `parameter`: a plain name,
 * or a dot path such as `body.flow`. Refuses the item when it has no such field.
 */
export function valueOfInputField(this: IExecuteSingleFunctions, parameter: string): unknown {
	const fieldName = String(this.getNodeParameter(parameter, '')).trim();
	const json = this.getInputData().json;
	const value = fieldName in json ? json[fieldName] : valueAt(json, fieldName);
	if (value === undefined || value === null)
		refuseToSend(this, `The input item has no field "${fieldName}"`);
	return value;
}
