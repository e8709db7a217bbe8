const s = performance.now();
await import('@secvisogram/csaf-validator-lib/validateStrict.js');
await import('@secvisogram/csaf-validator-lib/schemaTests.js');
await import('@secvisogram/csaf-validator-lib/mandatoryTests.js');
console.log('plain node load', (performance.now() - s).toFixed(0));
