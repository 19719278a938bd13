// n8n's sign-in screen.
import { OWNER } from '../../../scripts/n8n-process.mjs';

/** The first full load of the editor takes 10–20 s on a busy 2-core machine. */
export const FIRST_LOAD_MS = 90_000;

export async function signIn(page, url, owner = OWNER) {
	await page.goto(`${url}/signin`, { timeout: FIRST_LOAD_MS });
	await page.getByTestId('emailOrLdapLoginId').locator('input').fill(owner.email);
	await page.getByTestId('password').locator('input').fill(owner.password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL(/\/home\//, { timeout: FIRST_LOAD_MS });
}
