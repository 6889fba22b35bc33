/** Highest RSS seen while `work` runs, sampled every few milliseconds. */
export async function peakRss<T>(work: () => Promise<T>): Promise<{ result: T; peak: number }> {
	let peak = process.memoryUsage().rss;
	const sampler = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().rss);
	}, 5);
	try {
		const result = await work();
		return { result, peak: Math.max(peak, process.memoryUsage().rss) };
	} finally {
		clearInterval(sampler);
	}
}
