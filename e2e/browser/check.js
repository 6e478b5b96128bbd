#!/usr/bin/env node
'use strict';
// Browser check of the end-to-end tier: Debian's Chromium (apt-get install chromium), driven by playwright-core,
// signs in to a real n8n with the packed package, finds "Mavibot" and "Mavibot Trigger" in the node panel (also by
// what a user types: "mavibot send", "whatsapp"…), opens a Mavibot node and reads its Resource options, clicks the
// canvas's Execute workflow on every example, whose sample run must succeed (or, for Send and Wait, reach its wait),
// opens the example's Mavibot Trigger (its setup steps, its token credential, its Production URL copied with one
// click), and opens the Free Text page of Send and Wait for Response on a phone-sized screen.
// Screenshots go to .e2e/screenshots/ (ignored by git): node-panel.png, editor-mavibot.png, trigger-setup.png,
// trigger-url.png, send-and-wait-free-text.png. The README shows the last three from docs/: copy them there when the
// pages change.
//
//   node e2e/browser/check.js [--n8n v2|v1] [--build=repo|private] [--no-screenshots] [--keep]
//
// Needs: bash e2e/install.sh <version> browser. Prints one line per check and `N passed, N failed`.

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { REPO, freePort, sleep } = require('../lib/util');
const { startSandbox } = require('../lib/sandbox');
const { packPackage, installTarball } = require('../lib/pack');
const { N8n, VERSIONS } = require('../lib/n8n');
const { Report } = require('../lib/report');
const { credentialImport } = require('../cases/credentials');
const { askFreeText, sendAndWaitWorkflow, FREE_TEXT } = require('../cases/server');
const agentSuite = require('../cases/agent');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// The flags this machine needs (no sandbox as root; no background traffic, the network is closed).
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-dev-shm-usage',
];
const OWNER = {
	email: 'browser@example.com',
	password: 'Browser-Passw0rd!',
	firstName: 'Browser',
	lastName: 'Check',
};
const RESOURCES = [
	'Callback',
	'Channel',
	'Client',
	'Client Search',
	'Conversation',
	'Deal',
	'List',
	'Message',
	'Variable',
];
const EXAMPLE = { workflowId: 'MavibotExLead001', node: 'Create deal' };
// The panel checks add nodes: they work in a new workflow, never in an example.
const PANEL_PAGE = 'workflow/new';
// What a user may type to find the action node (its codex aliases; n8n's panel matches them fuzzily).
const TRIGGER_TYPE = 'n8n-nodes-mavibot.mavibotTrigger';
// The action node and the tool variant n8n makes of it for the AI Agent.
const MAVIBOT_NODE_TYPES = ['n8n-nodes-mavibot.mavibot', 'n8n-nodes-mavibot.mavibotTool'];
const PANEL_SEARCHES = ['mavibot send', 'send message', 'whatsapp', 'broadcast', 'callback'];

function parseArgs(argv) {
	const args = { n8n: 'v2', build: undefined, screenshots: true, keep: false };
	for (const arg of argv) {
		if (arg.startsWith('--n8n=')) args.n8n = arg.slice(6);
		else if (VERSIONS[arg]) args.n8n = arg;
		else if (arg.startsWith('--build=')) args.build = arg.slice(8);
		else if (arg === '--no-screenshots') args.screenshots = false;
		else if (arg === '--keep') args.keep = true;
		else throw new Error(`Unknown argument ${arg}`);
	}
	return args;
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const report = new Report({ prefix: '[browser] ' });
	report.section(`browser check: Chromium + playwright-core against ${VERSIONS[args.n8n].label}`);
	const chromium = await ready(report);
	if (!chromium) return finish(report);

	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), `mavibot-browser-${args.n8n}-`));
	const n8n = new N8n({
		version: args.n8n,
		userFolder,
		port: await freePort(),
		brokerPort: await freePort(),
	});
	let sandbox;
	let packed;
	try {
		const up = await report.check(
			'n8n with the packed package, the credential and the examples is running',
			async (assert) => {
				assert.ok(n8n.installed(), `run bash e2e/install.sh ${args.n8n}`);
				packed = await packPackage({ build: args.build });
				await installTarball(packed.tarball, userFolder);
				sandbox = await startSandbox();
				await agentSuite.start(); // the scripted model the AI agent example's OpenAI credential points at
				await n8n.importCredentials([
					...credentialImport(sandbox.url),
					...agentSuite.credentials(),
				]);
				const examples = fs
					.readdirSync(path.join(REPO, 'examples'))
					.filter((f) => f.endsWith('.json'))
					.map((f) => JSON.parse(fs.readFileSync(path.join(REPO, 'examples', f), 'utf8')));
				await n8n.importWorkflows([...examples, sendAndWaitWorkflow()]);
				await n8n.activate(FREE_TEXT.id);
				await n8n.start();
				await n8n.setupOwner(OWNER);
				return true;
			},
		);
		if (!up) return;

		await browserChecks({
			n8n,
			report,
			owner: OWNER,
			screenshots: args.screenshots,
			chromium,
			freeText: { sandbox },
		});
	} finally {
		await n8n.stop();
		if (sandbox) await sandbox.stop();
		await agentSuite.stop();
		if (args.keep) console.log(`   user folder kept: ${userFolder}`);
		else {
			fs.rmSync(userFolder, { recursive: true, force: true });
			if (packed) fs.rmSync(packed.workDir, { recursive: true, force: true });
		}
	}
	return finish(report);
}

/**
 * The checks themselves, against a running n8n (`n8n`, an N8n from ../lib/n8n) whose owner is `owner` and that has the
 * example workflows imported. Used by this script and by `node e2e/run.js --browser` (which reuses its 2.x server).
 * `freeText: { sandbox }`: the free-text Send and Wait workflow (cases/server.js) is published; its page is checked.
 */
async function browserChecks({
	n8n,
	report,
	owner,
	screenshots = true,
	chromium = require('playwright-core').chromium,
	freeText,
}) {
	const examples = fs
		.readdirSync(path.join(REPO, 'examples'))
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => JSON.parse(fs.readFileSync(path.join(REPO, 'examples', f), 'utf8')));
	const shots = path.join(REPO, '.e2e', 'screenshots');
	if (screenshots) fs.mkdirSync(shots, { recursive: true });
	// playwright gives every launch a fresh, empty profile of its own (what --user-data-dir would do).
	const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
	try {
		// Clipboard access: the trigger check clicks the Production URL (n8n copies it) and reads what was copied.
		const context = await browser.newContext({
			viewport: { width: 1440, height: 900 },
			permissions: ['clipboard-read', 'clipboard-write'],
		});
		const page = await context.newPage();
		page.setDefaultTimeout(30000);
		// On a failed check, a screenshot of the page as it was (path printed) tells more than the selector did.
		const check = async (name, fn) => {
			let failed;
			const value = await report.check(name, async (assert) => {
				try {
					return await fn(assert);
				} catch (error) {
					failed = error;
					throw error;
				}
			});
			if (failed) {
				const shot = path.join(os.tmpdir(), `mavibot-browser-failure-${Date.now()}.png`);
				await page.screenshot({ path: shot }).catch(() => {});
				console.log(`       screenshot of the page: ${shot}`);
			}
			return value;
		};

		const signedIn = await check("sign in through the editor's sign-in page", async () => {
			await page.goto(`${n8n.baseUrl}/signin`);
			await page
				.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]')
				.first()
				.fill(owner.email);
			await page.locator('input[type="password"]').first().fill(owner.password);
			await page.locator('input[type="password"]').first().press('Enter');
			await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30000 });
			return true;
		});
		if (!signedIn) return;

		await check(
			'node panel: "Mavibot" is found, with its actions and the Mavibot Trigger',
			async (assert) => {
				// n8n lists a package's action node and trigger as one app, "Mavibot"; opening it shows "Actions (N)" and
				// "Triggers (N)", whose entry adds the Mavibot Trigger node.
				await page.goto(`${n8n.baseUrl}/${PANEL_PAGE}`);
				await dismissPopups(page);
				const found = await searchPanel(page, 'Mavibot');
				assert.ok(found.includes('Mavibot'), `"Mavibot" listed (got ${JSON.stringify(found)})`);
				const items = page.locator(
					'[data-test-id="node-creator-node-item"], [data-test-id="node-creator-item-name"]',
				);
				// The app entry's text is the trigger's description (n8n merges the two nodes): it must say what the nodes do.
				const listed = await page.locator('[data-test-id="node-creator"]').innerText();
				assert.match(
					listed,
					/(^|\n)Mavibot\s*\n\s*Send messages/,
					`the entry reads: ${JSON.stringify(listed.slice(0, 300))}`,
				);
				await items
					.filter({ hasText: /^Mavibot$/ })
					.first()
					.click();
				const panel = page.locator('[data-test-id="node-creator"]');
				const actions = panel.getByText(/^Actions \(\d+\)$/);
				const triggers = panel.getByText(/^Triggers \(\d+\)$/);
				await actions.waitFor();
				const actionCount = Number(/\d+/.exec(await actions.innerText())[0]);
				assert.ok(
					actionCount >= 40,
					`the panel lists the operations as actions (got ${actionCount})`,
				);
				// In an empty workflow the panel opens with the triggers shown and the actions folded: show the actions,
				// check them, fold them again so that the trigger entry is the only item left.
				const actionShown = () =>
					panel.getByText('Send a callback to a client').first().isVisible();
				if (!(await actionShown())) await actions.click();
				await panel.getByText('Send a callback to a client').first().waitFor();
				await actions.click();
				await sleep(300);
				const trigger = panel.locator('[data-test-id="item-iterator-item"]').last();
				if (!(await trigger.isVisible())) await triggers.click();
				await trigger.waitFor();
				await sleep(300);
				if (screenshots) await page.screenshot({ path: path.join(shots, 'node-panel.png') });
				await trigger.click();
				const ndv = page.locator('[data-test-id="ndv"]');
				await ndv.waitFor();
				await sleep(500);
				assert.match(
					await ndv.innerText(),
					/Mavibot Trigger/,
					'the trigger entry opens the Mavibot Trigger node',
				);
				assert.match(await ndv.innerText(), /Trigger On/);
				await page.keyboard.press('Escape');
			},
		);

		for (const text of PANEL_SEARCHES) {
			await check(`node panel: searching "${text}" lists Mavibot`, async (assert) => {
				await page.goto(`${n8n.baseUrl}/${PANEL_PAGE}`);
				await dismissPopups(page);
				const found = await searchPanel(page, text);
				assert.ok(
					found.includes('Mavibot'),
					`"Mavibot" listed (got ${JSON.stringify(found.slice(0, 15))})`,
				);
				await page.keyboard.press('Escape');
			});
		}

		for (const workflow of examples) {
			// Send and Wait pauses the run until the client answers: its sample run must reach that wait.
			const waits = workflow.nodes.some(
				(node) => node.parameters && node.parameters.operation === 'sendAndWait',
			);
			const expected = waits ? 'waiting' : 'success';
			await check(
				`example "${workflow.name}": the canvas's Execute workflow runs the sample (${expected})`,
				async (assert) => {
					const before = new Set((await n8n.executions(workflow.id)).map((e) => e.id));
					await page.goto(`${n8n.baseUrl}/workflow/${workflow.id}`);
					await dismissPopups(page);
					await page.locator('[data-test-id="execute-workflow-button"]').first().click();
					const [execution] = await waitForNewExecution(n8n, workflow.id, before);
					assert.equal(execution.mode, 'manual', "a manual run (the editor's button)");
					assert.equal(execution.status, expected, `the run's status (execution ${execution.id})`);
					const { runData } = (await n8n.execution(execution.id)).data.resultData;
					const ran = Object.keys(runData);
					const mavibotNodes = workflow.nodes.filter((node) =>
						MAVIBOT_NODE_TYPES.includes(node.type),
					);
					assert.ok(
						mavibotNodes.some((node) => ran.includes(node.name)),
						`a Mavibot node ran (ran: ${ran.join(', ')})`,
					);
				},
			);
		}

		const triggerExample = examples.find((w) =>
			w.nodes.some((n) => n.type === TRIGGER_TYPE && n.credentials),
		);
		await check(
			'Mavibot Trigger setup: the steps, the credential, and the Production URL copied in one click',
			async (assert) => {
				const trigger = triggerExample.nodes.find((n) => n.type === TRIGGER_TYPE);
				await page.goto(`${n8n.baseUrl}/workflow/${triggerExample.id}`);
				await dismissPopups(page);
				await page
					.locator(
						`[data-test-id="canvas-node"][data-node-name="${trigger.name}"], [data-name="${trigger.name}"]`,
					)
					.first()
					.dblclick();
				const ndv = page.locator('[data-test-id="ndv"]');
				await ndv.waitFor();
				await sleep(800);
				const text = await ndv.innerText();
				assert.match(text, /Set up in Mavibot/, 'the steps notice');
				assert.match(text, /Credential for Mavibot Trigger API/, 'the token credential field');
				const values = await ndv
					.locator('input')
					.evaluateAll((inputs) => inputs.map((input) => input.value));
				assert.ok(
					values.includes(trigger.credentials.mavibotTriggerApi.name),
					`the credential is selected (${JSON.stringify(values)})`,
				);
				assert.doesNotMatch(text, /(^|\n)Token\s*\n/, 'version 1.1 has no Token field');
				if (screenshots) await page.screenshot({ path: path.join(shots, 'trigger-setup.png') });
				const toggle = ndv.getByText('Webhook URLs', { exact: true }).first();
				if (await toggle.isVisible()) await toggle.click();
				await ndv.getByText('Production URL', { exact: true }).first().click();
				const url = ndv.locator('.webhook-url').first();
				await url.waitFor();
				const shown = (await url.innerText()).trim();
				assert.match(
					shown,
					new RegExp(`^https?://.+/webhook/${trigger.webhookId}/mavibot$`),
					`the Production URL (got ${shown})`,
				);
				await url.click();
				await sleep(300);
				assert.equal(
					await page.evaluate('navigator.clipboard.readText()'),
					shown,
					'one click copies it',
				);
				if (screenshots) await page.screenshot({ path: path.join(shots, 'trigger-url.png') });
				await page.keyboard.press('Escape');
			},
		);

		await check(
			'the Mavibot node opens and its Resource option lists every resource',
			async (assert) => {
				await page.goto(`${n8n.baseUrl}/workflow/${EXAMPLE.workflowId}`);
				await dismissPopups(page);
				const node = page
					.locator(
						`[data-test-id="canvas-node"][data-node-name="${EXAMPLE.node}"], [data-name="${EXAMPLE.node}"]`,
					)
					.first();
				await node.dblclick();
				const resource = page.locator('[data-test-id="parameter-input-resource"]').first();
				await resource.waitFor();
				await resource.click();
				const options = page.locator('.el-select-dropdown__item:visible, [role="option"]:visible');
				await options.first().waitFor();
				await sleep(300);
				const texts = [
					...new Set(
						(await options.allInnerTexts()).map((t) => t.split('\n')[0].trim()).filter(Boolean),
					),
				];
				for (const name of RESOURCES)
					assert.ok(
						texts.includes(name),
						`Resource option "${name}" (got ${JSON.stringify(texts)})`,
					);
				if (screenshots) await page.screenshot({ path: path.join(shots, 'editor-mavibot.png') });
			},
		);

		if (freeText) {
			await check(
				'send and wait: the Free Text page opens on a phone-sized screen and takes the answer',
				async (assert) => {
					const { link } = await askFreeText({ n8n, sandbox: freeText.sandbox }, 'B-12');
					const phone = await browser.newContext({
						viewport: { width: 390, height: 760 },
						deviceScaleFactor: 2,
						isMobile: true,
					});
					try {
						const form = await phone.newPage();
						await form.goto(link);
						await form.locator('textarea[name="text"]').waitFor();
						assert.equal(await form.locator('h1').innerText(), 'Order B-12');
						assert.match(
							await form.locator('p.text').innerText(),
							/What should we change in order B-12\?/,
						);
						await form.locator('textarea[name="text"]').fill('Please deliver after 6 pm');
						if (screenshots)
							await form.screenshot({ path: path.join(shots, 'send-and-wait-free-text.png') });
						await form.locator('button[type="submit"]').click();
						await form.getByText('Your answer has been recorded.').waitFor();
					} finally {
						await phone.close();
					}
				},
			);
		}
	} finally {
		await browser.close();
	}
}

/** Opens the node panel, types `text` in its search and returns the names of the listed nodes. */
async function searchPanel(page, text) {
	await page.locator('[data-test-id="node-creator-plus-button"]').click();
	const search = page
		.locator(
			'[data-test-id="node-creator-search-bar"] input, input[data-test-id="node-creator-search-bar"]',
		)
		.first();
	await search.fill(text);
	const items = page.locator(
		'[data-test-id="node-creator-node-item"], [data-test-id="node-creator-item-name"]',
	);
	await items.first().waitFor();
	await sleep(500);
	return (await items.allInnerTexts()).map((t) => t.split('\n')[0].trim());
}

/** The executions of a workflow that are not in `before` and have settled (finished, or waiting), newest first. */
async function waitForNewExecution(n8n, workflowId, before, timeoutMs = 30000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const fresh = (await n8n.executions(workflowId)).filter((e) => !before.has(e.id));
		const done = fresh.filter((e) => !['new', 'running'].includes(e.status));
		if (done.length > 0) return done;
		if (Date.now() > deadline) {
			throw new Error(
				`no finished run of ${workflowId} within ${timeoutMs / 1000} s (pending: ${JSON.stringify(fresh)})`,
			);
		}
		await sleep(300);
	}
}

/** Closes what a fresh n8n may put over the canvas (tours, banners, "what's new"). */
async function dismissPopups(page) {
	await page.waitForLoadState('networkidle').catch(() => {});
	for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
}

function finish(report) {
	report.summary();
	process.exitCode = report.failed ? 1 : 0;
}

function ready(report) {
	return report.check('Chromium and playwright-core are installed', (assert) => {
		assert.ok(
			fs.existsSync(CHROMIUM),
			`${CHROMIUM} is missing: bash e2e/install.sh browser (apt-get install -y chromium)`,
		);
		return require('playwright-core').chromium;
	});
}

if (require.main === module) {
	main().catch((error) => {
		console.error(error);
		console.log('0 passed, 1 failed');
		process.exit(1);
	});
}

module.exports = { browserChecks, ready, CHROMIUM };
