const { parallel, src, dest } = require('gulp');

// esbuild emits one bundle per node and credential; n8n reads icons and each node's codex file
// (X.node.json) from beside the built files.
function buildIcons() {
	return src('icons/*.svg').pipe(dest('dist/icons'));
}

function buildCodex() {
	return src('nodes/**/*.node.json').pipe(dest('dist/nodes'));
}

exports['build:assets'] = parallel(buildIcons, buildCodex);
