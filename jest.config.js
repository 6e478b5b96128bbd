/** Tests run against the built package (dist/), so `npm test` builds first. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.js'],
	modulePathIgnorePatterns: [
		'<rootDir>/dist/',
		'<rootDir>/.e2e/',
		'<rootDir>/.demo/',
		'<rootDir>/.bench/',
		'<rootDir>/e2e/',
	],
	testTimeout: 30000,
	maxWorkers: 2,
};
