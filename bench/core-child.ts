// Core validation timed in a fresh process: in the bench's own, after the Office.js runs, the heap
// it had grown made the 100,000-row run collect garbage the code under test did not make.
import { measureCore } from './core';

const rows = Number(process.argv[2]);
process.stdout.write(`${JSON.stringify(measureCore(rows))}\n`);
