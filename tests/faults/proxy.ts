/**
 * The fault proxy: an HTTP server on 127.0.0.1 between the clients and the sync server. With
 * faults on, each request draws one fault from a seeded PRNG:
 * - `delay`: held 50–800 ms before it is forwarded (reorders requests of the two clients);
 * - `dropRequest`: the client's connection is reset, nothing reaches the server;
 * - `dropResponse`: forwarded and answered by the server, then the client's connection is reset
 *   (the server committed what the client never hears about);
 * - `duplicate`: forwarded twice in a row, the client gets the second answer (a retried push);
 * - `cutResponse`: the server's status and headers and half of its body are sent, then reset;
 * - `pass`: forwarded untouched.
 * With faults off every request passes. A server that is down (killed) resets the client's
 * connection, as a refused connection would.
 */
import {
  createServer,
  request,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Rng } from './prng';

export type FaultKind =
  'pass' | 'delay' | 'dropRequest' | 'dropResponse' | 'duplicate' | 'cutResponse';

export const FAULT_KINDS: readonly FaultKind[] = [
  'pass',
  'delay',
  'dropRequest',
  'dropResponse',
  'duplicate',
  'cutResponse',
];

/** Relative weights with faults on: about half the requests meet a fault. */
const WEIGHTS: Record<FaultKind, number> = {
  pass: 45,
  delay: 15,
  dropRequest: 10,
  dropResponse: 12,
  duplicate: 10,
  cutResponse: 8,
};

export function drawFault(rng: Rng): FaultKind {
  const total = FAULT_KINDS.reduce((s, k) => s + WEIGHTS[k], 0);
  let r = rng.next() * total;
  for (const k of FAULT_KINDS) {
    r -= WEIGHTS[k];
    if (r < 0) return k;
  }
  return 'pass';
}

interface Upstream {
  status: number;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function readBody(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

export class FaultProxy {
  private server: Server | undefined;
  private rng: Rng | undefined;
  readonly counts: Record<FaultKind | 'upstreamDown', number> = {
    pass: 0,
    delay: 0,
    dropRequest: 0,
    dropResponse: 0,
    duplicate: 0,
    cutResponse: 0,
    upstreamDown: 0,
  };

  /** `upstreamPort()` is read per request: the server keeps its port across restarts. */
  constructor(private readonly upstreamPort: () => number) {}

  /** Faults on with this PRNG stream, or off (undefined). */
  setFaults(rng: Rng | undefined): void {
    this.rng = rng;
  }

  async listen(): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    const s = this.server;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  private forward(req: IncomingMessage, body: Buffer): Promise<Upstream> {
    return new Promise((resolve, reject) => {
      const headers = { ...req.headers, host: `127.0.0.1:${this.upstreamPort()}` };
      const up = request(
        {
          host: '127.0.0.1',
          port: this.upstreamPort(),
          method: req.method,
          path: req.url,
          headers,
        },
        (res) => {
          readBody(res)
            .then((b) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: b }))
            .catch(reject);
        },
      );
      up.on('error', reject);
      up.end(body);
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req).catch(() => undefined);
    if (!body) return void res.destroy();
    const fault: FaultKind = this.rng ? drawFault(this.rng) : 'pass';
    this.counts[fault]++;
    try {
      if (fault === 'dropRequest') return void res.destroy();
      if (fault === 'delay') await sleep(50 + Math.floor((this.rng?.next() ?? 0) * 750));
      let answer = await this.forward(req, body);
      if (fault === 'duplicate') answer = await this.forward(req, body);
      if (fault === 'dropResponse') return void res.destroy();
      // Fastify's own length and encoding headers are replaced by this proxy's.
      const headers = { ...answer.headers };
      delete headers['content-length'];
      delete headers['transfer-encoding'];
      delete headers['connection'];
      if (fault === 'cutResponse') {
        res.writeHead(answer.status, { ...headers, 'content-length': answer.body.length });
        res.write(answer.body.subarray(0, Math.floor(answer.body.length / 2)));
        setTimeout(() => res.destroy(), 20);
        return;
      }
      res.writeHead(answer.status, { ...headers, 'content-length': answer.body.length });
      res.end(answer.body);
    } catch {
      // the server is down (killed) or reset: the client sees a failed connection
      this.counts.upstreamDown++;
      res.destroy();
    }
  }
}
