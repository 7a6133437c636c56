/**
 * The widget's own files, served from the package's dist/ folder so a site's script tag can
 * point at the receiver: whatever the build put there (the script, what it loads lazily from
 * beside itself, locale files, source maps), nothing outside it, and not the receiver's own
 * code (dist/server/) or type declarations.
 *
 * Caching: names carry no version, so every response says `no-cache` with a strong ETag: the
 * browser keeps the file and revalidates it (a 304 without a body) each time, and a page never
 * mixes a new script with an old file it loads. Text is compressed (brotli or gzip) once and
 * kept in memory; the folder is a few hundred kilobytes.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { packageDistFolder } from '../package-folder.js';

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.map', '.json', '.html', '.svg']);
/** Below this, compression saves less than its header costs. */
const MIN_COMPRESS_BYTES = 1024;

interface Cached {
  version: string;
  body: Buffer;
  etag: string;
  lastModified: string;
  encoded: Map<'br' | 'gzip', Buffer>;
}

export interface WidgetFiles {
  readonly folder: string;
  /** The answer for a GET or HEAD of `pathname`, or null when no widget file is there. */
  serve(request: Request, pathname: string): Promise<Response | null>;
}

/** The file under `folder` a URL path names, or null when it names none a browser may have. */
export function resolveWidgetFile(folder: string, pathname: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const segments = path.split('/').slice(1);
  const hidden = segments.some((segment) => segment === '' || segment.startsWith('.') || segment.includes('\\') || segment.includes('\0'));
  if (hidden || segments[0] === 'server' || path.endsWith('.d.ts') || !(extname(path) in CONTENT_TYPES)) return null;
  const file = join(folder, ...segments);
  return file.startsWith(folder.endsWith(sep) ? folder : folder + sep) ? file : null;
}

function preferredEncoding(request: Request): 'br' | 'gzip' | null {
  const accepted = (request.headers.get('accept-encoding') ?? '').toLowerCase();
  return /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
}

const compress = (encoding: 'br' | 'gzip', body: Uint8Array) =>
  encoding === 'br' ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : gzipSync(body, { level: 9 });

export function widgetFiles(folder: string = packageDistFolder()): WidgetFiles {
  const cache = new Map<string, Cached>();

  async function load(file: string): Promise<Cached | null> {
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return null;
    const version = `${info.size}:${info.mtimeMs}`;
    const known = cache.get(file);
    if (known?.version === version) return known;
    const body = await readFile(file);
    const entry: Cached = {
      version,
      body,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
      lastModified: info.mtime.toUTCString(),
      encoded: new Map(),
    };
    cache.set(file, entry);
    return entry;
  }

  return {
    folder,
    async serve(request, pathname) {
      const file = resolveWidgetFile(folder, pathname);
      const entry = file === null ? null : await load(file);
      if (file === null || entry === null) return null;
      const extension = extname(file);
      const headers: Record<string, string> = {
        'Content-Type': CONTENT_TYPES[extension] as string,
        'Cache-Control': 'no-cache',
        ETag: entry.etag,
        'Last-Modified': entry.lastModified,
        Vary: 'Accept-Encoding',
        // Any site may load the widget; lazily loaded modules need CORS to run cross-origin.
        'Access-Control-Allow-Origin': '*',
        'Cross-Origin-Resource-Policy': 'cross-origin',
        'X-Content-Type-Options': 'nosniff',
      };
      const matches = (request.headers.get('if-none-match') ?? '').split(',').some((tag) => tag.trim().replace(/^W\//, '') === entry.etag);
      if (matches) return new Response(null, { status: 304, headers });

      let body = entry.body;
      const encoding = COMPRESSIBLE.has(extension) && body.byteLength >= MIN_COMPRESS_BYTES ? preferredEncoding(request) : null;
      if (encoding !== null) {
        let encoded = entry.encoded.get(encoding);
        if (!encoded) entry.encoded.set(encoding, (encoded = compress(encoding, entry.body)));
        body = encoded;
        headers['Content-Encoding'] = encoding;
      }
      headers['Content-Length'] = String(body.byteLength);
      return new Response(request.method === 'HEAD' ? null : (new Uint8Array(body.buffer, body.byteOffset, body.byteLength) as Uint8Array<ArrayBuffer>), {
        status: 200,
        headers,
      });
    },
  };
}
