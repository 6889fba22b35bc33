'use strict';
// Upload memory: peak RSS growth while the node uploads a 256 MiB binary, streamed from n8n's
// filesystem binary store, side by side with the same upload from memory mode (a buffered upload).
const { MiB, mib, measureInWorker } = require('./measure');

const SIZE = 256 * MiB;
const TARGET = 64 * MiB;

function measure(binaryMode) {
	return measureInWorker('uploadMemoryWorker.js', [binaryMode, String(SIZE)], {
		trustTestCa: true,
	});
}

exports.title = 'Upload memory: peak RSS growth while uploading a 256 MiB binary through the node';

exports.run = async () => {
	const streamed = measure('filesystem');
	const buffered = measure('default');
	return [
		{
			case: 'filesystem mode (streamed)',
			'peak RSS growth': mib(streamed.growth),
			time: `${streamed.seconds.toFixed(1)} s`,
			'vs buffered': `${(streamed.growth / buffered.growth).toFixed(2)}×`,
			target: `< ${mib(TARGET)}`,
			pass: streamed.growth < TARGET ? 'yes' : 'NO',
		},
		{
			case: 'memory mode (buffered, for comparison)',
			'peak RSS growth': mib(buffered.growth),
			time: `${buffered.seconds.toFixed(1)} s`,
			'vs buffered': '1.00×',
			target: '-',
			pass: '-',
		},
	];
};
