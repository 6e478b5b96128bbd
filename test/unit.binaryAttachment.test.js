/** Plain unit tests for the pure parts of sending a binary file as an attachment, run against dist/. */
const {
	attachmentKindOf,
	binaryAttachment,
} = require('../dist/nodes/Mavibot/helpers/binaryAttachment');
const { hostKindOf } = require('../dist/nodes/Mavibot/helpers/linkAddress');
const { wallClockToInstant, toSendTime } = require('../dist/nodes/Mavibot/helpers/scheduling');

test.each([
	['image/jpeg', 'image'],
	['image/png', 'image'],
	['IMAGE/WEBP', 'image'],
	['image/gif', 'image'],
	['image/svg+xml', 'file'],
	['image/tiff', 'file'],
	['video/mp4', 'video'],
	['video/quicktime', 'video'],
	['audio/ogg', 'audio'],
	['audio/mpeg; codecs=mp3', 'audio'],
	['application/pdf', 'file'],
	['text/csv', 'file'],
	['', 'file'],
	[undefined, 'file'],
])('attachment_type of %s is %s', (mimeType, kind) => {
	expect(attachmentKindOf(mimeType)).toBe(kind);
});

test.each([
	['http://localhost:5678/rest', 'loopback'],
	['http://127.0.0.1:5678/rest', 'loopback'],
	['http://127.1/rest', 'loopback'],
	['http://[::1]:5678/rest', 'loopback'],
	['http://[::ffff:127.0.0.1]/rest', 'loopback'],
	['http://10.1.2.3/rest', 'private'],
	['http://172.20.0.5:5678/rest', 'private'],
	['http://192.168.1.10/rest', 'private'],
	['http://169.254.169.254/latest', 'private'],
	['http://100.64.0.1/rest', 'private'],
	['http://[fd00::1]/rest', 'private'],
	['http://n8n:5678/rest', 'private'],
	['http://n8n.local/rest', 'private'],
	['https://n8n.example.com/rest', 'public'],
	['https://203.0.113.7/rest', 'public'],
	['https://[2001:db8::1]/rest', 'public'],
])('the host of %s is %s', (url, kind) => {
	expect(hostKindOf(new URL(url))).toBe(kind);
});

test('wall-clock send times become instants in their time zone, DST included', () => {
	expect(wallClockToInstant('2026-12-01 09:30:00', 'UTC').toISOString()).toBe(
		'2026-12-01T09:30:00.000Z',
	);
	expect(wallClockToInstant('2026-12-01 09:30:00', 'Europe/Moscow').toISOString()).toBe(
		'2026-12-01T06:30:00.000Z',
	);
	// New York: summer (UTC-4) and winter (UTC-5) on either side of the change of 2026-11-01.
	expect(wallClockToInstant('2026-10-31 12:00:00', 'America/New_York').toISOString()).toBe(
		'2026-10-31T16:00:00.000Z',
	);
	expect(wallClockToInstant('2026-11-02 12:00:00', 'America/New_York').toISOString()).toBe(
		'2026-11-02T17:00:00.000Z',
	);
	// Round trip with toSendTime, which makes the wall-clock text from an instant.
	const instant = new Date('2027-03-28T00:45:00Z');
	expect(wallClockToInstant(toSendTime(instant, 'Europe/Berlin'), 'Europe/Berlin')).toEqual(
		instant,
	);
	expect(wallClockToInstant('tomorrow', 'UTC')).toBeUndefined();
	expect(wallClockToInstant('2026-12-01 09:30:00', 'Mars/Olympus')).toBeUndefined();
});

/**
 * A stand-in for n8n's IExecuteFunctions: just what binaryAttachment() reads. No network: the reachability check
 * looks at the link's and Mavibot's addresses as written, so addresses elsewhere are tested without a packet.
 */
function fakeContext({ restApiUrl = 'http://localhost:5678/rest', instanceBaseUrl } = {}) {
	return {
		getNode: () => ({
			id: 'n',
			name: 'Mavibot',
			type: 'n8n-nodes-mavibot.mavibot',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		}),
		getNodeParameter: (_name, _index, fallback) => fallback,
		getInputData: () => [
			{
				json: {},
				binary: {
					data: {
						id: 'filesystem-v2:x/y',
						data: 'filesystem-v2',
						mimeType: 'application/pdf',
						fileName: 'a b.pdf',
					},
				},
			},
		],
		getWorkflowSettings: () => ({}),
		getMode: () => 'trigger',
		getTimezone: () => 'UTC',
		getRestApiUrl: () => restApiUrl,
		getInstanceBaseUrl: () => instanceBaseUrl ?? restApiUrl.replace(/[^/]+$/, ''),
		helpers: {
			createBinarySignedUrl: (_data, expiresIn) =>
				`${restApiUrl}/binary-data/signed?token=h.p.s-${expiresIn}`,
		},
	};
}
const attach = (context, options) =>
	binaryAttachment(context, 0, {
		propertyName: 'additionalFields.attachmentBinaryField',
		...options,
	});

describe('links Mavibot cannot reach are refused before sending', () => {
	test('a link on this machine, with Mavibot elsewhere, names WEBHOOK_URL and the base URL field', () => {
		expect(() => attach(fakeContext(), { mavibotBaseUrl: 'https://chatter.example.com' })).toThrow(
			'"Attachment Binary Field" would be sent as a link to http://localhost:5678 (this machine), which Mavibot\'s servers cannot download [item 0]',
		);
		try {
			attach(fakeContext(), { mavibotBaseUrl: 'https://chatter.example.com' });
		} catch (error) {
			expect(error.description).toMatch(
				/Set WEBHOOK_URL to the public address of this n8n, or fill "Attachment Link Base URL"/,
			);
			expect(error.message).not.toContain('token');
		}
	});

	test.each([
		['http://10.0.0.5:5678/rest', 'https://chatter.example.com', 'a private network'],
		['http://169.254.169.254/rest', 'https://chatter.example.com', 'a private network'],
		['http://n8n:5678/rest', 'https://chatter.example.com', 'a private network'],
		['http://127.0.0.1:5678/rest', 'http://10.1.1.1', 'this machine'],
	])('a link on %s with Mavibot at %s is refused (%s)', (restApiUrl, mavibotBaseUrl, where) => {
		expect(() => attach(fakeContext({ restApiUrl }), { mavibotBaseUrl })).toThrow(`(${where})`);
	});

	test.each([
		['https://n8n.example.com/rest', 'https://chatter.example.com'],
		['http://127.0.0.1:5678/rest', 'http://127.0.0.1:18765'],
		['http://192.168.1.20:5678/rest', 'http://10.1.1.1'],
	])('a link on %s with Mavibot at %s is sent', (restApiUrl, mavibotBaseUrl) => {
		expect(attach(fakeContext({ restApiUrl }), { mavibotBaseUrl }).attachment_url).toBe(
			`${restApiUrl}/binary-data/signed?token=h.p.s-86400s&filename=a%20b.pdf`,
		);
	});

	test("Attachment Link Base URL replaces n8n's base and keeps its REST path (N8N_ENDPOINT_REST)", () => {
		const context = fakeContext({
			restApiUrl: 'http://localhost:5678/n8n/api-internal',
			instanceBaseUrl: 'http://localhost:5678/n8n/',
		});
		const file = attach(context, {
			publicBaseUrl: 'https://files.example.com/automation',
			mavibotBaseUrl: 'https://chatter.example.com',
			lifetimeMinutes: 10,
		});
		expect(file).toMatchObject({
			attachment_url:
				'https://files.example.com/automation/api-internal/binary-data/signed?token=h.p.s-600s&filename=a%20b.pdf',
			attachment_type: 'file',
			fileName: 'a b.pdf',
		});
		expect(() =>
			attach(context, {
				publicBaseUrl: 'http://10.0.0.5/',
				mavibotBaseUrl: 'https://chatter.example.com',
			}),
		).toThrow(
			'"Attachment Link Base URL" would be sent as a link to http://10.0.0.5 (a private network)',
		);
		expect(() => attach(context, { publicBaseUrl: 'ftp://files.example.com' })).toThrow(
			'"Attachment Link Base URL" is "ftp://files.example.com", which is not an http(s) URL [item 0]',
		);
	});
});
