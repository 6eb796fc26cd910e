#!/usr/bin/env node
'use strict';
const path = require('path');
const fs = require('fs');
const built = path.join(__dirname, '..', 'build', 'cli', 'cli', 'main.js');
if (!fs.existsSync(built)) {
  process.stderr.write('scorecard: the command line is not built yet; run `npm install` (or `npm run build:cli`) in ' + path.join(__dirname, '..') + '\n');
  process.exit(2);
}
require(built).main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
