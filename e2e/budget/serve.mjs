// The servers a budget run needs: the real pathway-server on a fresh demo
// database, and a plain file server for the static copy of a page (the
// "no app at all" baseline that LCP is compared with).
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";

export async function startPathway({ bin, dist, port }) {
  const db = join(tmpdir(), `pathway-budget-${process.pid}-${Date.now()}.db`);
  const child = spawn(bin, ["serve", "--demo"], {
    env: {
      ...process.env,
      PATHWAY_ADDR: `127.0.0.1:${port}`,
      DATABASE_URL: `sqlite://${db}?mode=rwc`,
      PATHWAY_DIST: dist,
      RUST_LOG: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return { base, stop: () => child.kill() };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error("pathway-server did not start within 30 s");
}

const TYPES = {
  ".css": "text/css",
  ".js": "text/javascript",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  // robots.txt: the plain page a Lighthouse tab shows first (run.mjs, warmTab).
  ".txt": "text/plain; charset=utf-8",
};

/** Serves one HTML page at every address, and dist's files (the stylesheet,
 *  icons) at their own. No service worker, no script: the page as painted. */
export async function startStaticCopy({ html, dist, port }) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    const file = join(dist, path);
    if (path !== "/" && extname(path) && existsSync(file) && file.startsWith(dist)) {
      res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" });
      res.end(readFileSync(file));
      return;
    }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
  });
  await new Promise((r) => server.listen(port, "127.0.0.1", r));
  return { base: `http://127.0.0.1:${port}`, stop: () => server.close() };
}
