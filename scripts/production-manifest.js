#!/usr/bin/env node
// Rewrites the development manifest's localhost URLs to the production URL.
// Used by the production webpack build, and on its own: `node scripts/production-manifest.js --out DIR`.
'use strict';
const fs = require('fs');
const path = require('path');

const DEV_URL = 'https://localhost:3000/';

function productionUrl() {
  const pkg = require('../package.json');
  const url = process.env.SCORECARD_PRODUCTION_URL || (pkg.config && pkg.config.productionUrl) || '';
  if (!/^https:\/\/[^/\s]+/.test(url)) {
    throw new Error(`production URL must start with https:// (got "${url}"): set SCORECARD_PRODUCTION_URL or package.json config.productionUrl`);
  }
  return url.endsWith('/') ? url : `${url}/`;
}

function rewriteManifest(xml, url = productionUrl()) {
  const origin = url.replace(/\/$/, '').replace(/^(https:\/\/[^/]+).*$/, '$1');
  const out = xml.split(DEV_URL).join(url).split(DEV_URL.slice(0, -1)).join(origin);
  if (/localhost/i.test(out)) throw new Error('manifest.xml still names localhost after rewriting');
  return out;
}

module.exports = { rewriteManifest, productionUrl };

if (require.main === module) {
  const i = process.argv.indexOf('--out');
  const dir = i > 0 ? process.argv[i + 1] : 'dist';
  fs.mkdirSync(dir, { recursive: true });
  const xml = fs.readFileSync(path.join(__dirname, '..', 'manifest.xml'), 'utf8');
  fs.writeFileSync(path.join(dir, 'manifest.xml'), rewriteManifest(xml));
  console.log(`wrote ${path.join(dir, 'manifest.xml')} for ${productionUrl()}`);
}
