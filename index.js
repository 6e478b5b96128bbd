// n8n loads this package through the "n8n" section of package.json; this file only marks the entry point.
module.exports = {};
