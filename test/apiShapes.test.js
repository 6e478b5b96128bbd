/**
 * What the API really answers and takes, run through n8n's engine against the sandbox: get_variables answers the
 * client's variables as one flat object (a variable may be called "status"), the buttons' one_time flag, and the
 * WhatsApp lookup's phone in digits.
 */
const { runWorkflow } = require('./harness/n8n');
const { mavibotWorkflow } = require('./harness/workflows');
const { useSandbox, SEED } = require('./harness/sandbox');
const { loadPackage } = require('./harness/n8n');

const { ann, boris, carol } = SEED.clients;
const env = useSandbox();

const run = (parameters, options = {}) =>
	runWorkflow(mavibotWorkflow(parameters, options), { credentials: env.credentials() });
const getVariables = (clientId, output = 'nested') =>
	run({ resource: 'variable', operation: 'get', clientId: String(clientId), output });

describe("Variable → Get: the answer is the client's variables, flat", () => {
	test('a variable called status ("vip", from the demo data) is data', async () => {
		const result = await getVariables(carol);
		expect(result.error).toBeUndefined();
		expect(env.sandbox.requestsFor('get_variables')[0].status).toBe(200);
		const [item] = result.output('Mavibot');
		expect(item.client_id).toBe(carol);
		expect(item.variables).toMatchObject({ status: 'vip', city: 'London', name: 'Carol Smith' });
	});

	test.each(['success', 'error', 'fail'])(
		'status "%s" comes through as data too, nested or flat',
		async (status) => {
			await run({
				resource: 'variable',
				operation: 'set',
				target: 'one',
				clientId: String(boris),
				variablesInput: 'json',
				variablesJson: JSON.stringify({ 'client.status': status }),
			});
			const nested = await getVariables(boris);
			expect(nested.error).toBeUndefined();
			expect(nested.output('Mavibot')[0].variables).toMatchObject({ status, city: 'Kazan' });
			const flat = await getVariables(boris, 'flat');
			expect(flat.output('Mavibot')[0]).toMatchObject({ client_id: boris, status, city: 'Kazan' });
		},
	);

	test('an unknown client is still an error', async () => {
		const result = await getVariables(424242);
		expect(result.error.message).toBe('Mavibot "get_variables" failed: client_not_found [item 0]');
	});
});

describe('Buttons: one_time as Salebot documents it (1 keeps the keyboard after a press)', () => {
	test('"Keep Keyboard Open" sends one_time: 1; off sends nothing', async () => {
		await run({
			resource: 'message',
			operation: 'send',
			clientId: String(ann),
			text: 'Choose',
			additionalFields: {
				buttons: {
					button: [
						{ text: 'Yes', type: 'reply', oneTime: true },
						{ text: 'No', type: 'reply', oneTime: false },
					],
				},
			},
		});
		expect(env.sandbox.requestsFor('message')[0].body.buttons).toEqual([
			{ text: 'Yes', type: 'reply', line: 0, index_in_line: 0, one_time: 1 },
			{ text: 'No', type: 'reply', line: 0, index_in_line: 0 },
		]);
	});

	test('the field says what one_time: 1 does', async () => {
		const pkg = await loadPackage();
		const node = pkg.nodeTypes.getByNameAndVersion('n8n-nodes-mavibot.mavibot', 1);
		const find = (properties, name) => {
			for (const property of properties ?? []) {
				if (property.name === name) return property;
				const inner = find(property.options ?? property.values, name);
				if (inner) return inner;
			}
			return undefined;
		};
		const field = find(node.description.properties, 'oneTime');
		expect(field.displayName).toBe('Keep Keyboard Open');
		expect(field.description).toMatch(
			/^Whether the keyboard stays open after a button is pressed \(sends one_time: 1/,
		);
	});
});

describe('Client Search → Find by WhatsApp Phone', () => {
	test('sends the phone as digits, like the other WhatsApp actions', async () => {
		const result = await run({
			resource: 'clientSearch',
			operation: 'findByWhatsAppPhone',
			phone: '+7 999 123-45-67',
		});
		expect(env.sandbox.requestsFor('whatsapp_client_id')[0].query).toEqual({
			phone: '79991234567',
		});
		expect(result.output('Mavibot')).toEqual([
			{ found: true, client_id: boris, phone: '79991234567' },
		]);
	});
});
