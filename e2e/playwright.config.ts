// Playwright runs every journey against the real server (`pathway-server
// serve --demo`, fresh SQLite file per run) serving the release build in
// ../dist (or PATHWAY_DIST_DIR; port from E2E_PORT, default 8090). Build both first (scripts/test-all does).
import { defineConfig } from "@playwright/test";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const PORT = Number(process.env.E2E_PORT ?? 8090);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const SERVER_BIN = process.env.PATHWAY_SERVER_BIN ?? resolve(__dirname, "../target/release/pathway-server");
// A new database each run, so the demo people start the same every time.
const DB_FILE = join(tmpdir(), `pathway-e2e-${process.pid}-${Date.now()}.db`);

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  outputDir: "test-results",
  // Two cores and one server: run journeys one after another.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  // One retry, and the list says "flaky" for a journey that passed only on
  // it. CI once timed out closing a browser context after a journey that had
  // passed (health-accessibility, a 2 s journey; 15 runs under full CPU load
  // here never did it): a one-off of the browser, not of Pathway. A journey
  // that fails twice still fails the run.
  retries: 1,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: BASE_URL,
    viewport: { width: 360, height: 780 },
    isMobile: true,
    hasTouch: true,
    locale: "en-GB",
    serviceWorkers: "allow",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: `"${SERVER_BIN}" serve --demo`,
    url: `${BASE_URL}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PATHWAY_ADDR: `127.0.0.1:${PORT}`,
      DATABASE_URL: `sqlite://${DB_FILE}?mode=rwc`,
      PATHWAY_DIST: process.env.PATHWAY_DIST_DIR ?? resolve(__dirname, "../dist"),
      RUST_LOG: process.env.RUST_LOG ?? "warn",
    },
  },
});
