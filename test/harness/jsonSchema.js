/**
 * The small part of JSON Schema that n8n's output schemas (__schema__/…/<operation>.json) use: type, properties,
 * required, items, additionalProperties. Validation is strict: an object field that the schema does not declare is a
 * problem unless the schema allows more fields (additionalProperties), so that a renamed output field fails twice
 * (the old name is missing from a required list, the new name is undeclared).
 */

function typeOf(value) {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'number') return 'number';
	return typeof value; // string, boolean, object
}

const allows = (schema, type) => {
	const types = [].concat(schema.type ?? []);
	return (
		types.length === 0 || types.includes(type) || (type === 'number' && types.includes('integer'))
	);
};

/** The problems of `value` against `schema`, as "path: problem" lines (empty when it conforms). */
function validate(schema, value, path = '$') {
	const type = typeOf(value);
	if (!allows(schema, type))
		return [`${path}: is ${type}, the schema says ${[].concat(schema.type).join(' or ')}`];
	if (
		type === 'number' &&
		[].concat(schema.type ?? []).join() === 'integer' &&
		!Number.isInteger(value)
	) {
		return [`${path}: is not an integer`];
	}
	const problems = [];
	if (type === 'array' && schema.items) {
		value.forEach((element, index) =>
			problems.push(...validate(schema.items, element, `${path}[${index}]`)),
		);
	}
	if (type === 'object') {
		const properties = schema.properties ?? {};
		for (const name of schema.required ?? []) {
			if (!(name in value)) problems.push(`${path}.${name}: is missing (required)`);
		}
		for (const [name, field] of Object.entries(value)) {
			if (properties[name]) problems.push(...validate(properties[name], field, `${path}.${name}`));
			else if (typeof schema.additionalProperties === 'object') {
				problems.push(...validate(schema.additionalProperties, field, `${path}.${name}`));
			} else if (schema.additionalProperties !== true) {
				problems.push(`${path}.${name}: is not declared in the schema`);
			}
		}
	}
	return problems;
}

/**
 * A schema describing every one of `samples` (used to write a first version of a schema from real outputs; the written
 * files are then read and adjusted by people). Fields present in every sample object are required.
 */
function infer(samples) {
	const types = [...new Set(samples.map(typeOf))];
	// null last, so that a tool reading only the first type sees the useful one
	const ordered = types.sort((a, b) => (a === 'null') - (b === 'null') || a.localeCompare(b));
	const schema = { type: ordered.length === 1 ? ordered[0] : ordered };
	const objects = samples.filter((sample) => typeOf(sample) === 'object');
	if (objects.length > 0) {
		const names = [...new Set(objects.flatMap((object) => Object.keys(object)))];
		schema.properties = Object.fromEntries(
			names.map((name) => [
				name,
				infer(objects.filter((object) => name in object).map((object) => object[name])),
			]),
		);
		const required = names.filter((name) => objects.every((object) => name in object));
		if (required.length > 0) schema.required = required;
	}
	const arrays = samples.filter((sample) => Array.isArray(sample));
	const elements = arrays.flat();
	if (elements.length > 0) schema.items = infer(elements);
	return schema;
}

module.exports = { validate, infer };
