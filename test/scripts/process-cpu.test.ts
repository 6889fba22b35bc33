import { spawn } from 'node:child_process';

import { treeCpuSeconds } from '../../scripts/n8n/process-cpu';

const onLinux = process.platform === 'linux' ? it : it.skip;

describe('treeCpuSeconds', () => {
	onLinux('counts the CPU time of the processes below the given one', async () => {
		// A shell whose child, not the shell itself, keeps a core busy: as npm runs make runs the compiler.
		const shell = spawn(
			'sh',
			['-c', `"${process.execPath}" -e "const t = Date.now(); while (Date.now() - t < 4000);"`],
			{ detached: true },
		);
		try {
			await new Promise((resolve) => setTimeout(resolve, 1500));
			const seconds = treeCpuSeconds(shell.pid as number);
			expect(seconds).not.toBeNull();
			expect(seconds as number).toBeGreaterThan(0.2);
		} finally {
			const exited = new Promise((resolve) => shell.once('exit', resolve));
			process.kill(-(shell.pid as number), 'SIGKILL'); // the shell and its busy child
			await exited;
		}
	});

	onLinux('is null for a process that does not exist', () => {
		expect(treeCpuSeconds(2 ** 22 + 7)).toBeNull();
	});
});
