// A `fetch` for Node tests that reaches the test server at https://{tenant}.kendo.dev
// (and evil.test) the way a browser with --host-resolver-rules does: real TLS against
// the test certificate, the real Host header and SNI, only the address rewritten.
// Other hosts connect normally (which, offline, fails like an unreachable Kendo).
//
// It is undici's own fetch, not the global one: under vitest's happy-dom environment
// the global fetch is happy-dom's, which would ignore the dispatcher (and apply CORS).
import { Agent, buildConnector, fetch as undiciFetch } from 'undici';
import { CERT_PEM } from './index';
import type { KendoServer } from './types';

const ROUTED = /(^|\.)kendo\.dev$|^evil\.test$/i;

type UndiciInput = Parameters<typeof undiciFetch>[0];
type UndiciInit = NonNullable<Parameters<typeof undiciFetch>[1]>;

/** Request objects of another realm (Node's, happy-dom's) become url + init. */
async function normalize(
  input: RequestInfo | URL,
  init: RequestInit | undefined,
): Promise<[string, RequestInit]> {
  if (typeof input === 'string') return [input, init ?? {}];
  if (input instanceof URL || !('method' in input)) return [String(input), init ?? {}];
  const req = input as Request;
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  return [
    req.url,
    {
      method: req.method,
      headers: req.headers,
      body: hasBody ? await req.arrayBuffer() : undefined,
      signal: req.signal,
      redirect: req.redirect,
      ...init,
    },
  ];
}

export function nodeFetchFor(server: KendoServer): typeof fetch {
  const tls = buildConnector({ ca: CERT_PEM });
  const dispatcher = new Agent({
    connect: (opts, callback) => {
      if (!ROUTED.test(opts.hostname)) return tls(opts, callback);
      // Connect to the server, but verify the certificate against the real name.
      return tls(
        { ...opts, hostname: '127.0.0.1', port: String(server.port), servername: opts.hostname },
        callback,
      );
    },
  });
  const routed = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const [url, rest] = await normalize(input, init);
    const options = { ...rest, dispatcher } as unknown as UndiciInit;
    return (await undiciFetch(url as UndiciInput, options)) as unknown as Response;
  };
  return routed as typeof fetch;
}
