'use strict';
// Memory of a big list: File → Get Many with Return All through n8n's engine, over 10,000 and
// 100,000 files (10 and 100 pages), against the emulator in a process of its own. Peak RSS growth
// is set against the output: the same files parsed once from JSON (the least any output can hold).
// `kept` is what the output items hold once the run is over: near 1× means no second copy. The
// small list's RSS growth can hide in memory the process already had; its heap figure shows the
// growth is proportional. Fresh process per measurement; rounds interleave; medians are reported.

const { MiB, median, mib, loadAverage: load, measureInWorker } = require('./measure');

const COUNTS = [10_000, 100_000];
const ROUNDS = 3;
/** Peak RSS growth over the output held once: room for one page in flight and the GC's slack. */
const PEAK_TARGET = 2.5;
/** What the output items keep over the files held once: their wrappers, never a second copy. */
const KEPT_TARGET = 1.5;

function measure(count) {
	return measureInWorker('listMemoryWorker.js', [String(count)], { trustTestCa: true });
}

exports.title =
	'Big-list memory: File → Get Many, Return All, through n8n (peak RSS growth against the output)';

exports.run = async () => {
	const runs = new Map(COUNTS.map((count) => [count, []]));
	const loads = [load()];
	for (let round = 0; round < ROUNDS; round++) {
		for (const count of COUNTS) runs.get(count).push(measure(count));
		loads.push(load());
	}
	const rows = COUNTS.map((count) => {
		const of = (key) => median(runs.get(count).map((run) => run[key]));
		const once = of('onceHeap');
		const peak = of('rssGrowth') / once;
		const kept = of('outputHeap') / once;
		const judged = count === Math.max(...COUNTS);
		return {
			case: `${count.toLocaleString('en')} files (${count / 1000} pages)`,
			'output as JSON': mib(of('outputJson')),
			'output held once': mib(once),
			'peak RSS growth': mib(of('rssGrowth')),
			'peak heap growth': mib(of('heapGrowth')),
			'peak RSS / output': `${peak.toFixed(2)}×`,
			'peak heap / output': `${(of('heapGrowth') / once).toFixed(2)}×`,
			'kept / output': `${kept.toFixed(2)}×`,
			time: `${of('seconds').toFixed(1)} s`,
			target: judged ? `≤ ${PEAK_TARGET}× peak, ≤ ${KEPT_TARGET}× kept` : '-',
			pass: judged ? (peak <= PEAK_TARGET && kept <= KEPT_TARGET ? 'yes' : 'NO') : '-',
		};
	});
	rows.push({
		case: `load average (1 min) before and after each of ${ROUNDS} interleaved rounds: ${loads.join(' ')}`,
		'output as JSON': '-',
		'output held once': '-',
		'peak RSS growth': '-',
		'peak heap growth': '-',
		'peak RSS / output': '-',
		'peak heap / output': '-',
		'kept / output': '-',
		time: '-',
		target: '-',
		pass: '-',
	});
	return rows;
};
