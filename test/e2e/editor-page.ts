// Driving n8n's editor in headless Chromium, with selectors that hold on both n8n 1.x and 2.x:
// the `data-test-id` attributes n8n's own end-to-end tests use, and ARIA roles.
import {
	chromium,
	selectors,
	type Browser,
	type BrowserContext,
	type ConsoleMessage,
	type Page,
} from 'playwright-core';
import { existsSync } from 'fs';

import type { RunningN8n } from '../../scripts/n8n';

// Debian's chromium package; `npx playwright install` cannot download a browser here.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without the background-networking flags Chromium keeps calling Google's services, which a closed network refuses.
const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

selectors.setTestIdAttribute('data-test-id');

/** Headless Chromium with a fresh profile (Playwright makes a new temporary user-data-dir per launch). */
export async function launchChromium(): Promise<Browser> {
	if (!existsSync(CHROMIUM)) {
		throw new Error(
			`No Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH`,
		);
	}
	return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** A page on n8n's origin only: requests anywhere else are refused, so the test never depends on the internet. */
export async function openEditorPage(
	browser: Browser,
	n8n: RunningN8n,
): Promise<{ context: BrowserContext; page: Page }> {
	const origin = new URL(n8n.url).origin;
	const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
	await context.route(
		(url) => url.origin !== origin,
		(route) => route.abort('blockedbyclient'),
	);
	return { context, page: await context.newPage() };
}

interface BrowserError {
	text: string;
	/** The resource a failed load was for, or the script a console error came from. */
	url: string;
	stack: string;
	/** For a failed request to n8n: the message n8n answered with. */
	response: string;
}

/** Errors the editor reports for reasons that have nothing to do with this package. */
const BENIGN_ERRORS: Array<{ why: string; matches: (error: BrowserError) => boolean }> = [
	{
		why: 'before signing in, the editor asks n8n whether a session exists and gets 401',
		matches: (e) => /\/rest\/login$/.test(e.url) && e.text.includes('401'),
	},
	{
		why: "the node creator looks the community package up on npm's registry (blocked here; the package may not be published)",
		matches: (e) => e.url.startsWith('https://registry.npmjs.org/'),
	},
	{
		why: 'a field with options loaded from the account asks for them before a credential is chosen; n8n refuses with 500',
		matches: (e) =>
			e.url.includes('/rest/dynamic-node-parameters/') &&
			e.response === 'Node does not have any credentials set',
	},
	{
		why: "for the input of a node after a trigger that has not run, the editor asks for the trigger's output schema preview (nodes' optional __schema__ files; this package ships none, so n8n answers 404)",
		matches: (e) =>
			/\/schemas\/n8n-nodes-imagekit\.[A-Za-z]+\/[\d.]+\.json$/.test(e.url) &&
			e.text.includes('404'),
	},
	{
		why: 'n8n 1.x reads settings.versionNotifications on sign-in before loading the settings that hold it (they are off here)',
		matches: (e) => e.text.includes("reading 'enabled'") && e.stack.includes('versions.store'),
	},
];

/** The message of n8n's JSON error body (its stack trace says nothing about the editor). */
function n8nMessage(body: string): string {
	try {
		return String(JSON.parse(body).message);
	} catch {
		return body.slice(0, 300);
	}
}

/** Collects console errors and uncaught exceptions of a page, with n8n's answer to each failed request. */
export class BrowserErrors {
	private pending: BrowserError[] = [];
	/** Bodies of n8n's error responses by URL, in arrival order, matched to "Failed to load resource" errors. */
	private readonly failedResponses = new Map<string, Array<Promise<string>>>();

	constructor(page: Page, n8n: RunningN8n) {
		page.on('response', (response) => {
			if (response.status() < 400 || !response.url().startsWith(n8n.url)) return;
			const bodies = this.failedResponses.get(response.url()) ?? [];
			bodies.push(response.text().catch(() => ''));
			this.failedResponses.set(response.url(), bodies);
		});
		page.on('console', (message: ConsoleMessage) => {
			if (message.type() !== 'error') return;
			this.pending.push({
				text: message.text(),
				url: message.location().url,
				stack: '',
				response: '',
			});
		});
		page.on('pageerror', (error) =>
			this.pending.push({ text: error.message, url: '', stack: error.stack ?? '', response: '' }),
		);
	}

	/** The errors since the last call that no benign rule explains, as readable lines. */
	async take(): Promise<string[]> {
		const errors = this.pending;
		this.pending = [];
		for (const error of errors) {
			const body = this.failedResponses.get(error.url)?.shift();
			if (body) error.response = n8nMessage(await body);
		}
		return errors
			.filter((error) => !BENIGN_ERRORS.some((rule) => rule.matches(error)))
			.map((e) => [e.text, e.url, e.response, e.stack].filter(Boolean).join(' @ '));
	}
}

export async function signIn(page: Page, n8n: RunningN8n): Promise<void> {
	const owner = n8n.owner!;
	await page.goto(`${n8n.url}/signin`);
	await page.locator('input[name="emailOrLdapLoginId"]').fill(owner.email);
	await page.locator('input[name="password"]').fill(owner.password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
}

/** The description under the node picker's entry titled `title` (an app with actions, or a single node); '' for none. */
export async function pickerEntryDescription(page: Page, title: string): Promise<string> {
	const entry = page
		.getByTestId('node-creator-action-item')
		.or(page.getByTestId('node-creator-node-item'))
		.filter({ has: page.getByTestId('node-creator-item-name').getByText(title, { exact: true }) });
	await entry.waitFor();
	const description = entry.getByTestId('node-creator-item-description');
	return (await description.count()) ? (await description.innerText()).trim() : '';
}

/** Picks an option in a node parameter's dropdown by its display name. */
export async function chooseOption(
	page: Page,
	parameter: string,
	optionName: string,
): Promise<void> {
	await page.getByTestId(`parameter-input-${parameter}`).click();
	// Closed dropdowns stay in the page, hidden; options show their name above a description.
	const option = page
		.getByRole('option')
		.filter({ visible: true })
		.filter({ has: page.getByText(optionName, { exact: true }) });
	// A click event straight on the option: the dropdown need not finish its opening animation first.
	await option.dispatchEvent('click');
}

export function selectedOption(page: Page, parameter: string): Promise<string> {
	return page.getByTestId(`parameter-input-${parameter}`).locator('input').inputValue();
}

/** The parameters the panel shows, as `label[for=<name>]` with the display name as its first line. */
export async function shownParameters(
	page: Page,
): Promise<Array<{ name: string; displayName: string }>> {
	return page
		.getByTestId('node-parameters')
		.locator('label[for]')
		.filter({ visible: true })
		.evaluateAll((labels) =>
			labels.map((label) => ({
				name: label.getAttribute('for') ?? '',
				// The first line; a required field's label ends in " *".
				displayName: (label as unknown as { innerText: string }).innerText
					.split('\n')[0]
					.replace(/\s*\*$/, '')
					.trim(),
			})),
		);
}

/** What n8n shows instead of a node whose type it does not know. */
export async function unknownNodePlaceholders(page: Page): Promise<string[]> {
	return page
		.getByText(/install this node|not currently installed|unknown node/i)
		.filter({ visible: true })
		.allInnerTexts();
}

/** Polls `check` until it returns nothing (all good) or `timeoutMs` passes; then throws the last problem. */
export async function waitUntilFine(
	check: () => Promise<string | undefined>,
	timeoutMs = 10000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const problem = await check();
		if (!problem) return;
		if (Date.now() > deadline) throw new Error(problem);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
}
