/**
 * Runs task(0..count-1) with at most `limit` tasks at a time and returns the results in index order. After a
 * failure no new task starts, and the first failure (by index) is thrown once the running ones have settled.
 */
export async function runWithConcurrency<T>(
	count: number,
	limit: number,
	task: (index: number) => Promise<T>,
): Promise<T[]> {
	const results = new Array<T>(count);
	const failures = new Map<number, unknown>();
	let next = 0;
	const worker = async () => {
		while (next < count && failures.size === 0) {
			const index = next++;
			try {
				results[index] = await task(index);
			} catch (error) {
				failures.set(index, error);
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count)) }, worker));
	if (failures.size) throw failures.get(Math.min(...failures.keys()));
	return results;
}
