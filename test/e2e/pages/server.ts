import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

// Real Preact for the controlled-input page, from this project's own node_modules (UMD builds).
const VENDOR: Record<string, string> = {
  'vendor/preact.js': 'node_modules/preact/dist/preact.umd.js',
  'vendor/hooks.js': 'node_modules/preact/hooks/dist/hooks.umd.js',
};

let reactApp: Promise<string> | undefined;

/** react-app.js with real React bundled in, built once per test run (issue 4: real React, not an imitation). */
function bundleReactApp(): Promise<string> {
  reactApp ??= import('esbuild').then(async ({ build }) => {
    const result = await build({
      entryPoints: [join(import.meta.dirname, 'react-app.js')],
      bundle: true,
      write: false,
      format: 'iife',
      minify: true,
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    return result.outputFiles[0]?.text ?? '';
  });
  return reactApp;
}

/** A static server for the fill fixtures on 127.0.0.1; `{{other}}` in a page becomes `other`. */
export interface PageServer {
  url: string;
  close(): Promise<void>;
}

/** `host`: the address to listen on (another machine's view of this one, for the plain-http warning). */
export async function servePages(other = '', host = '127.0.0.1'): Promise<PageServer> {
  const server: Server = createServer(async (req, res) => {
    const name = new URL(req.url ?? '/', 'http://x').pathname.slice(1);
    if (name === 'vendor/react-app.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(await bundleReactApp());
      return;
    }
    const vendor = VENDOR[name];
    if (vendor) {
      const js = await readFile(join(import.meta.dirname, '..', '..', '..', vendor));
      res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(js);
      return;
    }
    if (!/^[\w-]+\.html$/.test(name)) {
      res.writeHead(404).end();
      return;
    }
    try {
      const html = await readFile(join(import.meta.dirname, name), 'utf8');
      res
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        .end(html.replaceAll('{{other}}', other));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
