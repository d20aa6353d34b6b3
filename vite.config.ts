import { statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type ProxyOptions } from 'vite';

/**
 * The Content-Security-Policy the Sejour server sends with the front end. `vite preview` sends it
 * too, so that a production build can be checked against it (no inline script or style).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

const API_SERVER = 'http://localhost:3000';
const WEB_ROOT = fileURLToPath(new URL('./web', import.meta.url));

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** `/api/…` goes to the Sejour server (`npm run dev` or `npm start`, port 3000). */
const apiProxy: ProxyOptions = {
  target: API_SERVER,
  // The dev server also serves the source files of web/api/ under /api/ (e.g. /api/client.ts):
  // those stay with Vite.
  bypass: (request) => {
    const path = request.url?.split('?')[0];
    return path !== undefined && isFile(join(WEB_ROOT, path)) ? request.url : undefined;
  },
};

/**
 * index.html links the DSFR stylesheet and favicons as `../node_modules/…` (the root is `web/`).
 * The build resolves and bundles those files; the dev server would look for them under
 * `web/node_modules/`, so in dev it serves `/node_modules/…` from the repository's node_modules.
 */
function serveNodeModulesInDev(): Plugin {
  const nodeModules = fileURLToPath(new URL('./node_modules', import.meta.url));
  return {
    name: 'sejour:serve-node-modules-in-dev',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((request, _response, next) => {
        if (request.url?.startsWith('/node_modules/') === true) {
          request.url = `/@fs${nodeModules}${request.url.slice('/node_modules'.length)}`;
        }
        next();
      });
    },
  };
}

export default defineConfig({
  root: 'web',
  plugins: [react(), serveNodeModulesInDev()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    // SVG files stay files: the DSFR's artworks are used through <use href="…#id">, which does
    // not work with a data: URL.
    assetsInlineLimit: (filePath) => (filePath.endsWith('.svg') ? false : undefined),
    rolldownOptions: {
      output: {
        // Libraries in their own chunks: they change less often than the app, so browsers keep
        // them cached across deployments. The DSFR runtime (dsfr.module) stays its own lazy chunk.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            // Observable Plot and d3: only the statistics charts import them (dynamically), so they stay a lazy chunk.
            { name: 'plot', test: /node_modules[\\/](@observablehq[\\/]plot|d3|d3-[a-z-]+|internmap|delaunator|robust-predicates|interval-tree-1d|binary-search-bounds|isoformat)[\\/]/ },
            { name: 'vendor', test: /node_modules[\\/](?!@codegouvfr[\\/]react-dsfr[\\/]dsfr[\\/])/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': apiProxy },
  },
  preview: {
    proxy: { '/api': { target: API_SERVER } },
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  },
});
