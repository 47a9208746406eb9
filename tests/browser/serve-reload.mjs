// Drives `seloste serve` from Chromium: opens a served page, then for each
// step writes the notice file, waits for the page to reload by itself and
// records what it shows. A reload is told from a DOM change by a marker
// set on `window` before each edit: a reloaded page has lost it.
// Usage: node serve-reload.mjs SPEC.json, where SPEC is
// { url, file, screenshots?, steps: [{ name, write, expect: "text" | "error" }] }.
// Prints one JSON object: { steps: [{ name, reloaded, text, error, url }] }.
// Run by tests/main/serve.rs.

import { readFileSync, writeFileSync } from 'node:fs';
import { launch } from './lib.mjs';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const browser = await launch();
const steps = [];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(spec.url, { waitUntil: 'load', timeout: 30_000 });
  // The event stream is open before anything is edited.
  await page.waitForTimeout(500);
  const state = async (name) => ({
    name,
    reloaded: await page.evaluate(() => window.__selosteMarker === undefined),
    text: await page.evaluate(() => document.body.innerText),
    error: await page.evaluate(() => {
      const e = document.getElementById('seloste-serve-error');
      return e ? e.innerText : null;
    }),
    url: page.url(),
  });
  steps.push(await state('opened'));
  for (const step of spec.steps) {
    await page.evaluate(() => { window.__selosteMarker = 1; });
    writeFileSync(spec.file, step.write);
    // Reloaded (the marker is gone) and the new page has loaded.
    await page.waitForFunction(() => window.__selosteMarker === undefined && document.readyState === 'complete', null, { timeout: 60_000 });
    if (step.expect === 'error') {
      await page.waitForSelector('#seloste-serve-error', { timeout: 10_000 });
    } else {
      await page.waitForFunction((t) => document.body.innerText.includes(t) && !document.getElementById('seloste-serve-error'), step.expect, { timeout: 10_000 });
    }
    if (spec.screenshots) {
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: `${spec.screenshots}/${step.name}-${width}.png` });
      }
      await page.setViewportSize({ width: 1280, height: 900 });
    }
    steps.push(await state(step.name));
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify({ steps }));
