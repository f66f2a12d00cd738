// Drives JupyterLab as a student would, in headless Chromium: logs in with the token, opens a lesson on the Java
// kernel, runs all cells, waits for the plots, saves a screenshot, and fails if any cell shows an error.
// Usage: node check-lab.mjs BASE_URL TOKEN LESSON.ipynb SCREENSHOT.png
// Prints "run-all-seconds: N" (Run All Cells until the last cell finished) for scripts/prove-container.
import { launch, within, fail } from './chromium.mjs';

const [base, token, lesson, shot] = process.argv.slice(2);
if (!base || !token || !lesson || !shot) {
  console.log('usage: node check-lab.mjs BASE_URL TOKEN LESSON.ipynb SCREENSHOT.png');
  process.exit(2);
}
const t = () => performance.now() / 1000;

const { context, close } = await launch();
let page;
try {
  page = await context.newPage();
  const consoleErrors = [];
  page.on('pageerror', (e) => consoleErrors.push(String(e)));

  // 1. The login page: without a token JupyterLab must ask for one.
  await within(60_000, 'opening JupyterLab', page.goto(`${base}/lab/tree/${lesson}`, { waitUntil: 'domcontentloaded' }));
  // jupyter_server's login page: the token (password) field, then (ignored here) a form to set a password.
  const password = page.locator('#password_input, input[name=password]').first();
  await within(30_000, 'the login page (JupyterLab did not ask for the token)', password.waitFor({ timeout: 0 }));
  await password.fill(token);
  await page.locator('#login_submit, button[type=submit], input[type=submit]').first().click();
  console.log('logged in with the token');

  // 2. The lesson opens on the Java kernel.
  const t0 = t();
  const panel = page.locator('.jp-NotebookPanel').first();
  await within(120_000, `opening ${lesson} in JupyterLab`, panel.waitFor({ timeout: 0 }));
  // Usually a few seconds. rapaio-jupyter-kernel 3.0.1 can drop the first kernel_info request of a new kernel (it
  // binds its sockets before it registers its handlers); JupyterLab's server then asks again after 60 s.
  await within(240_000, 'the Java kernel starting (toolbar kernel name "Java", status idle)', page.waitForFunction(() => {
    const name = document.querySelector('.jp-NotebookPanel .jp-KernelName, .jp-NotebookPanel [data-jp-item-name="kernelName"]');
    const ind = document.querySelector('.jp-NotebookPanel .jp-Notebook-ExecutionIndicator');
    const kernelName = name ? name.textContent.trim() : '';
    const idle = ind ? ind.getAttribute('data-status') === 'idle' : false;
    return kernelName === 'Java' && idle;
  }, null, { polling: 250, timeout: 0 }));
  const kernelSecs = t() - t0;
  console.log(`lesson open, Java kernel idle after ${kernelSecs.toFixed(1)} s`);
  if (kernelSecs > 45) {
    console.log('WARNING: the kernel needed JupyterLab\'s retry to connect (its first kernel_info was lost: a known ' +
      'start-up race in rapaio-jupyter-kernel 3.0.1)');
  }

  // 3. Run > Run All Cells.
  await page.locator('.lm-MenuBar-item', { hasText: /^Run$/ }).first().click();
  const runAll = page.locator('.lm-Menu-item', { has: page.locator('.lm-Menu-itemLabel', { hasText: /^Run All Cells$/ }) });
  await within(10_000, 'the "Run All Cells" menu item', runAll.waitFor({ timeout: 0 }));
  const tRun = t();
  await runAll.click();

  // Every code cell shows an execution count (no [*] and no blank prompt), and the kernel is idle again.
  await within(300_000, 'running all cells', page.waitForFunction(() => {
    const prompts = [...document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell .jp-InputArea-prompt')];
    const ind = document.querySelector('.jp-NotebookPanel .jp-Notebook-ExecutionIndicator');
    return prompts.length > 0 && prompts.every((p) => /\[\d+\]/.test(p.textContent)) &&
      (!ind || ind.getAttribute('data-status') === 'idle');
  }, null, { polling: 250, timeout: 0 }));
  const runSecs = t() - tRun;

  // 4. The plots render: every output image loaded with a real width.
  await within(60_000, 'the histogram and the other plot images rendering', page.waitForFunction(() => {
    const imgs = [...document.querySelectorAll('.jp-NotebookPanel .jp-OutputArea-output img')];
    return imgs.length >= 2 && imgs.every((i) => i.complete && i.naturalWidth > 0);
  }, null, { polling: 250, timeout: 0 }));

  const report = await page.evaluate(() => {
    const cells = [...document.querySelectorAll('.jp-NotebookPanel .jp-CodeCell')];
    const errors = [...document.querySelectorAll(
      '.jp-NotebookPanel .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')]
      .map((e) => e.textContent.trim().slice(0, 300));
    const imgs = [...document.querySelectorAll('.jp-NotebookPanel .jp-OutputArea-output img')]
      .map((i) => `${i.naturalWidth}x${i.naturalHeight}`);
    const math = document.querySelectorAll('.jp-NotebookPanel mjx-container, .jp-NotebookPanel .MathJax').length;
    return { cells: cells.length, errors, imgs, math };
  });
  console.log(`${report.cells} code cells run; images ${report.imgs.join(', ')}; typeset formulas ${report.math}`);
  console.log(`run-all-seconds: ${runSecs.toFixed(1)}`);

  // The histogram in view for the screenshot: the first plot.
  await page.locator('.jp-NotebookPanel .jp-OutputArea-output img').first().scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  await page.screenshot({ path: shot });
  console.log(`screenshot: ${shot}`);

  if (report.errors.length) fail(`${report.errors.length} cell(s) show an error: ${report.errors[0]}`);
  if (report.math === 0) fail('no formula was typeset in JupyterLab');
  if (consoleErrors.length) console.log(`(page errors: ${consoleErrors.slice(0, 3).join(' | ')})`);
} catch (e) {
  if (page) await page.screenshot({ path: shot.replace(/\.png$/, '-failure.png') }).catch(() => {});
  fail(`${e.message} (screenshot of the moment: ${shot.replace(/\.png$/, '-failure.png')})`);
} finally {
  await close();
}
