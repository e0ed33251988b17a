import { test, expect, openApp, expectNoAxeViolations } from './fixtures';

test('the production build: API answers come from the mock service worker; an unknown address stays in the shell', async ({ page, mockApi }) => {
  const apiResponses: boolean[] = [];
  page.on('response', (res) => {
    // The health probe may reach the static host before the worker is up; the app's own requests never do.
    const { pathname } = new URL(res.url());
    if (pathname.startsWith('/api/v1/') && pathname !== '/api/v1/_mock/health') apiResponses.push(res.fromServiceWorker());
  });
  await openApp(page, '/');
  // The shell (and the page's title) paints before the mock API is up: wait for it.
  await mockApi.waitForHealth();
  const reseller = await page.evaluate(async () => {
    const res = await fetch('/api/v1/reseller');
    return { status: res.status, type: res.headers.get('content-type'), body: await res.json() };
  });
  expect(reseller.status).toBe(200);
  expect(reseller.type).toContain('application/json');
  expect(reseller.body).toHaveProperty('limits');
  expect(apiResponses.length).toBeGreaterThan(0);
  expect(apiResponses.every(Boolean)).toBe(true);

  // An unknown address shows a page inside the shell, not a white screen.
  await page.goto('/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});

test('language: ?lang=fr, the selector, and the choice is remembered', async ({ page }) => {
  await openApp(page, '/', { lang: 'fr' });
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: 'Accueil' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Packs de services' })).toBeVisible();
  await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('fr');
  await page.getByLabel('Langue').selectOption('en');
  await expect(nav.getByRole('link', { name: 'Service Plans' })).toBeVisible();
  await page.reload();
  await expect(nav.getByRole('link', { name: 'Service Plans' })).toBeVisible();
  await page.getByLabel('Language').selectOption('fr');
  await page.goto('/customers');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Clients' })).toBeVisible();
});

test('the accessibility check itself reports violations (a page with known faults)', async ({ page }) => {
  await page.setContent('<html lang="en"><head><title>t</title></head><body><main><img src="data:,"><button></button></main></body></html>');
  const failure = await expectNoAxeViolations(page).then(
    () => null,
    (error: Error) => error.message,
  );
  expect(failure).toMatch(/image-alt/);
  expect(failure).toMatch(/button-name/);
});
