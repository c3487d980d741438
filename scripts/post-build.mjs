// Trunk's post-build hook (Trunk.toml), for every page of a release build: splits the wasm at
// its split points, trims it, optimises it, names what it made by content, then precompresses
// everything (scripts/precompress.mjs). One hook because Trunk runs the hooks of a stage side
// by side, and precompression must see the final files. Measured, README "Performance".
//
// 1. Split (the card checkout). scripts/build-app.sh builds it with `--cfg wasm_split` (the split
//    points: src/split.rs) and `--emit-relocs` (both from build.rs, on CHECKOUT_WASM_SPLIT=1). Trunk knows nothing of splitting: it
//    runs wasm-bindgen on cargo's whole module, whose split points import a placeholder module.
//    So this starts again from cargo's raw .wasm: `wasm-split-cli` (wasm_split_cli_support,
//    installed by scripts/setup.sh) writes the main module, a chunk per split module
//    (`split_<module>.wasm`), chunks of the code several of them share (`chunk_<n>.wasm`) and the
//    loader (`__wasm_split.js`, which fetches a chunk the first time its code is called); then
//    wasm-bindgen on the main module, keeping the linker's exports the chunks import (memory,
//    the function table, shared functions). The linker's sections go (`withoutLinking`).
// 2. Dead classes (`dropDeadClasses`): classes wasm-bindgen exports for JavaScript that nothing
//    can ever make: wasm-streams' IntoUnderlyingSource/Sink/ByteSource, which leptos' server_fn
//    links into every page. Their JavaScript goes, and their wasm exports, so wasm-opt drops the
//    code behind them.
// 3. Short names (`shortNames`) for the imports and exports between the page's JS and its wasm.
// 4. wasm-opt -Oz on the main module and on each chunk (the pages say data-wasm-opt="0": Trunk
//    must not optimise a module this replaces); esbuild minifies the JS (the main JS and the
//    loader) and the page's CSS. (Trunk's own minification would minify index.html too, which
//    the server fills in at its `<head>` and `<body>`.)
// 5. Names by content, `<stem>-<16 hex>` as the server caches for a year (server/src/assets.rs):
//    each chunk by its bytes, then the loader, whose text names the chunks; the main JS and
//    wasm by a hash of all the page's wasm and JS (the loader imports the main JS and the main
//    JS imports the loader, so neither name can be a hash of its own file alone). index.html
//    gets the new names, new integrity digests, and a modulepreload of the loader (fetched
//    beside the main JS, not after it). The CSS, minified, is named by its content too.
//
// A page without split points (konbini, complete, embedded; any build without the cfg, e.g.
// scripts/measure-size.sh) keeps Trunk's wasm-bindgen output and gets steps 2 to 5.
// A Web Worker of a page (operator-emails.html's `data-type="worker"`) is left as Trunk made it
// and only precompressed: Trunk names it by its bin (`<bin>.js`, `<bin>_bg.wasm`,
// `<bin>_loader.js`), not by content, so that the page can start it by name; such names are
// not the page's `<bin>-<16 hex>` that the steps above look for.
// Development builds (`trunk serve`) are left as Trunk made them.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scopeCss, writeLoader } from './embed-build.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('post-build.mjs is a Trunk hook: TRUNK_STAGING_DIR is not set');
const release = process.env.TRUNK_PROFILE === 'release';
const here = path.dirname(fileURLToPath(import.meta.url));
// npm's binaryen 132 (scripts/setup.sh), never another wasm-opt on PATH (Trunk.toml's [tools]).
const WASM_OPT = path.join(here, '..', 'node_modules', '.bin', 'wasm-opt');
// npm's esbuild, for release builds only (development builds do without).
const { transformSync } = release ? await import('esbuild') : {};

const run = (command, args) => execFileSync(command, args, { stdio: ['ignore', 'inherit', 'pipe'] });
const hash16 = (...parts) => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest('hex').slice(0, 16);
};
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const stage = (name) => path.join(dir, name);

// Trunk's output for the page's one Rust app: <bin>-<hash>.js and <bin>-<hash>_bg.wasm, the
// hash a 64-bit number in hex without its leading zeros (so one build in 16 has 15 digits, and
// was once left unoptimised and unrenamed); what this hook names has always 16.
const TRUNK_HASH = '[0-9a-f]{1,16}';
const built = readdirSync(dir).filter((name) => new RegExp(`^.+-${TRUNK_HASH}_bg\\.wasm$`).test(name));
// The embedded checkout (embed.html): scoped CSS and its loader, scripts/embed-build.mjs.
const embed = built.length === 1 && built[0].startsWith('embed-');
if (built.length > 1) throw new Error(`post-build: more than one wasm in ${dir}: ${built}`);
if (built.length === 1 && (release || split(built[0]))) page(built[0]);
if (release) for (const css of readdirSync(dir).filter((n) => new RegExp(`^.+-${TRUNK_HASH}\\.css$`).test(n))) minifyCss(css);
if (release && embed) writeLoader(dir);
precompress();

/**
 * Whether the module has split points (`--cfg wasm_split`): their `#[no_mangle]` exports. Every
 * page that links the library has them, used or not (konbini, complete): split, a page whose
 * code calls none of them loses their code; unsplit, the linker keeps it (their futures'
 * vtables are in the function table, which wasm-opt cannot prune).
 */
function split(wasmName) {
  return readFileSync(stage(wasmName)).includes('__wasm_split_00');
}

function page(wasmName) {
  const old = wasmName.replace(/_bg\.wasm$/, ''); // checkout-app-60e39b688241f7b6
  const bin = old.replace(new RegExp(`-${TRUNK_HASH}$`), ''); // checkout-app
  const work = mkdtempSync(path.join(tmpdir(), 'post-build-'));
  try {
    // The page's app: the main JS and wasm, the loader's text and the chunks by stem.
    let main;
    let loader = null;
    const chunks = new Map();
    if (split(wasmName)) {
      const raw = path.join(targetDir(), 'wasm32-unknown-unknown', release ? 'release' : 'debug', `${bin}.wasm`);
      const out = path.join(work, 'split');
      run('wasm-split-cli', [raw, out, '--target', 'web', '--out-name', bin]);
      const bindgen = path.join(work, 'bindgen');
      run('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-typescript', '--out-name', bin, '--out-dir', bindgen, path.join(out, `${bin}.wasm`)]);
      main = { js: readFileSync(path.join(bindgen, `${bin}.js`), 'utf8'), wasm: readFileSync(path.join(bindgen, `${bin}_bg.wasm`)) };
      loader = readFileSync(path.join(out, '__wasm_split.js'), 'utf8');
      for (const name of readdirSync(out).filter((n) => /^(split|chunk)_.+\.wasm$/.test(n)).sort()) {
        chunks.set(name.replace(/\.wasm$/, ''), readFileSync(path.join(out, name)));
      }
      if (!main.js.includes('from "./__wasm_split.js"')) {
        // The page calls none of the split points (another page's): their chunks are unreachable,
        // but the linker kept their code (build such a page without --cfg wasm_split).
        console.warn(`post-build: ${bin} calls no split point; build it without --cfg wasm_split`);
        loader = null;
        chunks.clear();
      }
    } else {
      main = { js: readFileSync(stage(`${old}.js`), 'utf8'), wasm: readFileSync(stage(wasmName)) };
    }
    main.wasm = withoutLinking(main.wasm);
    for (const [stem, bytes] of chunks) chunks.set(stem, withoutLinking(bytes));
    main = shortNames(dropDeadClasses(main), bin, loader);
    if (release) {
      main.wasm = wasmOpt(main.wasm, work);
      for (const [stem, bytes] of chunks) chunks.set(stem, wasmOpt(bytes, work));
      main.js = minifyJs(main.js);
      if (loader !== null) loader = minifyJs(loader);
    }

    // Names by content (step 5).
    rmSync(stage(`${old}.js`));
    rmSync(stage(wasmName));
    const name = `${bin}-${hash16(main.wasm, main.js, loader ?? '', ...chunks.values())}`;
    let loaderName = null;
    if (loader !== null) {
      for (const [stem, bytes] of chunks) {
        const file = `${stem}-${hash16(bytes)}.wasm`;
        loader = replaceExactly(loader, new RegExp(`(["'])\\./${stem}\\.wasm\\1`, 'g'), `"./${file}"`, 1);
        writeFileSync(stage(file), bytes);
      }
      loader = replaceExactly(loader, new RegExp(`from ?(["'])\\./${bin}\\.js\\1`, 'g'), `from"./${name}.js"`, 1);
      loaderName = `__wasm_split-${hash16(loader)}.js`;
      writeFileSync(stage(loaderName), loader);
      // Only the ES imports: the wasm's import module stays "./__wasm_split.js".
      main.js = main.js.replace(/from ?(["'])\.\/__wasm_split\.js\1/g, `from"./${loaderName}"`);
    }
    writeFileSync(stage(`${name}.js`), main.js);
    writeFileSync(stage(`${name}_bg.wasm`), main.wasm);
    rewriteIndex(old, name, main, loaderName, loader);
    const chunked = loaderName ? `, ${chunks.size} chunks, loader ${loaderName}` : '';
    console.log(`post-build: ${name}${chunked}`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** index.html: the new names, their integrity, and the loader preloaded with the main JS. */
function rewriteIndex(old, name, main, loaderName, loader) {
  let html = readFileSync(stage('index.html'), 'utf8');
  if (!html.includes(old)) throw new Error(`post-build: index.html does not name ${old}`);
  html = html.replaceAll(old, name);
  const integrity = { [`${name}.js`]: sri(main.js), [`${name}_bg.wasm`]: sri(main.wasm) };
  let fixed = 0;
  html = html.replace(/<link\b[^>]*>/g, (tag) => {
    const file = Object.keys(integrity).find((f) => tag.includes(`${f}"`));
    if (!file) return tag;
    fixed += 1;
    const withIntegrity = tag.replace(/integrity="[^"]*"/, `integrity="${integrity[file]}"`);
    if (loaderName === null || !file.endsWith('.js')) return withIntegrity;
    // The loader is imported by the main JS: preloaded beside it, it is no extra round trip.
    const href = tag.match(/href="([^"]*)"/)[1].replace(`${name}.js`, loaderName);
    return `${withIntegrity}<link rel="modulepreload" href="${href}" crossorigin="anonymous" integrity="${sri(loader)}">`;
  });
  if (fixed !== 2) throw new Error(`post-build: expected the JS and wasm preloads in index.html, found ${fixed}`);
  writeFileSync(stage('index.html'), html);
}

/**
 * Step 2: drops exported classes JavaScript can never get an instance of, and their exports.
 * A class qualifies if its JS has no constructor and no static method and nothing wraps a
 * pointer from Rust into it (`X.__wrap`): then no instance exists, and its methods can never
 * be called. Anything unexpected leaves the files as they were.
 */
function dropDeadClasses({ js, wasm }) {
  const classes = [...js.matchAll(/^export class (\w+) \{\n([\s\S]*?)\n\}\n/gm)];
  let out = js;
  const dropped = [];
  for (const [whole, cls, body] of classes) {
    if (/^\s+(constructor|static)\b/m.test(body) || js.includes(`${cls}.__wrap`)) continue;
    const dispose = `if (Symbol.dispose) ${cls}.prototype[Symbol.dispose] = ${cls}.prototype.free;\n`;
    const registry = new RegExp(`^const ${cls}Finalization = \\(typeof FinalizationRegistry === 'undefined'\\)\\n.*\\n.*;\\n`, 'm');
    const next = out.replace(whole, '').replace(dispose, '').replace(registry, '');
    if (new RegExp(`\\b${cls}\\b`).test(next)) {
      console.warn(`post-build: ${cls} is still named after removing it; kept`);
      continue;
    }
    out = next;
    dropped.push(cls);
  }
  if (!dropped.length) return { js, wasm };
  // Enum tables (`const __wbindgen_enum_X = [...]`) that only the dropped classes read.
  for (const [line, table] of out.matchAll(/^const (__wbindgen_enum_\w+) = .*;\n/gm)) {
    if (out.match(new RegExp(`\\b${table}\\b`, 'g')).length === 1) out = out.replace(line, '');
  }
  // The wasm exports only the removed code called.
  const before = new Set([...js.matchAll(/\bwasm\.(\w+)/g)].map((m) => m[1]));
  const after = new Set([...out.matchAll(/\bwasm\.(\w+)/g)].map((m) => m[1]));
  const gone = [...before].filter((e) => !after.has(e));
  const stripped = rewriteNames(wasm, { drop: new Set(gone) });
  if (stripped.count !== gone.length) {
    console.warn(`post-build: not every export of ${dropped} was found in the wasm; kept`);
    return { js, wasm };
  }
  const check = spawnSync(process.execPath, ['--input-type=module', '--check'], { input: out });
  if (check.status !== 0) throw new Error(`post-build: the JS does not parse after dropping ${dropped}: ${check.stderr}`);
  console.log(`post-build: dropped ${dropped.join(', ')} (${gone.length} exports)`);
  return { js: out, wasm: stripped.bytes };
}

/**
 * Step 3: short names for what only the page's own JS and wasm say to each other. wasm-bindgen
 * names each import `__wbg_<function>_<16 hex>` and each closure shim export after its whole
 * Rust type (up to 340 characters), and every name is in both files: 9 KB of names that brotli
 * cannot share across the two files. Renamed in both: imports of `./<bin>_bg.js` as `a<n>`
 * (each the key of the import object and nowhere else), and wasm-bindgen's exports the JS
 * calls (`wasm.<name>`, and the JS shim of a closure's name) as `x<n>`. The memory, the table
 * and whatever the loader names keep their names; a name this cannot rename exactly is kept.
 */
function shortNames({ js, wasm }, bin, loader) {
  const module = new WebAssembly.Module(wasm);
  const taken = (name) => new RegExp(`\\b${name}\\b`).test(js);
  const imports = new Map();
  const exports = new Map();
  let out = js;
  let n = 0;
  const next = (prefix) => {
    let name;
    do name = `${prefix}${(n++).toString(36)}`; while (taken(name));
    return name;
  };
  for (const { module: from, name } of WebAssembly.Module.imports(module)) {
    if (from !== `./${bin}_bg.js`) continue;
    // The key of the import object, and nowhere else.
    const key = new RegExp(`^( +)${name}: function\\(`, 'gm');
    if ((out.match(key) ?? []).length !== 1 || out.match(new RegExp(`\\b${name}\\b`, 'g')).length !== 1) continue;
    const short = next('a');
    out = out.replace(key, `$1${short}: function(`);
    imports.set(name, short);
  }
  n = 0;
  for (const { name } of WebAssembly.Module.exports(module)) {
    // wasm-bindgen's own names only (unique by construction, never a word of a message).
    if (!/^(__wbindgen_|__externref_|__wbg_|wasm_bindgen_)/.test(name) || !out.includes(`wasm.${name}`)) continue;
    if (loader !== null && new RegExp(`\\b${name}\\b`).test(loader)) continue;
    const short = next('x');
    // `wasm.<name>` and the JS shim of the same name (closures), every whole-word occurrence.
    out = out.replace(new RegExp(`\\b${name}\\b`, 'g'), short);
    exports.set(name, short);
  }
  const renamed = rewriteNames(wasm, { module: `./${bin}_bg.js`, imports, exports });
  if (renamed.count !== imports.size + exports.size) throw new Error('post-build: a renamed name is not in the wasm');
  for (const { module: from, name } of WebAssembly.Module.imports(new WebAssembly.Module(renamed.bytes))) {
    if (from === `./${bin}_bg.js` && !out.includes(` ${name}: function(`)) throw new Error(`post-build: no JS for import ${name}`);
  }
  const check = spawnSync(process.execPath, ['--input-type=module', '--check'], { input: out });
  if (check.status !== 0) throw new Error(`post-build: the JS does not parse after renaming: ${check.stderr}`);
  console.log(`post-build: short names for ${imports.size} imports and ${exports.size} exports`);
  return { js: out, wasm: renamed.bytes };
}

/**
 * The module with imports (of `module`) and exports renamed, exports in `drop` removed, and
 * custom sections `dropCustom` says yes to removed (wasm binary format: the import section, 2,
 * the export section, 7, custom sections, 0). `count`: how many names it changed or removed.
 */
function rewriteNames(bytes, { module = null, imports = new Map(), exports = new Map(), drop = new Set(), dropCustom = () => false }) {
  const uleb = (at) => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return [value, at];
  };
  const encode = (value) => {
    const out = [];
    do {
      let byte = value & 0x7f;
      value = Math.floor(value / 128);
      if (value) byte |= 0x80;
      out.push(byte);
    } while (value);
    return Buffer.from(out);
  };
  const string = (at) => {
    const [length, start] = uleb(at);
    return [bytes.subarray(start, start + length).toString('utf8'), start + length];
  };
  const name = (text) => {
    const utf8 = Buffer.from(text, 'utf8');
    return Buffer.concat([encode(utf8.length), utf8]);
  };
  const limits = (at) => {
    const flags = bytes[at];
    let [, p] = uleb(at + 1);
    if (flags & 1) [, p] = uleb(p);
    return p;
  };
  const valueType = (at) => (bytes[at] === 0x63 || bytes[at] === 0x64 ? uleb(at + 1)[1] : at + 1);
  const section = (id, entries) => {
    const payload = Buffer.concat([encode(entries.length), ...entries]);
    return Buffer.concat([Buffer.from([id]), encode(payload.length), payload]);
  };
  let count = 0;
  const parts = [bytes.subarray(0, 8)];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = uleb(at + 1);
    const end = start + size;
    if (id === 2) {
      let [entries, p] = uleb(start);
      const out = [];
      while (entries--) {
        const [from, fieldAt] = string(p);
        const [field, kindAt] = string(fieldAt);
        const kind = bytes[kindAt];
        let q = kindAt + 1;
        if (kind === 0) [, q] = uleb(q);
        else if (kind === 1) q = limits(valueType(q));
        else if (kind === 2) q = limits(q);
        else if (kind === 3) q = valueType(q) + 1;
        else if (kind === 4) [, q] = uleb(q + 1);
        else throw new Error(`post-build: unknown import kind ${kind}`);
        const renamed = from === module ? imports.get(field) : undefined;
        if (renamed !== undefined) count += 1;
        out.push(Buffer.concat([bytes.subarray(p, fieldAt), name(renamed ?? field), bytes.subarray(kindAt, q)]));
        p = q;
      }
      parts.push(section(2, out));
    } else if (id === 7) {
      let [entries, p] = uleb(start);
      const out = [];
      while (entries--) {
        const [field, kindAt] = string(p);
        const [, q] = uleb(kindAt + 1);
        if (drop.has(field)) count += 1;
        else {
          const renamed = exports.get(field);
          if (renamed !== undefined) count += 1;
          out.push(Buffer.concat([name(renamed ?? field), bytes.subarray(kindAt, q)]));
        }
        p = q;
      }
      parts.push(section(7, out));
    } else if (id !== 0 || !dropCustom(string(start)[0])) {
      parts.push(bytes.subarray(at, end));
    }
    at = end;
  }
  return { count, bytes: Buffer.concat(parts) };
}

/**
 * The module without what only the linker and wasm-split-cli read: `--emit-relocs`' linking and
 * relocation sections (most of a module that is not split: wasm-opt would keep them) and the
 * split points' marker.
 */
function withoutLinking(bytes) {
  const linking = (name) => name === 'linking' || name.startsWith('reloc.') || name === '__wasm_split_unstable';
  return rewriteNames(bytes, { dropCustom: linking }).bytes;
}

/**
 * wasm-opt -Oz, with the features the module's target_features section names (then dropped,
 * with the producers section: nothing reads them in a browser).
 */
function wasmOpt(bytes, work) {
  const file = path.join(work, 'opt.wasm');
  writeFileSync(file, bytes);
  const result = spawnSync(WASM_OPT, ['-Oz', '--strip-producers', '--strip-target-features', file, '-o', file], { encoding: 'utf8' });
  // wasm-split-cli writes a name subsection binaryen does not know; harmless.
  const stderr = result.stderr.split('\n').filter((l) => l && !l.includes('unknown name subsection')).join('\n');
  if (stderr) console.error(stderr);
  if (result.status !== 0) throw new Error(`post-build: wasm-opt failed (${result.status})`);
  return readFileSync(file);
}

/** `text` with the `times` matches of the global regex `from` replaced, or an error. */
function replaceExactly(text, from, to, times) {
  const count = (text.match(from) ?? []).length;
  if (count !== times) throw new Error(`post-build: expected ${times} of ${from}, found ${count}`);
  return text.replace(from, to);
}

function minifyJs(js) {
  // The main JS's import object names the loader's module three times, as wasm-bindgen writes it
  // (one namespace, so one key is as good as three): not worth a warning.
  return transformSync(js, { loader: 'js', format: 'esm', minify: true, legalComments: 'none', logOverride: { 'duplicate-object-key': 'silent' } }).code;
}

/** The page's CSS minified, named by its content (`<stem>-<16 hex>.css`) in index.html too. */
function minifyCss(file) {
  const source = readFileSync(stage(file), 'utf8');
  // The embed's nesting lowered to plain selectors for every browser Stripe.js supports.
  const options = embed ? { target: ['chrome100', 'firefox100', 'safari15', 'edge100'] } : {};
  const css = transformSync(embed ? scopeCss(source, { withReset: file.startsWith('main-') }) : source, { loader: 'css', minify: true, legalComments: 'none', ...options }).code;
  const name = `${file.replace(new RegExp(`-${TRUNK_HASH}\\.css$`), '')}-${hash16(css)}.css`;
  rmSync(stage(file));
  writeFileSync(stage(name), css);
  let html = readFileSync(stage('index.html'), 'utf8');
  let fixed = 0;
  html = html.replace(/<link\b[^>]*>/g, (tag) => {
    if (!tag.includes(`/${file}"`)) return tag;
    fixed += 1;
    return tag.replace(`/${file}"`, `/${name}"`).replace(/integrity="[^"]*"/, `integrity="${sri(css)}"`);
  });
  if (fixed !== 1) throw new Error(`post-build: expected one link to ${file} in index.html, found ${fixed}`);
  writeFileSync(stage('index.html'), html);
}

function targetDir() {
  if (process.env.CARGO_TARGET_DIR) return path.resolve(process.env.CARGO_TARGET_DIR);
  const metadata = execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps', '--offline'], {
    cwd: process.env.TRUNK_SOURCE_DIR ?? process.cwd(),
    maxBuffer: 64 << 20,
  });
  return JSON.parse(metadata).target_directory;
}

function precompress() {
  const result = spawnSync(process.execPath, [path.join(here, 'precompress.mjs'), dir], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('post-build: precompress.mjs failed');
}
