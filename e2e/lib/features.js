'use strict';
// What the built package offers: "<resource>.<operation>" for every operation of the Mavibot node, and "trigger"
// when the Mavibot Trigger node is registered. Cases that need something missing are skipped (the package grows
// while this tier is written).

const fs = require('node:fs');
const path = require('node:path');

function availableFeatures(packageDir) {
	const features = new Set();
	const pkg = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
	for (const file of pkg.n8n.nodes) {
		// Loaded from the build folder, whose node_modules has n8n-workflow (a peer dependency of the package).
		const exported = require(path.join(packageDir, file));
		for (const NodeClass of Object.values(exported)) {
			if (typeof NodeClass !== 'function') continue;
			const { description } = new NodeClass();
			if (description.name === 'mavibotTrigger') features.add('trigger');
			if (description.name !== 'mavibot') continue;
			const resources = description.properties
				.find((p) => p.name === 'resource')
				.options.map((o) => o.value);
			for (const resource of resources) {
				const operation = description.properties.find(
					(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource),
				);
				for (const option of operation ? operation.options : [])
					features.add(`${resource}.${option.value}`);
			}
		}
	}
	return features;
}

module.exports = { availableFeatures };
