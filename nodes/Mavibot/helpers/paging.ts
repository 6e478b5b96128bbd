import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { invalidParameter } from './validation';

/**
 * Paging loops for list actions. Both collect into ONE array that only grows by push, one element at a time, so a
 * large export costs the items themselves and nothing more: no concat/spread copies of the growing result, and each
 * raw page can be dropped as soon as it is mapped (pass `map` to keep only the fields you output).
 */
interface PagingCommon<T> {
	context: IExecuteFunctions;
	itemIndex: number;
	/** The API action, for the error message when the API keeps answering the same page. */
	action: string;
	/** How many items to collect at most; undefined collects everything. */
	limit?: number;
	/** Turns a raw item into the output item (e.g. Simplify). */
	map?: (item: IDataObject) => T;
	/** Identity of an item, to notice an API that ignores the paging parameter. Default: its `id`. */
	identity?: (item: IDataObject) => unknown;
}

export interface OffsetPaging<T> extends PagingCommon<T> {
	/** The most the API returns per request (its `limit` maximum). */
	pageSize: number;
	/** Fetches `size` items from `offset`. */
	fetchPage: (offset: number, size: number) => Promise<IDataObject[]>;
}

export interface PageNumberPaging<T> extends PagingCommon<T> {
	/** The fixed number of items the API returns per full page. */
	pageSize: number;
	/** The number of the first page (0 when the API counts from zero). */
	firstPage?: number;
	/** Fetches page number `page`. */
	fetchPage: (page: number) => Promise<IDataObject[]>;
}

export interface PagingResult<T> {
	items: T[];
	/** How many requests were sent. */
	requests: number;
}

class Collector<T> {
	readonly items: T[] = [];
	private previousFirst: string | undefined;

	constructor(private readonly options: PagingCommon<T>) {}

	get remaining(): number {
		return this.options.limit === undefined ? Infinity : this.options.limit - this.items.length;
	}

	/** Adds a page (up to the limit). A full page that starts like the previous one means the API ignored paging. */
	add(page: IDataObject[], full: boolean, pageLabel: string): void {
		const {
			context,
			itemIndex,
			action,
			map,
			identity = (item: IDataObject) => item.id,
		} = this.options;
		if (full && page.length) {
			const first = JSON.stringify(identity(page[0]) ?? null);
			if (first === this.previousFirst) {
				throw new NodeOperationError(
					context.getNode(),
					`Mavibot "${action}" answered ${pageLabel} with the same items as the page before [item ${itemIndex}]`,
					{
						itemIndex,
						description:
							'The API seems to ignore the paging parameter, so reading on would never end. Use a Limit, or narrow the request with a filter.',
					},
				);
			}
			this.previousFirst = first;
		}
		const take = Math.min(page.length, this.remaining);
		for (let index = 0; index < take; index++) {
			this.items.push(map ? map(page[index]) : (page[index] as unknown as T));
		}
	}
}

function asPage(value: IDataObject[] | undefined): IDataObject[] {
	return Array.isArray(value) ? value : [];
}

/**
 * Offset paging (`offset` + `limit`): each request asks for min(pageSize, what is still needed), and paging stops at
 * a page shorter than asked for, or when `limit` items are collected.
 */
export async function collectByOffset<T = IDataObject>(
	options: OffsetPaging<T>,
): Promise<PagingResult<T>> {
	const collector = new Collector<T>(options);
	let offset = 0;
	let requests = 0;
	while (collector.remaining > 0) {
		const size = Math.min(options.pageSize, collector.remaining);
		const page = asPage(await options.fetchPage(offset, size));
		requests++;
		collector.add(page, page.length >= size, `offset ${offset}`);
		if (page.length < size) break;
		offset += page.length;
	}
	return { items: collector.items, requests };
}

/**
 * Page-number paging (`page` = firstPage, firstPage + 1, …) with a page size the API fixes: paging stops at a page
 * shorter than pageSize, or when `limit` items are collected (the last page is cut).
 */
export async function collectByPage<T = IDataObject>(
	options: PageNumberPaging<T>,
): Promise<PagingResult<T>> {
	const collector = new Collector<T>(options);
	let page = options.firstPage ?? 0;
	let requests = 0;
	while (collector.remaining > 0) {
		const items = asPage(await options.fetchPage(page));
		requests++;
		collector.add(items, items.length >= options.pageSize, `page ${page}`);
		if (items.length < options.pageSize) break;
		page++;
	}
	return { items: collector.items, requests };
}

/**
 * Reads the usual "Return All" (returnAll) and "Limit" (limit) fields: undefined means everything, otherwise a
 * whole number of at least 1 (checked, as an expression may give anything).
 */
export function readReturnLimit(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) === true) return undefined;
	const limit = context.getNodeParameter('limit', itemIndex, 50) as unknown;
	const number = Number(limit);
	if (limit === '' || limit === null || !Number.isInteger(number) || number < 1) {
		throw invalidParameter(
			context,
			itemIndex,
			'Limit',
			`is "${String(limit)}", which is not a whole number of at least 1`,
			'Give how many results to return (1 or more), or switch on "Return All".',
		);
	}
	return number;
}
