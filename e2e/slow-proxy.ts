// A bad signal for journeys to open Pathway through: an HTTP proxy in front
// of the real server that takes every request at once and passes it on, but
// can hold each answer back for a while, or for good. Connections are
// accepted and requests reach the server, as on a slow mobile network; only
// the answers are late. Give the page the proxy's address from the start, so
// the service worker and the session belong to that origin.
import http from "node:http";
import type { AddressInfo } from "node:net";

/** How long to hold the answer to one request, in ms; `Infinity` never answers. */
export type Hold = (method: string, path: string) => number;

export const NO_HOLD: Hold = () => 0;

export class SlowProxy {
  /** The origin to open pages at, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  private hold: Hold = NO_HOLD;
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Answers given so far, in order: `GET /api/v1/me 200`. */
  readonly answered: string[] = [];

  private constructor(
    private readonly server: http.Server,
    private readonly upstream: URL,
    private readonly agent: http.Agent,
  ) {
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** Starts a proxy to `target` (an origin such as the test's baseURL). */
  static async start(target: string): Promise<SlowProxy> {
    const server = http.createServer();
    // Keeps connections to the server open, as a browser's would be.
    const agent = new http.Agent({ keepAlive: true });
    await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
    const proxy = new SlowProxy(server, new URL(target), agent);
    server.on("request", (req, res) => proxy.pass(req, res));
    return proxy;
  }

  /** From now on, each new request's answer is held for `hold(method, path)` ms. */
  slow(hold: Hold | number) {
    this.hold = typeof hold === "number" ? () => hold : hold;
  }

  /** New requests are answered as soon as the server answers. */
  fast() {
    this.hold = NO_HOLD;
  }

  async close() {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    // Answers never given would keep the browser's connections open.
    this.server.closeAllConnections();
    await new Promise<void>((ok) => this.server.close(() => ok()));
    this.agent.destroy();
  }

  private pass(req: http.IncomingMessage, res: http.ServerResponse) {
    const method = req.method ?? "GET";
    const path = req.url ?? "/";
    // The hold is decided when the request arrives: switching to fast later
    // does not hurry an answer already on its slow way.
    const releaseAt = Date.now() + this.hold(method, path);
    const onward = http.request(
      {
        host: this.upstream.hostname,
        port: this.upstream.port,
        method,
        path,
        // The browser's own Host and cookies: the server sees the origin
        // the page is really at.
        headers: req.headers,
        agent: this.agent,
      },
      (answer) => {
        const body: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => body.push(chunk));
        answer.on("end", () => this.later(releaseAt, () => this.answer(res, answer, Buffer.concat(body), method, path)));
      },
    );
    onward.on("error", () => {
      if (!res.headersSent) res.writeHead(502).end();
    });
    req.pipe(onward);
  }

  private later(at: number, then: () => void) {
    if (at === Infinity) return;
    const t = setTimeout(() => {
      this.timers.delete(t);
      then();
    }, Math.max(0, at - Date.now()));
    this.timers.add(t);
  }

  private answer(res: http.ServerResponse, answer: http.IncomingMessage, body: Buffer, method: string, path: string) {
    if (res.destroyed) return;
    const headers = { ...answer.headers };
    // The whole body is sent in one go, so its length is known.
    delete headers["transfer-encoding"];
    delete headers["connection"];
    delete headers["keep-alive"];
    headers["content-length"] = String(body.length);
    res.writeHead(answer.statusCode ?? 502, headers);
    res.end(body);
    this.answered.push(`${method} ${path.split("?")[0]} ${answer.statusCode}`);
  }
}
