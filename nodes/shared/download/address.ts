/**
 * Which hosts a download may not reach unless the user allows private network addresses: loopback, private,
 * shared (carrier-grade NAT), link-local, unspecified, multicast and reserved addresses, and the host names that
 * stand for them or for a cloud's metadata service. This looks at what is written in the URL only (after
 * normalising it); a public name that resolves to a private address is caught by n8n's egress filter where n8n has
 * one (2.x), see download.ts.
 */

export interface RefusedHost {
	/** What the host is, for the error message: "a loopback address", "a cloud metadata host", … */
	what: string;
	/** This machine itself (127.0.0.0/8, ::1, localhost and its kin), rather than some other private host. */
	loopback?: true;
}

/** Host names that are never on the public internet, or that name a cloud's metadata service. */
const LOOPBACK_NAMES = new Set([
	'localhost',
	'localhost.localdomain',
	'ip6-localhost',
	'ip6-loopback',
]);
const METADATA_NAMES = new Set([
	'metadata',
	'metadata.google.internal',
	'metadata.goog',
	'metadata.azure.com',
	'instance-data',
	'instance-data.ec2.internal',
]);
/** Suffixes reserved for local or private networks (RFC 6761, RFC 6762, RFC 8375, ICANN's .internal). */
const LOCAL_SUFFIXES = ['.localhost', '.local', '.localdomain', '.internal', '.home.arpa', '.lan'];

interface Range {
	base: bigint;
	bits: number;
	what: string;
}

const v4 = (text: string, bits: number, what: string): Range => ({
	base: BigInt(ipv4ToNumber(parseIpv4(text) as number[])),
	bits,
	what,
});

const IPV4_RANGES: Range[] = [
	v4('0.0.0.0', 8, 'an unspecified address'),
	v4('10.0.0.0', 8, 'a private network address'),
	v4('100.64.0.0', 10, 'a shared (carrier-grade NAT) address'),
	v4('127.0.0.0', 8, 'a loopback address'),
	v4('169.254.0.0', 16, 'a link-local address (where cloud metadata services live)'),
	v4('172.16.0.0', 12, 'a private network address'),
	v4('192.0.0.0', 24, 'a reserved address'),
	v4('192.168.0.0', 16, 'a private network address'),
	v4('198.18.0.0', 15, 'a reserved address'),
	v4('224.0.0.0', 4, 'a multicast address'),
	v4('240.0.0.0', 4, 'a reserved address'),
];

const IPV6_RANGES: Range[] = [
	{ base: 0n, bits: 128, what: 'an unspecified address' },
	{ base: 1n, bits: 128, what: 'a loopback address' },
	{ base: 0xfc00n << 112n, bits: 7, what: 'a private network address' },
	{ base: 0xfe80n << 112n, bits: 10, what: 'a link-local address' },
	{ base: 0xfec0n << 112n, bits: 10, what: 'a private network address' },
	{ base: 0xff00n << 112n, bits: 8, what: 'a multicast address' },
];

/** IPv6 prefixes that carry an IPv4 address in their last 32 bits: mapped, compatible, NAT64. */
const EMBEDDED_IPV4: Array<{ base: bigint; bits: number }> = [
	{ base: 0xffffn << 32n, bits: 96 },
	{ base: 0n, bits: 96 },
	{ base: 0x64ff9bn << 96n, bits: 96 },
];

function inRange(value: bigint, width: number, range: { base: bigint; bits: number }): boolean {
	const shift = BigInt(width - range.bits);
	return value >> shift === range.base >> shift;
}

/**
 * Parses an IPv4 address the way URL parsers and inet_aton do: one to four parts, each decimal, octal (leading 0)
 * or hexadecimal (0x), the last part filling the remaining bytes (127.1, 2130706433, 0x7f.1, 0177.0.0.1).
 */
export function parseIpv4(text: string): number[] | undefined {
	const parts = text.split('.');
	if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop(); // a trailing dot
	if (parts.length === 0 || parts.length > 4) return undefined;
	const numbers: number[] = [];
	for (const part of parts) {
		let value: number;
		if (/^0x[0-9a-f]*$/i.test(part)) value = part.length === 2 ? 0 : parseInt(part.slice(2), 16);
		else if (/^0[0-7]+$/.test(part)) value = parseInt(part.slice(1), 8);
		else if (/^(0|[1-9][0-9]*)$/.test(part)) value = Number(part);
		else return undefined;
		numbers.push(value);
	}
	const last = numbers.pop() as number;
	if (numbers.some((value) => value > 255) || last >= 256 ** (4 - numbers.length)) return undefined;
	const bytes = [...numbers];
	for (let index = 3 - numbers.length; index >= 0; index--)
		bytes.push(Math.floor(last / 256 ** index) % 256);
	return bytes;
}

function ipv4ToNumber(bytes: number[]): number {
	return ((bytes[0] * 256 + bytes[1]) * 256 + bytes[2]) * 256 + bytes[3];
}

/** Parses an IPv6 address (without brackets or zone) into a 128-bit number. */
export function parseIpv6(text: string): bigint | undefined {
	let address = text.toLowerCase().replace(/%.*$/, '');
	const dotted = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(address);
	if (dotted) {
		const bytes = parseIpv4(dotted[2]);
		if (!bytes || !/^\d+\.\d+\.\d+\.\d+$/.test(dotted[2])) return undefined;
		address = `${dotted[1]}${(bytes[0] * 256 + bytes[1]).toString(16)}:${(bytes[2] * 256 + bytes[3]).toString(16)}`;
	}
	const halves = address.split('::');
	if (halves.length > 2) return undefined;
	const head = halves[0] === '' ? [] : halves[0].split(':');
	const tail = halves.length === 2 && halves[1] !== '' ? halves[1].split(':') : [];
	const missing = 8 - head.length - tail.length;
	if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
	const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
	let value = 0n;
	for (const group of groups) {
		if (!/^[0-9a-f]{1,4}$/.test(group)) return undefined;
		value = (value << 16n) | BigInt(parseInt(group, 16));
	}
	return value;
}

const refusal = (what: string): RefusedHost =>
	what === 'a loopback address' ? { what, loopback: true } : { what };

function refusedIpv4(bytes: number[]): RefusedHost | undefined {
	const value = BigInt(ipv4ToNumber(bytes));
	if (value === 0xffffffffn) return { what: 'a broadcast address' };
	const range = IPV4_RANGES.find((candidate) => inRange(value, 32, candidate));
	return range ? refusal(range.what) : undefined;
}

function refusedIpv6(value: bigint): RefusedHost | undefined {
	const range = IPV6_RANGES.find((candidate) => inRange(value, 128, candidate));
	if (range) return refusal(range.what);
	if (EMBEDDED_IPV4.some((prefix) => inRange(value, 128, prefix))) {
		const embedded = Number(value & 0xffffffffn);
		return refusedIpv4([
			embedded >>> 24,
			(embedded >>> 16) & 255,
			(embedded >>> 8) & 255,
			embedded & 255,
		]);
	}
	return undefined;
}

/**
 * Why a URL's host may not be downloaded from without "Allow Private Addresses", or undefined when it may.
 * `hostname` is URL.hostname (IPv6 in brackets); it is normalised again here (case, trailing dots, every way of
 * writing an IPv4 address), so that the check does not depend on how the URL was parsed.
 */
export function refusedHost(hostname: string): RefusedHost | undefined {
	let host = hostname.trim().toLowerCase();
	if (host.startsWith('[') && host.endsWith(']')) {
		const value = parseIpv6(host.slice(1, -1));
		return value === undefined ? { what: 'an address that cannot be read' } : refusedIpv6(value);
	}
	host = host.replace(/\.+$/, '');
	if (host.includes(':')) {
		const value = parseIpv6(host);
		return value === undefined ? { what: 'an address that cannot be read' } : refusedIpv6(value);
	}
	const bytes = parseIpv4(host);
	if (bytes) return refusedIpv4(bytes);
	if (host === '') return { what: 'an empty host name' };
	if (METADATA_NAMES.has(host)) return { what: 'a cloud metadata host' };
	if (LOOPBACK_NAMES.has(host) || host.endsWith('.localhost'))
		return { what: 'a local network name', loopback: true };
	if (LOCAL_SUFFIXES.some((suffix) => host.endsWith(suffix)))
		return { what: 'a local network name' };
	// A name without a dot is looked up in the local network's search domains, never on the internet.
	if (!host.includes('.')) return { what: 'a local network name' };
	return undefined;
}
