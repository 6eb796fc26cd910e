/* eslint-disable @typescript-eslint/no-require-imports */
// The lead's webpack config, used as is, with one stand-in while src/preview/workbook.ts (the
// browser preview's services) does not install the dev hook the e2e needs: then the composition's
// ./preview/workbook resolves to the stand-in beside this file (same workbook and services, plus
// the hook). Once the real module calls installPreviewHook this changes nothing.
'use strict';
const fs = require('fs');
const path = require('path');
const webpack = require('webpack');

const root = path.resolve(__dirname, '..', '..');
const base = require(path.join(root, 'webpack.config.js'));
const previewFile = path.join(root, 'src', 'preview', 'workbook.ts');
const realPreview = fs.existsSync(previewFile) && fs.readFileSync(previewFile, 'utf8').includes('installPreviewHook');

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
