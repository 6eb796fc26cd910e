/* eslint-disable @typescript-eslint/no-require-imports */
// Builds the task pane (taskpane.html), the ribbon's function file (commands.html), the help page
// and the manifest. Development serves HTTPS on localhost:3000; production rewrites every
// localhost URL in manifest.xml to the configured production URL and never asks for certificates.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
// webpack 5.113's own minimizer (it replaced terser-webpack-plugin); used here only to exclude Univer.
const MinimizerPlugin = require('minimizer-webpack-plugin');

const { rewriteManifest } = require('./scripts/production-manifest');

/**
 * `npm start` prints the one address to open as the LAST line after every build, so webpack's
 * output never scrolls it away (issue 16.4).
 */
class OpenAddressPlugin {
  constructor(url) { this.url = url; }
  apply(compiler) {
    compiler.hooks.done.tap('OpenAddressPlugin', (stats) => {
      if (!compiler.options.devServer) return;
      setImmediate(() => console.log(stats.hasErrors() ? `Build failed (see above). Then open ${this.url}` : `Open ${this.url}`));
    });
  }
}

/** Dev certificates made by office-addin-dev-certs, if they exist; else webpack-dev-server makes its own. */
function httpsServer() {
  const dir = path.join(os.homedir(), '.office-addin-dev-certs');
  const files = { key: 'localhost.key', cert: 'localhost.crt', ca: 'ca.crt' };
  if (Object.values(files).every((f) => fs.existsSync(path.join(dir, f)))) {
    const options = {};
    for (const [k, f] of Object.entries(files)) options[k] = fs.readFileSync(path.join(dir, f));
    return { type: 'https', options };
  }
  return 'https';
}

module.exports = (env, argv) => {
  const production = argv.mode === 'production';
  const port = Number(process.env.SCORECARD_PORT) || 3000;
  return {
    mode: production ? 'production' : 'development',
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      // The preview page without Excel (`/`): the grid (Univer, lazy) beside the real pane.
      'preview-page': './src/preview/page.tsx',
      commands: './src/commands/commands.ts',
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].[contenthash:8].js',
      chunkFilename: '[name].[contenthash:8].chunk.js',
      clean: true,
    },
    resolve: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    module: {
      rules: [
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: 'tsconfig.json' } } },
        // Only Univer's stylesheets (the preview's grid chunk) are CSS; the pane styles itself with Fluent.
        { test: /\.css$/, use: ['style-loader', 'css-loader'] },
      ],
    },
    performance: { hints: false },
    // Terser takes about two minutes on Univer's 15 MB (TOOLCHAIN.md "Univer"): the preview-only grid
    // chunks ship unminified; the task pane's own code is minified as before.
    optimization: production ? { minimizer: [new MinimizerPlugin({ exclude: /univerjs/, minify: MinimizerPlugin.terserMinify, minimizerOptions: { compress: { passes: 2 } } })] } : {},
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ filename: 'index.html', template: './src/preview/index.html', chunks: ['preview-page'] }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'] }),
      new HtmlWebpackPlugin({ filename: 'help.html', template: './src/commands/help.html', chunks: [] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => (production ? rewriteManifest(content.toString()) : content),
          },
        ],
      }),
      new OpenAddressPlugin(`https://localhost:${port}/`),
    ],
    devServer: {
      port,
      server: httpsServer(),
      headers: { 'Access-Control-Allow-Origin': '*' },
      static: false,
      hot: false,
      client: { overlay: { errors: true, warnings: false } },
    },
  };
};
