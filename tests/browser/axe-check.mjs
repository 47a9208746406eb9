// Opens each page in Chromium, runs axe-core on it (WCAG 2.0 and 2.1, levels
// A and AA), and records console errors, uncaught page errors and requests
// other than the page itself. Usage: node axe-check.mjs JOBS.json (see
// lib.mjs). Prints one JSON object: { axe, tags, pages: [{ file,
// violations, incomplete, consoleErrors, pageErrors, requests }] }. Run by
// tests/main/real_tools.rs, which decides what fails.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { WORKERS, emit, launch, readJobs, visitAll } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_VERSION = require('axe-core/package.json').version;
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const brief = (r) => ({
  id: r.id,
  impact: r.impact,
  help: r.help,
  count: r.nodes.length,
  nodes: r.nodes.slice(0, 5).map((n) => ({
    target: n.target.join(' '),
    html: n.html.slice(0, 300),
    summary: (n.failureSummary || '').slice(0, 600),
  })),
});

const jobs = readJobs();
const browser = await launch();
try {
  const pages = await visitAll(
    browser,
    jobs,
    WORKERS,
    async (_context, page, state) => {
      // axe is added to each document before it loads: no request, and
      // nothing left in the page's DOM.
      await page.addInitScript({ content: AXE_SOURCE });
      page.on('console', (m) => {
        if (m.type() === 'error') state.rec?.consoleErrors.push(m.text());
      });
      page.on('pageerror', (e) => state.rec?.pageErrors.push(String(e)));
      state.blocked = (url) => state.rec?.requests.push(url);
    },
    async (job, page, state) => {
      const rec = { file: job.file, violations: [], incomplete: [], consoleErrors: [], pageErrors: [], requests: [] };
      state.rec = rec;
      try {
        // A print page is meant for paper: check it as it prints.
        await page.emulateMedia({ media: job.file.endsWith('.print.html') ? 'print' : 'screen' });
        await page.goto(job.url, { waitUntil: 'load' });
        const result = await page.evaluate(
          (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
          TAGS,
        );
        rec.violations = result.violations.map(brief);
        rec.incomplete = result.incomplete.map((r) => ({ id: r.id, count: r.nodes.length }));
      } catch (e) {
        rec.pageErrors.push(`the check itself failed: ${e}`);
      }
      // Late console messages of this page still land in its record.
      await page.goto('about:blank');
      state.rec = null;
      return rec;
    },
  );
  emit({ axe: AXE_VERSION, tags: TAGS, pages });
} finally {
  await browser.close();
}
