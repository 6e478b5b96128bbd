/** Plain unit tests for the pure parts of sending a binary file as an attachment, run against dist/. */
const { attachmentKindOf, hostKindOf } = require('../dist/nodes/Mavibot/helpers/binaryAttachment');
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
