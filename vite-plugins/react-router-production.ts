import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

// A top-level React call that defines a component or a context: `var Link = React10.forwardRef(`.
const DEFINITION = /^(var \w+ = )(React\d*\.(?:forwardRef|memo|createContext)\()/gm;
// `Link.displayName = "Link";` at the top level: a name for React's developer tools.
const DISPLAY_NAME = /^\w+\.displayName = "[^"\n]*";\n/gm;

/**
 * React Router as a production build, of which the bundle keeps only what the app uses.
 *
 * Its package's exports lead to its development build only, developer warnings on (its issue
 * 14102): a build takes the production files beside them, which differ by that flag.
 *
 * Those files define each component and context with a top-level call (`forwardRef`, `memo`,
 * `createContext`) and most of them with a `displayName` assignment, which a bundler must assume
 * have side effects: it keeps every one, and all they use (forms, scroll restoration, route
 * prefetching, server components), whether the app renders them or not. Marked pure, with the
 * names left out (React's developer tools read them; a production build is not inspected with
 * them), the ones the app never uses drop out of the bundle.
 */
export function reactRouterProduction(): Plugin {
  const dist = join(
    dirname(createRequire(import.meta.url).resolve('react-router/package.json')),
    'dist/production',
  );
  return {
    name: 'gatehouse:react-router-production',
    apply: 'build',
    config: () => ({
      resolve: {
        alias: [
          { find: /^react-router$/, replacement: join(dist, 'index.mjs') },
          { find: /^react-router\/dom$/, replacement: join(dist, 'dom-export.mjs') },
        ],
      },
    }),
    transform(code, id) {
      if (!id.startsWith(dist)) return null;
      return {
        code: code.replace(DEFINITION, '$1/* @__PURE__ */ $2').replace(DISPLAY_NAME, ''),
        map: null,
      };
    },
  };
}
