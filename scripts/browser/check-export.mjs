// Opens an exported lesson page (file://) in headless Chromium and checks what a reader sees: every plot image
// loaded (naturalWidth > 0), every formula typeset by MathJax (none left as raw $...$ text), every cell's printed
// text in one block, and no path of the machine that built the page.
// Usage: node check-export.mjs PAGE.html SCREENSHOT.png [TABLE.png TEXT REGEX]
//   With the last three: the first printed block containing TEXT must also match REGEX (e.g. a table's heading and
//   its last row in one block), and a screenshot of that block goes to TABLE.png.
import { pathToFileURL } from 'node:url';
import { launch, within, fail } from './chromium.mjs';

const [page_path, shot, tableShot, blockText, blockRegex] = process.argv.slice(2);
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
    // Printed text: per code cell, how many blocks of stdout it shows (classic and lab templates of nbconvert).
    const cells = [...document.querySelectorAll('.jp-Cell.jp-CodeCell, div.cell.code_cell')];
    // The longest run of text blocks one after another (text, plot, text is two blocks, and fine).
    const blocks = cells.map((c) => {
      let run = 0;
      let longest = 0;
      for (const o of c.querySelectorAll('.jp-OutputArea-child, .output_area')) {
        // nbconvert 7 marks printed text application/vnd.jupyter.stdout; 6.x renders it as plain text.
        const stdout = o.querySelector('[data-mime-type="application/vnd.jupyter.stdout"], .jp-RenderedText, .output_stream');
        run = stdout ? run + 1 : 0;
        longest = Math.max(longest, run);
      }
      return longest;
    }).filter((n) => n > 0);
    const text = document.body.innerText;
    // Temporary and home folders, and any absolute path the kernel's %jars message names.
    const paths = [...new Set([...(text.match(/(\/tmp\/|\/root\/|\/home\/[a-z_][\w-]*\/)[^\s'"]*/g) || []),
      ...[...text.matchAll(/Add (\/\S+) to classpath/g)].map((m) => m[1])])];
    return { images, math, mathErrors, raw, title: document.title, blocks, paths };
  });

  console.log(`page: ${report.title}`);
  const bad = report.images.filter((i) => !i.complete || i.w === 0);
  console.log(`images: ${report.images.length} (${report.images.map((i) => `${i.w}x${i.h}`).join(', ')})`);
  console.log(`typeset formulas: ${report.math}, MathJax errors: ${report.mathErrors}, raw TeX text nodes: ${report.raw.length}`);
  await page.locator('img').first().scrollIntoViewIfNeeded().catch(() => {});
  await page.screenshot({ path: shot });
  console.log(`screenshot: ${shot}`);
  console.log(`printed cells: ${report.blocks.length}, longest run of text blocks per printed cell: ${report.blocks.join(' ')}`);
  if (report.paths.length) fail(`the page shows paths of the machine that built it: ${report.paths.slice(0, 3).join(', ')}`);
  const split = report.blocks.filter((n) => n > 1).length;
  if (split) fail(`${split} cell(s) show their printed text split over adjacent blocks`);
  if (blockText) {
    const pre = page.locator('.jp-OutputArea-output pre, .output_subarea pre', { hasText: blockText }).first();
    const found = await pre.count();
    if (!found) fail(`no printed block contains ${JSON.stringify(blockText)}`);
    const content = await pre.innerText();
    const rows = content.split('\n').filter((l) => l.trim()).length;
    console.log(`the block with ${JSON.stringify(blockText)}: ${rows} lines`);
    if (!new RegExp(blockRegex, 'm').test(content)) {
      fail(`the block with ${JSON.stringify(blockText)} does not also hold ${blockRegex}: the table falls apart`);
    }
    await pre.scrollIntoViewIfNeeded();
    await pre.screenshot({ path: tableShot });
    console.log(`table screenshot: ${tableShot}`);
  }
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
