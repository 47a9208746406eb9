// Opens each page in a phone-sized window (390 CSS pixels wide) and records
// whether anything overflows sideways: the document (`scrollWidth` against
// `innerWidth`) and each table, its scrolling wrapper and any preformatted
// block. Runs axe-core there too (WCAG 2.0 and 2.1, A and AA), since on a
// narrow screen tables are laid out as cards. Usage: node narrow-check.mjs
// JOBS.json (see lib.mjs). Prints one JSON object: { width, pages: [{ file,
// scrollWidth, innerWidth, overflowing, cards, violations, requests }] }.
// Run by tests/main/real_tools.rs, which decides what fails.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { WORKERS, emit, launch, readJobs, visitAll } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const WIDTH = 390;

const jobs = readJobs();
const browser = await launch();
try {
  const pages = await visitAll(
    browser,
    jobs,
    WORKERS,
    async (_context, page, state) => {
      await page.setViewportSize({ width: WIDTH, height: 844 });
      await page.addInitScript({ content: AXE_SOURCE });
      state.blocked = (url) => state.rec?.requests.push(url);
    },
    async (job, page, state) => {
      const rec = { file: job.file, scrollWidth: 0, innerWidth: 0, overflowing: [], cards: 0, violations: [], requests: [] };
      state.rec = rec;
      try {
        await page.goto(job.url, { waitUntil: 'load' });
        Object.assign(rec, await page.evaluate(() => {
          const name = (e) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className ? '.' + String(e.className).trim().replace(/ +/g, '.') : ''}`;
          const overflowing = [];
          for (const e of document.querySelectorAll('.table-scroll, table, pre')) {
            if (e.scrollWidth > e.clientWidth + 1) overflowing.push(`${name(e)}: ${e.scrollWidth} > ${e.clientWidth}`);
          }
          const rows = [...document.querySelectorAll('table.cards tbody tr')];
          return {
            scrollWidth: document.documentElement.scrollWidth,
            innerWidth: window.innerWidth,
            overflowing,
            // Rows laid out as cards (blocks), not as table rows.
            cards: rows.filter((r) => getComputedStyle(r).display === 'block').length,
          };
        }));
        const result = await page.evaluate(
          (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
          TAGS,
        );
        rec.violations = result.violations.map((r) => ({
          id: r.id,
          help: r.help,
          count: r.nodes.length,
          nodes: r.nodes.slice(0, 3).map((n) => n.target.join(' ')),
        }));
      } catch (e) {
        rec.violations.push({ id: 'check-failed', help: String(e), count: 1, nodes: [] });
      }
      return rec;
    },
  );
  emit({ width: WIDTH, pages });
} finally {
  await browser.close();
}
