/**
 * Bad and hostile input, through the API and through the screens: every endpoint and form
 * refuses what is not valid with a clear message (never a 500), and user text always renders as
 * text (markup stays visible characters, nothing runs).
 */
import type { Page } from '@playwright/test';
import { test, expect, openApp, openSection, expectNoAxeViolations, MockApi } from './fixtures';

const MARKUP = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
const UNICODE = 'Zoë Ångström 李小龍 🚀 مرحبا';
const LONG = 'x'.repeat(61);
const HUGE = 'y'.repeat(200_000);

/** Nothing injected ran, and no javascript: URL is on the page. */
async function expectNothingRan(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  const hrefs = await page.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  expect(hrefs.filter((h) => /^\s*javascript:/i.test(h))).toEqual([]);
}

const customer = (fields: Record<string, unknown>) => ({ contactName: 'Valid Name', login: 'validlogin', password: 'long enough', ...fields });

test('API: hostile input is refused with 422 naming the field, or stored verbatim as text', async ({ page, mockApi }) => {
  await openApp(page, '/');
  await test.step('customer fields', async () => {
    const refused: [string, Record<string, unknown>, string][] = [
      ['empty name', { contactName: '' }, 'contactName'],
      ['whitespace name', { contactName: ' \t\n ' }, 'contactName'],
      ['61 characters', { contactName: LONG }, 'contactName'],
      ['200,000 characters', { contactName: HUGE }, 'contactName'],
      ['a control character', { contactName: 'Bad\u0000Name' }, 'contactName'],
      ['a bidi override', { contactName: 'Evil\u202Egnp.exe' }, 'contactName'],
      ['a number for a name', { contactName: 42 }, 'contactName'],
      ['markup in the username', { login: '<b>x</b>' }, 'login'],
      ['an upper-case username', { login: 'Admin' }, 'login'],
      ['a username with spaces', { login: ' bob' }, 'login'],
      ['a short password', { password: 'short' }, 'password'],
      ['a bad email', { email: 'not an email <x@y>' }, 'email'],
      ['an unknown country', { country: 'ZZ' }, 'country'],
    ];
    for (const [what, fields, field] of refused) {
      const res = await mockApi.request('POST', '/customers', customer(fields));
      expect(res.status, what).toBe(422);
      expect(res.headers['content-type'], what).toContain('application/problem+json');
      expect(Object.keys(res.body.errors ?? {}), what).toContain(field);
    }

    // Malformed bodies: 400, never a crash.
    for (const raw of ['{ "contactName": ', 'null', '[]', '"just a string"', '']) {
      const res = await mockApi.request('POST', '/customers', undefined, { raw });
      expect([400, 422], `body ${JSON.stringify(raw)}`).toContain(res.status);
      expect(res.body.title, `body ${JSON.stringify(raw)}`).toBeTruthy();
    }

    // Nothing of the refused requests was created.
    expect((await mockApi.request('GET', '/customers')).body.total).toBe(8);

    // Markup and any script are plain text: stored and returned exactly (unicode NFC-normalized).
    const created = await mockApi.request('POST', '/customers', customer({ contactName: MARKUP.slice(0, 60), companyName: UNICODE, login: 'hostile' }));
    expect(created.status).toBe(201);
    expect(created.body.contactName).toBe(MARKUP.slice(0, 60));
    expect(created.body.companyName).toBe(UNICODE);
    expect(created.body).not.toHaveProperty('password');
    const nfc = await mockApi.request('POST', '/customers', customer({ contactName: 'Rene\u0301 Combining', login: 'combining' }));
    expect(nfc.body.contactName).toBe('René Combining');
    // Search is accent-insensitive and treats regex characters literally.
    expect((await mockApi.request('GET', `/customers?q=${encodeURIComponent('angstrom')}`)).body.total).toBe(1);
    expect((await mockApi.request('GET', `/customers?q=${encodeURIComponent('.*+?([')}`)).body.total).toBe(0);
    expect((await mockApi.request('GET', `/customers?q=${encodeURIComponent('<img')}`)).body.total).toBe(1);

    // A __proto__ key pollutes nothing.
    const proto = await mockApi.request('POST', '/customers', undefined, {
      raw: '{"contactName":"Proto Type","login":"prototype","password":"long enough","__proto__":{"polluted":"yes"}}',
    });
    expect([201, 422]).toContain(proto.status);
    expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');
    expect(proto.body).not.toHaveProperty('polluted');
  });

  await test.step('other endpoints: subscriptions, plans, lists, ids, tools', async () => {
    const expectRefused = async (api: MockApi, method: string, path: string, body: unknown, status: number[] = [422]) => {
      const res = await api.request(method, path, body);
      expect(status, `${method} ${path} ${JSON.stringify(body)?.slice(0, 80)} → ${res.status}`).toContain(res.status);
      expect(res.body.detail, `${method} ${path}`).toBeTruthy();
      return res;
    };
    for (const domain of [
      '',
      '   ',
      '<b>x</b>.com',
      'javascript:alert(1)',
      'a..b.com',
      `${'a'.repeat(64)}.com`,
      `${'abc.'.repeat(70)}com`,
      'exa mple.com',
      '-bad.com',
    ]) {
      await expectRefused(mockApi, 'POST', '/subscriptions', { domain, ownerId: null, planId: 'plan-0001' });
    }
    await expectRefused(mockApi, 'POST', '/subscriptions', { domain: 'ok-domain.example', ownerId: '<script>', planId: 'plan-0001' }, [404, 409, 422]);
    await expectRefused(mockApi, 'POST', '/subscriptions', { domain: 'ok-domain.example', ownerId: null, planId: 'plan-0001', ipAddress: '999.1.1.1' });
    await expectRefused(mockApi, 'PUT', '/subscriptions/sub-00001/values', { resources: { max_box: -5 } });
    await expectRefused(mockApi, 'PUT', '/subscriptions/sub-00001/values', { resources: { max_box: 'lots' } });
    await expectRefused(mockApi, 'PUT', '/subscriptions/sub-00001/values', { php: { memory_limit: '<script>' } });
    await expectRefused(mockApi, 'POST', '/service-plans', { kind: 'hosting', name: '   ' });
    await expectRefused(mockApi, 'POST', '/service-plans', { kind: 'evil', name: 'Plan' });
    await expectRefused(mockApi, 'POST', '/subscriptions/bulk', { action: 'rm -rf', ids: ['sub-00001'] });
    await expectRefused(mockApi, 'GET', '/customers?sort=__proto__', undefined);
    await expectRefused(mockApi, 'GET', '/customers?page=-1', undefined);
    await expectRefused(mockApi, 'GET', '/subscriptions?pageSize=1000000000', undefined);
    await expectRefused(mockApi, 'GET', '/subscriptions?sync=<script>', undefined);
    await expectRefused(mockApi, 'GET', `/customers/${encodeURIComponent('<script>alert(1)</script>')}`, undefined, [404]);
    await expectRefused(mockApi, 'GET', `/customers/${encodeURIComponent('../../etc/passwd')}`, undefined, [404]);
    await expectRefused(mockApi, 'PUT', '/_mock/settings', { latencyMs: -1 });
    await expectRefused(mockApi, 'PUT', '/_mock/settings', { failureRate: '1; DROP TABLE' });
    await expectRefused(mockApi, 'PATCH', '/_mock/provider', { limits: { max_cl: 'many' } });
    await expectRefused(mockApi, 'PATCH', '/_mock/provider', { permissions: { root_access: true } });
    await expectRefused(mockApi, 'POST', '/_mock/reset', { scenario: '../../default' });
    await expectRefused(mockApi, 'PUT', '/_mock/state', { schemaVersion: 1, customers: 'all of them' });

    // Markup in a plan name is accepted as text and comes back unchanged.
    const plan = await mockApi.request('POST', '/service-plans', { kind: 'hosting', name: '<h1>Big</h1> & "Co"' });
    expect(plan.status).toBe(201);
    expect(plan.body.name).toBe('<h1>Big</h1> & "Co"');
    // Nothing refused above changed the store.
    expect((await mockApi.request('GET', '/subscriptions')).body.total).toBe(25);
    expect(await mockApi.getSettings()).toEqual({ latencyMs: 0, failureRate: 0 });
  });
});

test('screens render hostile text as text, everywhere it shows', async ({ page, mockApi }) => {
  await openApp(page, '/');
  const name = MARKUP.slice(0, 60);
  // One request arranges it all (the default scenario's next ids are cus-0009 and plan-0006).
  const arranged = await mockApi.reset('default', {
    customers: [customer({ contactName: name, companyName: '<b>bold?</b>', login: 'hostile' })],
    plans: [{ kind: 'hosting', name: '<i>Plan</i> & <u>Co</u>' }],
    subscriptions: [{ domain: 'hostile-owner.example', ownerId: 'cus-0009', planId: 'plan-0006' }],
  });
  expect(arranged.body.created).toEqual({ customers: ['cus-0009'], plans: ['plan-0006'], subscriptions: ['sub-00026'] });

  await openSection(page, 'Customers');
  await expect(page.getByRole('link', { name })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: `Select ${name}` })).toBeVisible();
  await expect(page.getByText('<b>bold?</b>')).toBeVisible();
  await expectNothingRan(page);

  await page.getByRole('link', { name }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByRole('button', { name: 'Remove' }).click();
  await expect(page.getByRole('alertdialog', { name: `Remove customer ${name}` })).toBeVisible();
  await page.keyboard.press('Escape');
  await expectNothingRan(page);

  await page.goto('/subscriptions?q=hostile-owner');
  await expect(page.getByRole('cell', { name: new RegExp(name.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })).toBeVisible();
  await openSection(page, 'Service Plans');
  await expect(page.getByRole('link', { name: '<i>Plan</i> & <u>Co</u>' })).toBeVisible();
  await page.getByRole('link', { name: '<i>Plan</i> & <u>Co</u>' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '<i>Plan</i> & <u>Co</u>' })).toBeVisible();
  await expectNothingRan(page);

  // An id that is markup in the address shows an error page, as text.
  await page.goto(`/customers/${encodeURIComponent('<img src=x onerror=alert(1)>')}`);
  await expect(page.getByRole('alert')).toContainText('<img src=x onerror=alert(1)>');
  await expectNothingRan(page);
});

test('forms refuse bad input at the field and keep what was typed', async ({ page }) => {
  await openApp(page, '/customers/new');
  const contact = page.getByLabel('Contact name');
  const company = page.getByLabel('Company name');
  const login = page.getByLabel('Username');
  await contact.fill('   ');
  await company.fill(LONG);
  await login.fill('<script>');
  await page.getByLabel('Password').fill('short');
  await page.getByLabel('Email').fill('nope@');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(contact).toHaveAccessibleDescription('This field is required.');
  await expect(company).toHaveAccessibleDescription('Enter at most 60 characters.');
  await expect(login).toHaveAccessibleDescription(/lowercase letter/);
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription(/at least 8/);
  await expect(page.getByLabel('Email')).toHaveAccessibleDescription(/.+/);
  await expect(contact).toHaveValue('   ');
  await expect(company).toHaveValue(LONG);
  await expect(login).toHaveValue('<script>');
  await expectNoAxeViolations(page);

  // Unicode and markup are fine in names: created, and shown as typed.
  await contact.fill(UNICODE);
  await company.fill(MARKUP.slice(0, 60));
  await login.fill('unicode.user');
  await page.getByLabel('Password').fill('long enough');
  await page.getByLabel('Email').fill('');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('heading', { level: 1, name: UNICODE })).toBeVisible();
  await expect(page.getByText(MARKUP.slice(0, 60))).toBeVisible();
  await expectNothingRan(page);

  // Add Subscription: hostile domains are refused at the field, the text kept.
  await openSection(page, 'Subscriptions');
  await page.getByRole('button', { name: 'Add Subscription' }).click();
  const domain = page.getByLabel('Domain name');
  for (const bad of ['javascript:alert(1)', '<b>x</b>.com', '   ', `${'a'.repeat(64)}.com`]) {
    await domain.fill(bad);
    await page.getByRole('button', { name: 'OK' }).click();
    await expect(domain, bad).toHaveAttribute('aria-invalid', 'true');
    await expect(domain, bad).toHaveAccessibleDescription(/.+/);
    await expect(domain).toHaveValue(bad);
  }
  await expectNoAxeViolations(page);

  // Add Plan: a whitespace name is required; 61 characters are too many.
  await openSection(page, 'Service Plans');
  await page.getByRole('button', { name: 'Add Plan' }).click();
  const planName = page.getByLabel('Plan name');
  await planName.fill('  ');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(planName).toHaveAccessibleDescription('This field is required.');
  await planName.fill(LONG);
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(planName).toHaveAccessibleDescription('Enter at most 60 characters.');
  await expect(planName).toHaveValue(LONG);
  // Look-alikes: invisible characters are refused at the field; a full-width twin is taken.
  for (const lookAlike of ['Star\u200bter', '\u00ad', 'Starter\u202e', '\u2066\u2069']) {
    await planName.fill(lookAlike);
    await page.getByRole('button', { name: 'OK' }).click();
    await expect(planName).toHaveAccessibleDescription(/Remove the control or invisible formatting characters|This field is required/);
  }
  await planName.fill('Ｓｔａｒｔｅｒ');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(planName).toHaveAccessibleDescription(/already/);

  // The same on an existing plan's page.
  await openSection(page, 'Service Plans');
  await page.getByRole('link', { name: 'Starter', exact: true }).click();
  const existing = page.getByLabel('Plan name');
  await existing.fill(LONG);
  await page.getByRole('button', { name: 'Update & Sync' }).click();
  await expect(existing).toHaveAccessibleDescription('Enter at most 60 characters.');
  await existing.fill(' ');
  await page.getByRole('button', { name: 'Update & Sync' }).click();
  await expect(existing).toHaveAccessibleDescription('This field is required.');

  // A link with an id naming a built-in object member: an unknown subscriber, said at the field.
  await page.goto('/subscriptions/new?ownerId=constructor');
  await page.getByLabel('Domain name').fill('proto-link.example.com');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByLabel('Subscriber')).toHaveAccessibleDescription('This record does not exist (any more).');
  expect((await new MockApi(page).request('GET', '/subscriptions?q=proto-link')).body.total).toBe(0);

  // The list search takes anything and shows an empty result, not an error.
  await openSection(page, 'Customers');
  await page.getByRole('searchbox', { name: 'Search' }).fill('<script>.*(');
  await expect(page).toHaveURL(/q=/);
  await expect(page.getByRole('link', { name: 'Alice Martin' })).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expectNothingRan(page);
});

test('the customize form and the provider simulator refuse bad numbers at the field', async ({ page }) => {
  await openApp(page, '/subscriptions/sub-00016?customize=1');
  const mailboxes = page.getByLabel('Mailboxes', { exact: true });
  for (const bad of ['-5', '2.5', '99999999999999999999']) {
    await mailboxes.fill(bad);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(mailboxes, bad).toHaveAttribute('aria-invalid', 'true');
    await expect(mailboxes).toHaveValue(bad);
  }
  await expect(page.getByRole('alert').first()).toBeVisible();

  await openSection(page, 'Prototype tools');
  const provider = page.getByRole('region', { name: 'Hosting provider simulator' });
  const databases = provider.getByRole('textbox', { name: 'Databases' });
  for (const bad of ['', '1.5', '-1', 'ten', '1e3']) {
    await databases.fill(bad);
    await provider.getByRole('button', { name: 'Apply provider changes' }).click();
    await expect(databases, bad).toHaveAttribute('aria-invalid', 'true');
    await expect(databases).toHaveValue(bad);
  }
});
