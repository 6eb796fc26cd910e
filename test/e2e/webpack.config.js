/* eslint-disable @typescript-eslint/no-require-imports */
// The lead's webpack config, used as is, with one stand-in while src/preview/workbook.ts (the
// browser preview's services) has not landed yet: then ./preview/workbook resolves to the e2e's own
// stand-in beside this file. Once the real module exists this changes nothing.
'use strict';
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');

const root = path.resolve(__dirname, '..', '..');
const base = require(path.join(root, 'webpack.config.js'));
const realPreview = ['ts', 'tsx'].some((ext) => fs.existsSync(path.join(root, 'src', 'preview', `workbook.${ext}`)));

module.exports = (env, argv) => {
  const config = typeof base === 'function' ? base(env, argv) : base;
  if (realPreview) return config;
  return {
    ...config,
    context: root,
    plugins: [
      ...config.plugins,
      new webpack.NormalModuleReplacementPlugin(/^\.\/preview\/workbook$/, path.join(__dirname, 'preview-workbook-standin.ts')),
    ],
  };
};
module.exports.usesStandIn = !realPreview;
