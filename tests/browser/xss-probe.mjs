// Opens each page in Chromium with JavaScript on and an instrumented window,
// and records everything that would mean a payload from a notice's source
// ran or reached out:
//   - calls of alert, confirm, prompt, print, open and window.__xss (also
//     reading or setting __xss), dialogs and pop-ups;
//   - any request other than the page itself (aborted), any navigation
//     away from it, any frame;
//   - securitypolicyviolation events, and any change of the DOM after it
//     was parsed (the pages have no script, so nothing may change it);
//   - after load, a scan of the DOM for what the templates never write:
//     elements outside the set they use, <script>, <iframe>, <object>,
//     <embed>, <base>, <meta http-equiv>, on* attributes, attributes outside
//     the set they use, and links or sources whose resolved URL is not
//     http(s), mailto, tel or a file of the page's own folder tree.
// Usage: node xss-probe.mjs JOBS.json (see lib.mjs). Prints one JSON object:
// { pages: [{ file, events: [...], findings: [...] }] }. Run by tests/main/xss.rs.

import { WORKERS, emit, launch, readJobs, visitAll } from './lib.mjs';

// Runs in every document (and frame) before anything else.
const INSTRUMENT = `(() => {
  const report = (kind, detail) => {
    try { window.__selosteReport(kind, String(detail).slice(0, 300)); } catch (_) {}
  };
  for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
    try {
      Object.defineProperty(window, name, {
        configurable: false,
        writable: false,
        value: (...args) => { report('call:' + name, args.join(' ')); },
      });
    } catch (e) { report('instrument', name + ': ' + e); }
  }
  Object.defineProperty(window, '__xss', {
    configurable: false,
    get() { report('read:__xss', ''); return (...args) => report('call:__xss', args.join(' ')); },
    set(v) { report('set:__xss', v); },
  });
  document.addEventListener('securitypolicyviolation',
    (e) => report('csp', e.violatedDirective + ' ' + e.blockedURI), true);
  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver((records) => {
      for (const r of records) {
        report('mutation', r.type + ' ' + (r.target.nodeName || '') + ' ' + (r.attributeName || ''));
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  }, { once: true });
})();`;

// What the templates and the Markdown filter write, and nothing else.
const SCAN = () => {
  const TAGS = new Set(('html head meta title link style body header footer main nav section div p span a '
    + 'ul ol li dl dt dd h1 h2 h3 h4 h5 h6 table thead tbody tr th td time img em strong code pre '
    + 'blockquote hr br del').split(' '));
  const ATTRS = new Set(('class id href hreflang lang aria-label aria-labelledby role tabindex scope '
    + 'datetime type title alt height src style name content charset rel start data-label data-section').split(' '));
  const SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:', 'file:']);
  const findings = [];
  const where = (el) => {
    const html = el.outerHTML || '';
    return `<${el.localName}> ${html.slice(0, 160)}`;
  };
  const all = document.getElementsByTagName('*');
  for (const el of all) {
    const tag = el.localName;
    if (el.namespaceURI !== 'http://www.w3.org/1999/xhtml' || !TAGS.has(tag)) {
      findings.push(`element ${where(el)}`);
    }
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      if (name.startsWith('on')) findings.push(`event handler ${name} on ${where(el)}`);
      else if (!ATTRS.has(name)) findings.push(`attribute ${name} on ${where(el)}`);
    }
    for (const name of ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcdoc']) {
      if (!el.hasAttribute(name)) continue;
      const raw = el.getAttribute(name);
      let scheme = '';
      try { scheme = new URL(raw, document.baseURI).protocol; } catch (_) { scheme = 'unparsable:'; }
      const squashed = raw.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
      if (!SCHEMES.has(scheme) || /^(javascript|vbscript|data):/.test(squashed)) {
        findings.push(`${name}=${JSON.stringify(raw.slice(0, 120))} (${scheme}) on ${where(el)}`);
      }
    }
    if (el.hasAttribute('style')) {
      const style = el.getAttribute('style');
      const brand = tag === 'header' && /^background-color: #[0-9a-f]{6}$/.test(style);
      const align = (tag === 'th' || tag === 'td') && /^text-align: (left|center|right)$/.test(style);
      if (!brand && !align) findings.push(`style=${JSON.stringify(style.slice(0, 120))} on ${where(el)}`);
    }
    if (tag === 'meta' && (el.hasAttribute('http-equiv') || el.parentElement !== document.head)) {
      findings.push(`meta ${where(el)}`);
    }
    if (tag === 'link' && (el.getAttribute('rel') !== 'alternate' || el.parentElement !== document.head)) {
      findings.push(`link ${where(el)}`);
    }
    if (tag === 'style' && el.parentElement !== document.head) findings.push(`style element ${where(el)}`);
    if (tag === 'img' && !el.classList.contains('logo')) findings.push(`image ${where(el)}`);
  }
  if (document.querySelectorAll('style').length > 1) findings.push('more than one <style>');
  if (document.querySelectorAll('title').length !== 1) findings.push('not exactly one <title>');
  if (window.frames.length) findings.push(`${window.frames.length} frames`);
  return findings;
};

const jobs = readJobs();
const browser = await launch();
try {
  const pages = await visitAll(
    browser,
    jobs,
    WORKERS,
    async (context, page, state) => {
      if (!state.bound) {
        state.bound = true;
        await context.exposeBinding('__selosteReport', (_source, kind, detail) => {
          state.rec?.events.push(`${kind}: ${detail}`);
        });
        context.on('page', (p) => {
          if (p !== state.page) state.rec?.events.push(`pop-up: ${p.url()}`);
        });
      }
      state.page = page;
      await page.addInitScript({ content: INSTRUMENT });
      page.on('dialog', (d) => {
        state.rec?.events.push(`dialog ${d.type()}: ${d.message()}`);
        d.dismiss().catch(() => {});
      });
      page.on('pageerror', (e) => state.rec?.events.push(`page error: ${e}`));
      page.on('frameattached', (f) => state.rec?.events.push(`frame: ${f.url()}`));
      page.on('framenavigated', (f) => {
        const url = f.url();
        if (state.rec && url !== 'about:blank' && url.replace(/#.*$/, '') !== state.job.url) {
          state.rec.events.push(`navigation: ${url}`);
        }
      });
      state.blocked = (url) => state.rec?.events.push(`request: ${url}`);
    },
    async (job, page, state) => {
      const rec = { file: job.file, events: [], findings: [] };
      state.rec = rec;
      try {
        await page.goto(job.url, { waitUntil: 'load' });
        // Let the timers queued until load run, then scan. (Anything that
        // happens later still lands in a record: the next page's, which
        // fails the test all the same.)
        rec.findings = await page.evaluate(`new Promise((r) => setTimeout(r, 0)).then(${SCAN})`);
      } catch (e) {
        rec.events.push(`the probe itself failed: ${e}`);
      }
      return rec;
    },
  );
  emit({ pages });
} finally {
  await browser.close();
}
