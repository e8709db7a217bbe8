import { validateCsaf } from './electron/services/advisories/csaf-validate';
import fs from 'node:fs';
const doc = JSON.parse(fs.readFileSync('/work/shared/fixtures/csaf/icsma-17-215-02.json', 'utf8'));
let s = performance.now(); let c = process.cpuUsage();
await validateCsaf(doc); let u = process.cpuUsage(c);
console.log('first', (performance.now() - s).toFixed(0), 'cpu', ((u.user+u.system)/1000).toFixed(0));
s = performance.now(); c = process.cpuUsage();
await validateCsaf(doc); u = process.cpuUsage(c);
console.log('second', (performance.now() - s).toFixed(0), 'cpu', ((u.user+u.system)/1000).toFixed(0));
