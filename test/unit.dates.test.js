/** The ISO 8601 twins of Mavibot's dates (nodes/shared/isoTwin.ts), against the built code in dist/. */
const { isoTwin, twinName, withIsoTwins } = require('../dist/nodes/shared/isoTwin');

describe('isoTwin', () => {
	test.each([
		['unix seconds', 1729073759, '2024-10-16T10:15:59.000Z'],
		['unix seconds as digits', '1729073759', '2024-10-16T10:15:59.000Z'],
		['unix seconds with a fraction', 1729073759.5, '2024-10-16T10:15:59.500Z'],
		['zero', 0, '1970-01-01T00:00:00.000Z'],
		['text with +03:00', '2024-10-16T13:15:59+03:00', '2024-10-16T10:15:59.000Z'],
		['text with a space and +0300', '2024-10-16 13:15:59 +0300', '2024-10-16T10:15:59.000Z'],
		['text with Z', '2024-10-16T10:15:59Z', '2024-10-16T10:15:59.000Z'],
		['text with microseconds', '2024-10-16 13:15:59.123456+03:00', '2024-10-16T10:15:59.123Z'],
		['text with -05', '2024-10-16T05:15:59-05', '2024-10-16T10:15:59.000Z'],
		['text without an offset (zone not guessed)', '2024-10-16 13:15:59', null],
		['a day without a time', '16.10.2024', null],
		['empty', '', null],
		['null', null, null],
		['undefined', undefined, null],
		['negative', -5, null],
		['beyond the year 9999', 1e15, null],
		['an object', { at: 1 }, null],
		['words', 'yesterday', null],
	])('%s → %s', (_, value, expected) => {
		expect(isoTwin(value)).toBe(expected);
	});
});

describe('withIsoTwins', () => {
	test('each field gets its twin right after it; the original stays as it was', () => {
		const out = withIsoTwins(
			{ id: 1, created_at: 1729073759, updated_at: '2024-10-16 13:15:59', name: 'A' },
			['created_at', 'updated_at'],
		);
		expect(Object.keys(out)).toEqual([
			'id',
			'created_at',
			'created_at_iso',
			'updated_at',
			'updated_at_iso',
			'name',
		]);
		expect(out).toEqual({
			id: 1,
			created_at: 1729073759,
			created_at_iso: '2024-10-16T10:15:59.000Z',
			updated_at: '2024-10-16 13:15:59',
			updated_at_iso: null,
			name: 'A',
		});
	});

	test('a field the record does not have gets no twin, and the record is returned as it is', () => {
		const record = { id: 1 };
		expect(withIsoTwins(record, ['created_at'])).toBe(record);
	});

	test('twin names follow the field: snake_case and camelCase', () => {
		expect(twinName('created_at')).toBe('created_at_iso');
		expect(twinName('createdAt')).toBe('createdAtIso');
		expect(twinName('date')).toBe('date_iso');
	});
});
