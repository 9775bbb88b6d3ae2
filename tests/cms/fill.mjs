// Fills the Decap CMS form as an officer would, in headless Chromium, then saves (tests/test_cms_browser.py).
// Usage: node fill.mjs PLAN.json. The plan: {url, chromium, screenshot, steps: [[action, path, value], ...]}.
// A path names a field by its keys (`penanggung_jawab.nip`): each key is the first label of that key after
// the previous one, in the order the form shows them, so nested and list fields are found as a person finds them.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const plan = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const browser = await chromium.launch({
  executablePath: plan.chromium,
  headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
    '--disable-default-apps', '--no-first-run', '--disable-dev-shm-usage', '--disable-gpu'],
});
const problems = [];
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 1500 } });
  page.on('pageerror', error => problems.push(`page error: ${error.message}`));
  // Nothing may come from the network but the two loopback servers of the test.
  await page.route(url => !/^http:\/\/127\.0\.0\.1:/.test(url.href), route => {
    problems.push(`blocked request: ${route.request().url()}`);
    return route.abort();
  });
  await page.goto(plan.url);
  const login = page.getByRole('button', { name: /login/i });
  await Promise.race([login.waitFor({ timeout: 30000 }).then(() => login.click()).catch(() => {}),
    page.waitForURL(/#\/collections/, { timeout: 30000 })]);
  await page.goto(plan.url.replace(/#.*$/, '') + '#/collections/inovasi/new');
  await page.locator('label[for^="nama-field-"]').first().waitFor({ timeout: 30000 });

  const filled = new Set();
  for (const [action, path, value] of plan.steps) {
    if (action === 'add') {
      await page.getByRole('button', { name: `Add ${path}`, exact: true }).click();
      continue;
    }
    const id = await page.evaluate(keys => {
      const labels = [...document.querySelectorAll('label[for]')];
      let at = 0;
      for (const key of keys) {
        at = labels.findIndex((label, index) => index >= at && label.htmlFor.startsWith(`${key}-field-`));
        if (at < 0) return null;
      }
      return labels[at].htmlFor;
    }, path.split('.'));
    if (!id) throw new Error(`no field ${path} in the form`);
    const control = page.locator(`[id="${id}"]`);
    if (action === 'text') {
      await control.fill(String(value));
    } else if (action === 'date') {
      await control.fill(value);
    } else if (action === 'choose') {  // react-select: type the choice, take it with Enter
      for (const choice of [].concat(value)) {
        await control.focus();
        await page.keyboard.type(choice);
        await page.keyboard.press('Enter');
      }
    } else if (action === 'upload') {  // the file widget: its media library, an upload, then "Choose selected"
      await page.locator(`label[for="${id}"]`)
        .locator('xpath=following::button[normalize-space()="Choose a file"][1]').click();
      await page.locator('input[type="file"]').setInputFiles(value);
      const choose = page.getByRole('button', { name: 'Choose selected', exact: true });
      await choose.and(page.locator(':enabled')).waitFor({ timeout: 30000 });
      await choose.click();
    } else if (action === 'check') {
      await control.click();
    } else {
      throw new Error(`unknown action ${action}`);
    }
    filled.add(path);
  }
  // The top of the filled form, as the officer sees it before saving (the README shows it).
  await page.evaluate(() => document.querySelector('label[for^="nama-field-"]').scrollIntoView());
  await page.screenshot({ path: plan.screenshot });
  await page.getByRole('button', { name: 'Save', exact: true }).first().click();
  const saved = await page.getByText(/Entry saved/i).first().waitFor({ timeout: 30000 }).then(() => true,
    () => false);
  const errors = await page.locator('[class*="ControlErrorsList"] li').allTextContents();
  console.log(JSON.stringify({ saved, filled: [...filled], errors, problems }));
} finally {
  await browser.close();
}
