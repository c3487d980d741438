// Serves the example merchant page (examples/host-page/index.html) on its own origin, and the
// embedded checkout's built files (dist/embed/, from scripts/build-app.sh) under a sub-path of
// it, /shop/checkout/, as a merchant who copies them into their site would. The page's data-api
// points at the checkout server (CHECKOUT_URL); list this page's origin there:
//   CHECKOUT_EMBED_ORIGINS=http://localhost:8000 scripts/dev.sh
//   node examples/host-page/serve.mjs          # then open http://localhost:8000/
// Environment: HOST_PAGE_PORT (8000), CHECKOUT_URL (http://127.0.0.1:4242), EMBED_DIR (dist/embed),
// HOST_PAGE_DIR (this folder: its index.html is /, any other <name>.html is /<name>.html).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.HOST_PAGE_PORT ?? 8000);
const checkout = (process.env.CHECKOUT_URL ?? 'http://127.0.0.1:4242').replace(/\/$/, '');
const pages = path.resolve(process.env.HOST_PAGE_DIR ?? here);
const embedDir = path.resolve(process.env.EMBED_DIR ?? path.join(here, '..', '..', 'dist', 'embed'));
const SUB_PATH = '/shop/checkout/';
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css', '.html': 'text/html; charset=utf-8' };

const server = createServer(async (request, response) => {
  const { pathname } = new URL(request.url, 'http://host');
  try {
    const page = pathname === '/' ? 'index.html' : pathname.slice(1);
    if (/^[\w-]+\.html$/.test(page)) {
      const html = (await readFile(path.join(pages, page), 'utf8')).replaceAll('http://127.0.0.1:4242', checkout);
      response.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-cache' });
      return response.end(html);
    }
    if (pathname.startsWith(SUB_PATH)) {
      const file = path.join(embedDir, path.normalize(pathname.slice(SUB_PATH.length)));
      if (!file.startsWith(embedDir + path.sep)) throw Object.assign(new Error('outside'), { code: 'ENOENT' });
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      return response.end(body);
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  } catch (error) {
    const status = error.code === 'ENOENT' || error.code === 'EISDIR' ? 404 : 500;
    response.writeHead(status, { 'content-type': 'text/plain' }).end(status === 404 ? 'not found' : 'error');
  }
});
server.listen(port, '127.0.0.1', () => console.log(`host page on http://localhost:${port}/ (checkout API ${checkout}/api)`));
