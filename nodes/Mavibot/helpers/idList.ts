import type { IExecuteFunctions } from 'n8n-workflow';

import { invalidParameter } from './validation';

/**
 * Accepts IDs as an array, a single number, or text separated by commas, semicolons, spaces or new lines, so that
 * `{{ $json.ids }}`, `{{ [1, 2] }}` and a pasted column all work. Duplicates are dropped, order is kept.
 */
export function parseIdList(
	context: IExecuteFunctions,
	value: unknown,
	displayName: string,
	itemIndex: number,
	{ numeric = false }: { numeric?: boolean } = {},
): Array<string | number> {
	const raw: unknown[] = Array.isArray(value)
		? value.flat(Infinity)
		: typeof value === 'number'
			? [value]
			: String(value ?? '')
					.replace(/^\s*\[|\]\s*$/g, '')
					.split(/[\s,;]+/);
	const ids: Array<string | number> = [];
	const seen = new Set<string>();
	for (const entry of raw) {
		if (entry === null || entry === undefined) continue;
		const text = String(entry)
			.trim()
			.replace(/^["']|["']$/g, '');
		if (text === '') continue;
		if (numeric && !/^\d+$/.test(text)) {
			throw invalidParameter(
				context,
				itemIndex,
				displayName,
				`contains "${text}", which is not a numeric ID`,
				'Use Mavibot client IDs (whole numbers), separated by commas or new lines, or an array expression such as {{ $json.clientIds }}.',
			);
		}
		if (seen.has(text)) continue;
		seen.add(text);
		ids.push(typeof entry === 'number' || (numeric && /^\d+$/.test(text)) ? Number(text) : text);
	}
	return ids;
}

export function chunk<T>(values: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < values.length; start += size)
		chunks.push(values.slice(start, start + size));
	return chunks;
}

/** IDs go out as numbers when they are whole numbers (as in the API's examples), otherwise as given. */
export function toApiId(value: string | number): string | number {
	const text = String(value).trim();
	return /^\d{1,15}$/.test(text) ? Number(text) : text;
}
