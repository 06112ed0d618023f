// ESLint's flat config cannot live in package.json, so it is this one top-level file.
import { readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const featuresDir = 'src/app/features';
const features = readdirSync(join(import.meta.dirname, featuresDir), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// The app runs in the browser and is rendered by the prerenderer through its own entry, so it
// may not reach Node or the build side; the contract is shared by both and must run in either.
const browserOnly = [
  {
    regex: `^(node:|(${builtinModules.map(escapeRegex).join('|')})(/|$))`,
    message: 'The app and the contract run in the browser: no Node built-ins.',
  },
  {
    // Relative (`../../plugin/x`), root-absolute (`/src/plugin`) and project-relative forms; a
    // package's own subpath (`some-package/plugin`) is not ours.
    regex: '^((\\.{1,2})?/(.*/)?|src/)(plugin|prerender)(/|$)',
    message: 'The app and the contract may not import the build side (src/plugin, src/prerender); share types through src/contract.',
  },
  {
    // The build side's own packages: Node-only, and a sign that build code is leaking in.
    regex: '^(vite|esbuild|gray-matter)(/|$)',
    message: 'The app and the contract run in the browser: vite, esbuild and gray-matter belong to the build side.',
  },
];

// A feature may not import another feature: what two features share lives in src/app/components,
// src/app/api or src/app/lib. `(\.\./)+name` is how a sibling feature is reached relatively from
// any depth inside a feature; `features/name` catches paths that climb above `features/`.
const featureBlocks = features.map((feature) => {
  const others = features.filter((other) => other !== feature).map(escapeRegex);
  const patterns = [...browserOnly];
  if (others.length > 0) {
    patterns.push({
      regex: `(^(\\.\\./)+|(^|/)features/)(${others.join('|')})(/|$)`,
      message: `Feature "${feature}" may not import another feature; move what they share to src/app/components, src/app/api or src/app/lib.`,
    });
  }
  return {
    name: `architecture/feature-${feature}`,
    files: [`${featuresDir}/${feature}/**/*.{ts,tsx}`],
    rules: { 'no-restricted-imports': ['error', { patterns }] },
  };
});

export default defineConfig([
  globalIgnores(['dist/', 'node_modules/', '.cache/', 'coverage/', 'screenshots/', 'bench/results/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'project/rule-choices',
    rules: {
      // Untrusted text is checked for and stripped of control characters on purpose.
      'no-control-regex': 'off',
      // `const { dropped, ...kept } = value` is how a field is left out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    name: 'app/react-hooks',
    files: ['src/app/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    // No type information here (it would cost more than the whole lint), so TanStack Query's
    // deprecated client methods are caught by name.
    name: 'app/no-deprecated-query-client',
    files: ['src/app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...['fetchQuery', 'prefetchQuery', 'ensureQueryData'].map((property) => ({ property, message: 'Deprecated in TanStack Query 5: use client.query().' })),
        ...['fetchInfiniteQuery', 'prefetchInfiniteQuery', 'ensureInfiniteQueryData'].map((property) => ({
          property,
          message: 'Deprecated in TanStack Query 5: use client.infiniteQuery().',
        })),
      ],
    },
  },
  {
    name: 'architecture/browser-only',
    files: ['src/app/**/*.{ts,tsx}', 'src/contract/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: browserOnly }] },
  },
  ...featureBlocks,
]);
