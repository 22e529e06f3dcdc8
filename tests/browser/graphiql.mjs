// GraphiQL as a person on a clinic's intranet meets it: headless Chromium that can reach
// nothing but the service. Fails (exit 1) unless the editor renders with the demo's booking
// example and token, the docs explorer lists the schema, the query runs with the token, and
// headers typed by the user survive a reload. Usage: node graphiql.mjs http://127.0.0.1:PORT/graphql
import { chromium } from 'playwright-core';

const url = process.argv[2];
const screenshot = process.env.SCREENSHOT;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  // No name resolves but the loopback address: a CDN reference would fail as offline.
  args: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1', '--no-sandbox'],
});
const failures = [];
const check = (ok, what) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
};
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 800 } });
  const origin = new URL(url).origin;
  const elsewhere = [];
  await context.route('**/*', (route) => {
    const target = route.request().url();
    if (target.startsWith(origin) || target.startsWith('data:')) return route.continue();
    elsewhere.push(target);
    return route.abort();
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));

  await page.goto(url, { waitUntil: 'load' });
  const editor = (selector) =>
    page.evaluate((s) => document.querySelector(s)?.CodeMirror?.getValue() ?? null, selector);
  await page.waitForSelector('.graphiql-query-editor .CodeMirror', { timeout: 20000 });
  const query = await editor('.graphiql-query-editor .CodeMirror');
  check(query?.includes('authorizationCheck'), 'the editor renders, opened on the booking check');
  const toolEditors = () => page.evaluate(() => [...document.querySelectorAll('.graphiql-editor-tool .CodeMirror')]
    .map((e) => e.CodeMirror.getValue()));
  const selectedTab = await page.textContent('.graphiql-editor-tools button.active');
  check(selectedTab?.trim() === 'Headers' && (await toolEditors()).some((v) => v.includes('"Authorization": "Bearer ')),
    'the Headers tab is open and holds the demo token');

  await page.click('.graphiql-execute-button');
  await page.waitForFunction(
    () => document.querySelector('.graphiql-response .CodeMirror')?.CodeMirror?.getValue().includes('authorized'),
    null,
    { timeout: 10000 },
  );
  const answer = JSON.parse(await editor('.graphiql-response .CodeMirror'));
  check(answer?.data?.authorizationCheck?.authorized === true,
    `the query runs with the token: ${JSON.stringify(answer).slice(0, 120)}`);

  // A dialog (GraphiQL's settings) runs its own script and styles: still nothing the CSP refuses.
  await page.click('[aria-label="Open settings dialog"]');
  await page.waitForSelector('[role="dialog"]', { timeout: 10000 });
  await page.keyboard.press('Escape');
  await page.click('[aria-label="Show Documentation Explorer"]');
  await page.waitForSelector('.graphiql-doc-explorer', { timeout: 10000 });
  await page.click('.graphiql-doc-explorer a.graphiql-doc-explorer-type-name:has-text("Query")');
  await page.waitForSelector('.graphiql-doc-explorer :text("authorizationCheck")', { timeout: 10000 });
  check(true, 'the docs explorer lists the schema (Query.authorizationCheck)');
  if (screenshot) await page.screenshot({ path: screenshot });

  const typed = '{\n  "Authorization": "Bearer pegado-por-la-usuaria"\n}';
  await page.evaluate((value) => {
    const all = [...document.querySelectorAll('.graphiql-editor-tool .CodeMirror')];
    all.find((e) => e.CodeMirror.getValue().includes('Authorization')).CodeMirror.setValue(value);
  }, typed);
  await page.waitForTimeout(1000); // GraphiQL stores edits after a short debounce
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('.graphiql-query-editor .CodeMirror', { timeout: 20000 });
  const kept = (await toolEditors()).includes(typed);
  check(kept, 'headers the user typed survive a reload');
  const stored = await page.evaluate(() => ({
    session: Object.keys(sessionStorage).map((k) => k + '=' + sessionStorage.getItem(k)).join(' '),
    local: Object.keys(localStorage).map((k) => k + '=' + localStorage.getItem(k)).join(' '),
  }));
  check(stored.session.includes('pegado-por-la-usuaria') && !stored.local.includes('pegado-por-la-usuaria'),
    'headers are kept for the browser tab (sessionStorage), not on the machine (localStorage)');

  check(elsewhere.length === 0, `nothing requested outside the service ${elsewhere.join(' ')}`);
  check(problems.length === 0, `no console errors (CSP violations included) ${problems.join(' | ')}`);
} finally {
  await browser.close();
}
process.exit(failures.length ? 1 : 0);
