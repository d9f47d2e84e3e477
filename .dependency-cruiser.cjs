/**
 * The import rules of README "How the code is laid out", checked by `npm run lint`
 * (dependency-cruiser: it resolves every import, `@/` included, and follows them through the
 * whole graph, so "page code never reaches Dexie" holds however deep the import).
 */

/**
 * The scripts injected into web pages (by lib/recording/, lib/walk/, lib/screenshots/): all they
 * import runs in the page. A new injected script is added here.
 */
const PAGE_ENTRYPOINTS = '^entrypoints/(recorder|walk|render|page-context)[.]ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'An import circle (type-only imports count too): modules that need each other are one module, or the shared part ' +
        'belongs in a small module of its own, or the lower one is handed what it needs (an observer, a parameter).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'lib-not-to-components',
      severity: 'error',
      comment: 'lib/ is logic; components/ is UI that uses it. UI that lib/ code needs is handed in by its entrypoint.',
      from: { path: '^lib/' },
      to: { path: '^components/' },
    },
    {
      name: 'page-code-not-to-worker',
      severity: 'error',
      comment:
        'Code injected into web pages must stay small and must not open our database (in a page, IndexedDB is the ' +
        "page's own): no React, no Dexie, no worker code (lib/db, lib/recording), however indirect the import " +
        '(type-only imports included). Plain-DOM page UI (components/inpage, components/walk) is fine.',
      from: { path: PAGE_ENTRYPOINTS },
      to: {
        path: ['^node_modules/(dexie|dexie-react-hooks|react|react-dom)/', '^lib/(db|recording)/'],
        reachable: true,
      },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import the checker cannot resolve would escape the rules above (and would fail the build anyway).',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: '^node_modules/' },
    exclude: { path: '^([.]output|[.]wxt)/' },
    // Type-only imports are seen (as `type-only`): a circle of types is a circle of ideas all the same.
    tsPreCompilationDeps: true,
    // The `@/` paths with a base URL the resolver understands (see that file).
    tsConfig: { fileName: 'tsconfig.depcruise.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
