// @ts-check
// ESLint flat config for the site's JavaScript: `make lint` runs it with the pinned eslint.
// Browser code (the pacer) sees browser globals; Node scripts (bench, node tests) see Node's.
import js from '@eslint/js';
import globals from 'globals';

export default [
  {
    ignores: [
      'node_modules/',
      'bench/node_modules/',
      'bench/.work/',
      'site/',
      'site.tmp/',
      '.venv/',
      'site-zensical/',
      'site-zensical.tmp/',
      '.venv-zensical/',
      '.cache/',
      // Libraries shipped as their authors publish them (tools/vendor_scripts.py copies them from node_modules).
      'overrides/assets/vendor/',
    ],
  },
  js.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      'no-unused-vars': ['error', { args: 'all', argsIgnorePattern: '^_', caughtErrors: 'all' }],
      'prefer-const': 'error',
      eqeqeq: ['error', 'always'],
      'no-var': 'error',
    },
  },
  {
    files: ['overrides/assets/javascripts/**/*.js'],
    languageOptions: { globals: globals.browser },
  },
  {
    // The service worker templates hooks/offline/service_worker.py fills in: classic scripts in a worker's scope.
    files: ['hooks/**/*.js'],
    languageOptions: { sourceType: 'script', globals: globals.serviceworker },
  },
  {
    // Node scripts; their page.evaluate callbacks run in the browser, so they see both.
    files: ['**/*.mjs', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
];
