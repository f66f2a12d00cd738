// Opens an exported lesson page (file://) in headless Chromium and checks what a reader sees: every plot image
// loaded (naturalWidth > 0) and every formula typeset by MathJax, none left as raw $...$ text.
// Usage: node check-export.mjs PAGE.html SCREENSHOT.png
import { pathToFileURL } from 'node:url';
import { launch, within, fail } from './chromium.mjs';

const [page_path, shot] = process.argv.slice(2);
if (!page_path || !shot) {
  console.log('usage: node check-export.mjs PAGE.html SCREENSHOT.png');
  process.exit(2);
}

const { context, close } = await launch();
try {
  const page = await context.newPage();
  const failedRequests = [];
  page.on('requestfailed', (r) => failedRequests.push(r.url()));
  await within(60_000, 'loading the page', page.goto(pathToFileURL(page_path).href, { waitUntil: 'load' }));

  // MathJax 2 typesets after load; wait until its queue has run (and some math has been produced).
  await within(90_000, 'MathJax typesetting the formulas', page.waitForFunction(() => {
    const mj = window.MathJax;
    if (!mj || !mj.Hub || !mj.isReady) return false;
    if (!window.__mlfTypeset) {
      window.__mlfTypeset = 'queued';
      mj.Hub.Queue(() => { window.__mlfTypeset = 'done'; });
    }
    return window.__mlfTypeset === 'done';
  }, null, { polling: 250, timeout: 0 }));

  const report = await page.evaluate(() => {
    const imgs = [...document.querySelectorAll('img')];
    const images = imgs.map((i) => ({ complete: i.complete, w: i.naturalWidth, h: i.naturalHeight }));
    const math = document.querySelectorAll('.MathJax_CHTML, .MathJax, mjx-container').length;
    const mathErrors = document.querySelectorAll('.MathJax_Error, merror, .mjx-merror').length;
    // Text still holding TeX delimiters, outside code (where a $ may be legitimate).
    const raw = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('pre, code, script, style, .jp-InputArea, .input_area, .MathJax_Preview')) continue;
      const t = n.textContent;
      if (t.includes('$$') || /\$[^$\s][^$]*\$/.test(t) || t.includes('\\(') || t.includes('\\[')) raw.push(t.trim().slice(0, 120));
    }
    return { images, math, mathErrors, raw, title: document.title };
  });

  console.log(`page: ${report.title}`);
  const bad = report.images.filter((i) => !i.complete || i.w === 0);
  console.log(`images: ${report.images.length} (${report.images.map((i) => `${i.w}x${i.h}`).join(', ')})`);
  console.log(`typeset formulas: ${report.math}, MathJax errors: ${report.mathErrors}, raw TeX text nodes: ${report.raw.length}`);
  await page.locator('img').first().scrollIntoViewIfNeeded().catch(() => {});
  await page.screenshot({ path: shot });
  console.log(`screenshot: ${shot}`);
  if (report.images.length < 2) fail(`expected the lesson's plots (at least 2 images), found ${report.images.length}`);
  if (bad.length) fail(`${bad.length} image(s) did not load (naturalWidth 0)`);
  if (report.math < 5) fail(`MathJax typeset only ${report.math} formulas`);
  if (report.mathErrors) fail(`MathJax reported ${report.mathErrors} error(s)`);
  if (report.raw.length) fail(`formulas left as raw TeX: ${report.raw.slice(0, 3).map((t) => JSON.stringify(t)).join('; ')}`);
  const mathjaxMisses = failedRequests.filter((u) => u.includes('mathjax'));
  if (mathjaxMisses.length) fail(`MathJax files missing from the export: ${mathjaxMisses.slice(0, 3).join(', ')}`);
} catch (e) {
  fail(e.message);
} finally {
  await close();
}
