// The n8n-nodes-starter's formatting: tabs, single quotes, trailing commas, 100 columns.
module.exports = {
	semi: true,
	trailingComma: 'all',
	bracketSpacing: true,
	useTabs: true,
	tabWidth: 2,
	arrowParens: 'always',
	singleQuote: true,
	quoteProps: 'as-needed',
	endOfLine: 'lf',
	printWidth: 100,
	// npm rewrites package.json and its lockfile in the indentation it finds in package.json.
	overrides: [{ files: ['package.json'], options: { useTabs: false } }],
};
