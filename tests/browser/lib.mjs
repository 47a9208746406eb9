// Shared by the page checks run from tests/main/real_tools.rs and tests/main/xss.rs:
// one Chromium for all pages, pages opened from file://, and every request
// other than the page itself (and, for a bundle, files inside the bundle's
// own folder) aborted and recorded.
//
// The browser is the system's Chromium (`/usr/bin/chromium`, or the path in
// the environment variable CHROMIUM). Nothing here downloads a browser.

import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Pages checked side by side: 2 (the machines have 2 cores), or $BROWSER_WORKERS. */
export const WORKERS = Math.max(1, Number(process.env.BROWSER_WORKERS) || 2);

/** Starts Chromium with a fresh profile (Playwright makes a new one per launch). */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    chromiumSandbox: false,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
  });
}

/**
 * The pages to open, from the JSON file named by the first argument:
 * `[{ "file": "/abs/path.html", "allow": ["/abs/folder/"] }, ...]`.
 * `allow` lists folders whose files the page may load (a bundle's logo);
 * everything else it asks for is a finding.
 */
export function readJobs() {
  const path = process.argv[2];
  if (!path) {
    console.error(`usage: node ${process.argv[1]} JOBS.json`);
    process.exit(2);
  }
  return JSON.parse(readFileSync(path, 'utf8')).map((j) => ({
    file: j.file,
    url: pathToFileURL(j.file).href,
    allow: (j.allow || []).map((a) => pathToFileURL(a).href.replace(/\/?$/, '/')),
  }));
}

/**
 * Whether `job`'s page may load `url`: the page itself, and files below one
 * of its allowed folders. `data:` URLs never get here: they are not requests.
 */
export function allowed(job, url) {
  const bare = url.replace(/#.*$/, '');
  if (bare === job.url) return true;
  return bare.startsWith('file://') && !/\/\.\.?(\/|$)/.test(bare.slice(7)) && job.allow.some((a) => bare.startsWith(a));
}

/**
 * Visits every job with `n` pages working side by side, each page reused
 * from job to job (a new page costs more than the check of a small one).
 * `setup(context, page, state)` runs once per page; `state.job` is the job
 * being visited and `state.blocked(url)` is called for each request that
 * `allowed` refuses, which is aborted. `visit(job, page, state)` returns the
 * record of one job.
 */
export async function visitAll(browser, jobs, n, setup, visit) {
  const out = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const state = { job: null, blocked: () => {} };
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (state.job && allowed(state.job, url)) return route.continue();
      state.blocked(url);
      return route.abort('blockedbyclient');
    });
    let page = await context.newPage();
    await setup(context, page, state);
    try {
      while (next < jobs.length) {
        const i = next++;
        state.job = jobs[i];
        out[i] = await visit(jobs[i], page, state);
        if (page.isClosed()) {
          page = await context.newPage();
          await setup(context, page, state);
        }
      }
    } finally {
      await context.close();
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, jobs.length) }, worker));
  return out;
}

/** Prints the result for the Rust test, which parses the last line of stdout. */
export function emit(result) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
