// The ImageKit nodes as a user meets them: headless Chromium signs in to a real n8n, finds the nodes in
// the node picker, starts a new workflow with the ImageKit Trigger and follows its set-up notice, adds
// the ImageKit node, walks every resource and operation in its panel and opens its credential dialog.
// Screenshots go to artifacts/editor/<n8n version>/ (gitignored) for a human to look at.
import { mkdirSync, rmSync } from 'fs';
import path from 'path';
import type { Browser, Page } from 'playwright-core';

import { freePort, startN8n, type RunningN8n } from '../../scripts/n8n';
import {
	credentialFields,
	nodeDescription,
	operationStops,
	type OperationStop,
} from './editor-description';
import {
	BrowserErrors,
	chooseOption,
	launchChromium,
	openEditorPage,
	pickerEntryDescription,
	selectedOption,
	shownParameters,
	signIn,
	unknownNodePlaceholders,
	waitUntilFine,
} from './editor-page';
import { E2E_VERSIONS } from './versions';

const stops = operationStops();

describe.each(E2E_VERSIONS)('the ImageKit node in the n8n %s editor', (version) => {
	let n8n: RunningN8n;
	let browser: Browser;
	let page: Page;
	let errors: BrowserErrors;
	let screenshots: string;
	let screenshotCount = 0;

	const screenshot = async (name: string) => {
		screenshotCount += 1;
		const file = `${String(screenshotCount).padStart(2, '0')}-${name}.png`;
		await page.screenshot({ path: path.join(screenshots, file) });
	};

	beforeAll(async () => {
		[n8n, browser] = await Promise.all([
			freePort().then((port) => startN8n({ port, version })),
			launchChromium(),
		]);
		({ page } = await openEditorPage(browser, n8n));
		errors = new BrowserErrors(page, n8n);
		screenshots = path.resolve(__dirname, '../../artifacts/editor', n8n.version);
		rmSync(screenshots, { recursive: true, force: true });
		mkdirSync(screenshots, { recursive: true });
	});

	afterEach(async () => {
		expect(await errors.take()).toEqual([]);
	});

	afterAll(async () => {
		await browser?.close();
		await n8n?.stop();
	});

	it('signs in as the owner', async () => {
		await signIn(page, n8n);
		expect(new URL(page.url()).pathname).not.toMatch(/^\/signin/);
	});

	// The picker lists the ImageKit node and the ImageKit Trigger as one entry and shows the trigger's
	// description for it, so the trigger carries the node's (nodes/ImageKit/pickerDescription.ts).
	// n8n 1.x shows no description under search results (NodeItem.vue: none in subcategory "*").
	const pickerShows = () => (n8n.version.startsWith('1.') ? '' : nodeDescription());
	it("shows the ImageKit node's own description in the node picker's first-step list", async () => {
		await page.goto(`${n8n.url}/workflow/new`);
		await page.getByTestId('node-creator-plus-button').click();
		await page.getByTestId('node-creator-search-bar').fill('ImageKit');
		expect(await pickerEntryDescription(page, 'ImageKit')).toBe(pickerShows());
		await screenshot('picker-first-step');
	});

	it("adds the ImageKit Trigger, whose notice leads to the Production URL by the editor's own labels", async () => {
		await page.getByTestId('node-creator-item-name').getByText('ImageKit', { exact: true }).click();
		await page
			.getByTestId('node-creator-item-name')
			.getByText('On file created', { exact: true })
			.click();
		const panel = page.getByTestId('ndv');
		await panel.waitFor();
		const notice = await panel
			.getByRole('alert')
			.filter({ hasText: 'ImageKit dashboard' })
			.innerText();
		await screenshot('trigger-notice');

		// The section starts collapsed, on the Test URL: the notice's steps open it and switch.
		for (const label of ['Webhook URLs', 'Production URL']) {
			expect(notice).toContain(`“${label}”`);
			await panel.getByText(label, { exact: true }).click();
		}
		await panel.getByText(/^http:\/\/\S+\/webhook\/\S+\/webhook$/).waitFor();
		await screenshot('trigger-production-url');

		// Escape closes the panel unless a control in it has the focus (1.x keeps it on the URL switch).
		await page
			.locator(':focus')
			.evaluateAll((focused) => focused.forEach((e) => (e as unknown as { blur(): void }).blur()));
		await page.keyboard.press('Escape');
		await panel.waitFor({ state: 'hidden' });
		// n8n 2.x publishes a workflow with a button, 1.x activates it with a switch labelled "Inactive".
		const publishControl = n8n.version.startsWith('1.') ? 'Inactive' : 'Publish';
		expect(notice).toContain(`“${publishControl}”`);
		await page
			.getByText(publishControl, { exact: true })
			.filter({ visible: true })
			.first()
			.waitFor();
	});

	it("shows the ImageKit node's own description in the node picker's next-step list", async () => {
		await page.getByTestId('node-creator-plus-button').click();
		await page.getByTestId('node-creator-search-bar').fill('ImageKit');
		expect(await pickerEntryDescription(page, 'ImageKit')).toBe(pickerShows());
		await screenshot('picker-next-step');
	});

	it('adds the ImageKit node to the workflow and opens its panel', async () => {
		await page.getByTestId('node-creator-item-name').getByText('ImageKit', { exact: true }).click();
		await page
			.getByTestId('node-creator-item-name')
			.getByText(stops[0].action, { exact: true })
			.click();
		await page.getByTestId('ndv').waitFor();

		expect(await selectedOption(page, 'resource')).toBe(stops[0].resourceName);
		expect(await selectedOption(page, 'operation')).toBe(stops[0].operationName);
		expect(await unknownNodePlaceholders(page)).toEqual([]);
		await screenshot('node-added');
	});

	it.each(stops)(
		'shows the fields of $resourceName → $operationName',
		async (stop: OperationStop) => {
			if ((await selectedOption(page, 'resource')) !== stop.resourceName)
				await chooseOption(page, 'resource', stop.resourceName);
			if ((await selectedOption(page, 'operation')) !== stop.operationName)
				await chooseOption(page, 'operation', stop.operationName);

			await waitUntilFine(async () => {
				const operation = await selectedOption(page, 'operation');
				if (operation !== stop.operationName) return `Operation shows "${operation}"`;
				const fields = (await shownParameters(page)).filter(
					(p) => p.name !== 'resource' && p.name !== 'operation',
				);
				const undeclared = fields.filter((p) => !stop.fieldNames.has(p.displayName));
				if (fields.length === 0 || undeclared.length > 0) {
					return (
						`${stop.resourceName} → ${stop.operationName} shows [${fields.map((p) => p.displayName).join(', ')}]; ` +
						`expected at least one of, and only, [${[...stop.fieldNames].join(', ')}]`
					);
				}
				return undefined;
			});
			expect(await unknownNodePlaceholders(page)).toEqual([]);
			await screenshot(`${stop.resource}-${stop.operation}`);
		},
	);

	// Issue 12 point 4: each step shows only what it holds, and the steps say how they chain.
	it('builds Image URL → Generate step by step, each step showing only what it holds', async () => {
		await chooseOption(page, 'resource', 'Image URL');
		await chooseOption(page, 'operation', 'Generate');
		const panel = page.getByTestId('node-parameters');
		const addStep = panel.getByRole('button', { name: 'Add Step' }).filter({ visible: true });
		const stepLabels = async () =>
			(await shownParameters(page)).map((p) => p.displayName).filter((name) => name !== '');

		await addStep.click();
		await panel.getByPlaceholder('Add Transformation').first().click();
		await page
			.getByRole('option')
			.filter({ visible: true })
			.filter({ has: page.getByText('Width', { exact: true }) })
			.first()
			.dispatchEvent('click');
		const width = panel.getByTestId('parameter-input-width').locator('input');
		await width.fill('300');
		await width.blur();
		await waitUntilFine(async () => {
			const labels = await stepLabels();
			return labels.includes('Width') && !labels.includes('Overlay')
				? undefined
				: `a Transformations step shows [${labels.join(', ')}]`;
		});
		await addStep.scrollIntoViewIfNeeded();
		await screenshot('builder-transformations-step');

		await addStep.click();
		const types = panel.getByTestId('parameter-input-type');
		await waitUntilFine(async () =>
			(await types.count()) === 2 ? undefined : `${await types.count()} step Types shown`,
		);
		await types.nth(1).click();
		await screenshot('builder-step-types');
		await page
			.getByRole('option')
			.filter({ visible: true })
			.filter({ has: page.getByText('Text Overlay', { exact: true }) })
			.first()
			.dispatchEvent('click');
		await waitUntilFine(async () => {
			const labels = await stepLabels();
			const transformationBoxes = labels.filter((name) => name === 'Transformations').length;
			return labels.includes('Text') &&
				labels.includes('Layer Options') &&
				transformationBoxes === 1
				? undefined
				: `after a Text Overlay step the panel shows [${labels.join(', ')}]`;
		});
		const text = panel.getByTestId('parameter-input-text').locator('input, textarea').first();
		await text.fill('Sale');
		await text.blur();
		await addStep.scrollIntoViewIfNeeded();
		await screenshot('builder-text-overlay-step');
	});

	it('opens the credential dialog with its three fields and their help texts', async () => {
		const emptyState = page.getByTestId('node-credentials-empty-state');
		if (await emptyState.isVisible()) {
			await emptyState.getByRole('button').click(); // n8n 2.x: "Connect to ImageKit"
		} else {
			await page.getByTestId('node-credentials-select').click(); // n8n 1.x: a select with "Create new credential"
			await page.getByTestId('node-credentials-select-item-new').click();
		}
		const dialog = page.getByTestId('editCredential-modal');
		await dialog.waitFor();
		await screenshot('credential');

		const fields = credentialFields();
		expect(fields.map((f) => f.displayName)).toEqual(['Private Key', 'Public Key', 'URL Endpoint']);
		for (const field of fields) {
			expect(field.description).toContain('ImageKit dashboard');
			const parameter = dialog.getByTestId(field.name);
			await parameter.getByTestId(`parameter-input-${field.name}`).waitFor();
			const label = parameter.locator('label').first();
			expect(
				(await label.innerText())
					.split('\n')[0]
					.replace(/\s*\*$/, '')
					.trim(),
			).toBe(field.displayName);
			// The description is the tooltip of the label's info icon, which appears on hovering the label.
			await label.hover();
			await label.locator('[class*="infoIcon"]').hover();
			await page.getByText(field.description, { exact: true }).filter({ visible: true }).waitFor();
			await screenshot(`credential-${field.name}-help`);
		}
	});
});
