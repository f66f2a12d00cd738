// Opens the exported course website from file:// in headless Chromium with every other host cut off, and checks what
// a reader does with it: the home page lists the tracks, "next" leads from the first lesson to the second, a search
// for "gradient" finds several lessons, a lesson page shows its plots and typeset formulas with its printed text in
// one block per cell, and no request leaves the folder.
// Usage: node check-site.mjs SITE_DIR SHOT_DIR [MIN_SEARCH_PAGES]
//   Writes SHOT_DIR/site-home.png, site-lesson.png, site-search.png. MIN_SEARCH_PAGES (default 3): how many lesson
//   pages the search for "gradient" must find (a site of track 00 alone has fewer than the whole course).
import { pathToFileURL } from 'node:url';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch, within, fail } from './chromium.mjs';

const [siteArg, shotArg, minPagesArg] = process.argv.slice(2);
const minPages = Number(minPagesArg || 3);
if (!siteArg || !shotArg) {
  console.log('usage: node check-site.mjs SITE_DIR SHOT_DIR');
  process.exit(2);
}
const site = resolve(siteArg);
const shots = resolve(shotArg);
mkdirSync(shots, { recursive: true });
const index = join(site, 'index.html');
if (!existsSync(index)) fail(`no index.html in ${site}: run ./course export first`);
const siteUrl = pathToFileURL(site).href;

const { context, close } = await launch();
const leaving = [];
const missing = [];
// The network is off for this page: anything that is not a file inside the site is refused and recorded.
await context.route('**/*', (route) => {
  const url = route.request().url();
  if (url.startsWith(siteUrl + '/') || url.startsWith('data:')) return route.continue();
  leaving.push(url);
  return route.abort();
});

async function typeset(page) {
  await within(90_000, 'MathJax typesetting the formulas', page.waitForFunction(() => {
    const mj = window.MathJax;
    if (!mj) return true;                       // a page without formulas
    if (!mj.Hub || !mj.isReady) return false;
    if (!window.__mlfTypeset) {
      window.__mlfTypeset = 'queued';
      mj.Hub.Queue(() => { window.__mlfTypeset = 'done'; });
    }
    return window.__mlfTypeset === 'done';
  }, null, { polling: 250, timeout: 0 }));
}

try {
  const page = await context.newPage();
  // A file the site names but does not have (a request cut short by leaving the page is not one).
  page.on('requestfailed', (r) => {
    if (r.url().startsWith(siteUrl) && /FILE_NOT_FOUND/.test(r.failure()?.errorText || '')) missing.push(r.url());
  });

  // 1. Home page: the tracks in the sidebar and a table of contents.
  await within(60_000, 'loading the home page', page.goto(pathToFileURL(index).href, { waitUntil: 'load' }));
  const home = await page.evaluate(() => ({
    title: document.title,
    captions: [...document.querySelectorAll('.caption, p.caption')].map((c) => c.innerText.trim()),
    lessons: [...document.querySelectorAll('a')].filter((a) => /\d\d-\d/.test(a.innerText)).length,
  }));
  console.log(`home: "${home.title}", sections: ${home.captions.join(' | ')}, lesson links: ${home.lessons}`);
  await page.screenshot({ path: join(shots, 'site-home.png') });
  if (!home.captions.some((c) => /track 00/i.test(c))) fail('the home page has no "Track 00" section in its table of contents');
  if (home.lessons < 2) fail(`the home page links ${home.lessons} lessons`);

  // 2. The first lesson, then "next" to the second.
  const first = page.locator('nav a, .toctree-wrapper a').filter({ hasText: /^\s*00-1/ }).first();
  await within(30_000, 'opening the first lesson', Promise.all([page.waitForNavigation(), first.click()]));
  const firstUrl = page.url();
  const next = page.locator('a.right-next, a[rel="next"]').first();
  if (!(await next.count())) fail(`the first lesson (${firstUrl}) has no "next" link`);
  await within(30_000, 'following "next"', Promise.all([page.waitForNavigation(), next.click()]));
  const secondUrl = page.url();
  console.log(`next: ${firstUrl.split('/').pop()} -> ${secondUrl.split('/').pop()}`);
  if (!/00-2-[^/]*\.html/.test(secondUrl)) fail(`"next" from 00-1 led to ${secondUrl}, not to lesson 00-2`);

  // 3. A lesson page with plots and formulas: every image loads, formulas are typeset, printed text is one block.
  await typeset(page);
  const lesson = await page.evaluate(() => {
    const imgs = [...document.querySelectorAll('.nboutput img, .output_area img')];
    const math = document.querySelectorAll('.MathJax_CHTML, .MathJax, mjx-container').length;
    const mathErrors = document.querySelectorAll('.MathJax_Error, merror, .mjx-merror').length;
    // Adjacent output blocks that both hold printed text and no image: a cell's text split in pieces.
    let split = 0;
    for (const out of document.querySelectorAll('div.nboutput')) {
      const prev = out.previousElementSibling;
      const text = (el) => el && el.classList.contains('nboutput') && el.querySelector('pre') && !el.querySelector('img');
      if (text(out) && text(prev)) split++;
    }
    const paths = document.body.innerText.match(/(\/tmp\/|\/root\/|\/home\/[a-z_][\w-]*\/)[^\s'"]*/g) || [];
    return {
      title: document.title,
      images: imgs.map((i) => ({ ok: i.complete && i.naturalWidth > 0, w: i.naturalWidth, h: i.naturalHeight })),
      math, mathErrors, split, paths,
    };
  });
  console.log(`lesson: "${lesson.title}", images ${lesson.images.length} (${lesson.images.map((i) => `${i.w}x${i.h}`).join(', ')}), `
    + `formulas ${lesson.math}, MathJax errors ${lesson.mathErrors}, split printed blocks ${lesson.split}`);
  await page.locator('.nboutput img').first().scrollIntoViewIfNeeded().catch(() => {});
  await page.screenshot({ path: join(shots, 'site-lesson.png') });
  if (lesson.images.length < 1) fail('the lesson page shows no plot');
  if (lesson.images.some((i) => !i.ok)) fail('an image on the lesson page did not load');
  if (lesson.math < 5) fail(`MathJax typeset only ${lesson.math} formulas on the lesson page`);
  if (lesson.mathErrors) fail(`MathJax reported ${lesson.mathErrors} error(s)`);
  if (lesson.split) fail(`${lesson.split} printed block(s) are split in pieces on the lesson page`);
  if (lesson.paths.length) fail(`the lesson page shows paths of the machine that built it: ${lesson.paths.slice(0, 3).join(', ')}`);

  // 4. Search from the sidebar's box.
  // (Older book themes show the box in the sidebar; newer ones open it in a dialog: then go to the results page.)
  const box = page.locator('input[name="q"]:visible').first();
  if (await box.count()) {
    await box.fill('gradient');
    await within(30_000, 'submitting the search', Promise.all([page.waitForNavigation(), box.press('Enter')]));
  } else {
    await within(30_000, 'opening the search page', page.goto(new URL('search.html?q=gradient', page.url()).href));
  }
  await within(60_000, 'the search results', page.waitForFunction(() => {
    const s = document.querySelector('#search-results');
    return s && /search finished|found|did not match/i.test(s.innerText);
  }, null, { polling: 250, timeout: 0 }));
  const results = await page.evaluate(() => [...document.querySelectorAll('#search-results ul.search li a')]
    .map((a) => a.getAttribute('href').split('#')[0].split('?')[0]));
  const pages = [...new Set(results)].filter((h) => /\d\d-\d/.test(h));
  console.log(`search "gradient": ${results.length} results on ${pages.length} lesson pages (${pages.slice(0, 6).join(', ')}${pages.length > 6 ? ', ...' : ''})`);
  await page.screenshot({ path: join(shots, 'site-search.png') });
  if (pages.length < minPages) fail(`a search for "gradient" found ${pages.length} lesson pages; expected at least ${minPages}`);

  console.log(`requests that tried to leave the folder: ${leaving.length}`);
  if (leaving.length) fail(`the site asked other hosts for: ${[...new Set(leaving)].slice(0, 5).join(', ')}`);
  if (missing.length) fail(`files missing from the site: ${[...new Set(missing)].slice(0, 5).join(', ')}`);
  console.log(`screenshots: ${shots}/site-home.png, site-lesson.png, site-search.png`);
  if (!process.exitCode) console.log('site ok');
} catch (e) {
  fail(e.message);
} finally {
  await close();
}
