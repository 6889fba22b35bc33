// The client examples the README shows are the files the e2e suites run (code-node.e2e.ts,
// packed-package.e2e.ts), byte for byte. Until the README shows one, its check is listed as skipped.
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

describe.each(['examples/code-node-client.js', 'examples/client-script.js'])(
	'the README example %s',
	(file) => {
		const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
		const firstLine = text.slice(0, text.indexOf('\n'));
		const shown = README.includes(firstLine);
		(shown ? it : it.skip)(
			shown ? 'is shown verbatim' : 'is shown verbatim (skipped: not in the README yet)',
			() => {
				expect(README).toContain(`\`\`\`js\n${text}\`\`\``);
			},
		);
	},
);
