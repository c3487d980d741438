// Trunk's post-build hook (Trunk.toml): every built asset also as .br (brotli, quality 11) and
// .gz (gzip -9), made once at build time so the server sends them with Content-Encoding and
// never compresses on the fly. index.html is left out: the server fills it in at start and
// compresses that itself. Release builds only; development rebuilds stay fast.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) throw new Error('usage: precompress.mjs DIR (or as a Trunk hook, with TRUNK_STAGING_DIR)');
if (process.env.TRUNK_PROFILE && process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const COMPRESSIBLE = /\.(wasm|js|css|svg|json|html|txt)$/;
for (const name of readdirSync(dir)) {
  const file = path.join(dir, name);
  if (!statSync(file).isFile() || name === 'index.html' || !COMPRESSIBLE.test(name)) continue;
  const bytes = readFileSync(file);
  writeFileSync(`${file}.br`, brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }));
  writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
}
