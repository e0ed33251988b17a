// @vitest-environment node
/**
 * The seed example, through the API alone: Premium grants "PHP version and handler
 * management", the reseller lacks it, shop.example.com cannot be synchronized until the
 * provider grants it.
 */
import { expect, it } from 'vitest';
import { api, setupMockApi } from './test-helpers';

setupMockApi();

it('sync fails with one row per website, then succeeds once the provider grants the permission', async () => {
  expect((await api('POST', '/_mock/reset', { scenario: 'sync-failure' })).status).toBe(200);

  const list = await api('GET', '/subscriptions?q=shop.example.com');
  const shop = list.body.items.find((s: { domain: string }) => s.domain === 'shop.example.com');
  expect(shop).toMatchObject({ planName: 'Premium', syncState: 'unsynced' });

  const failed = await api('POST', `/subscriptions/${shop.id}/sync`);
  expect(failed.status).toBe(200);
  expect(failed.body.outcome).toBe('conflicts');
  expect(failed.body.conflicts).toEqual([
    { subscriptionId: shop.id, domain: 'shop.example.com', group: 'permissions', key: 'manage_php_version', planValue: true, availableValue: false },
    { subscriptionId: shop.id, domain: 'blog.shop.example.com', group: 'permissions', key: 'manage_php_version', planValue: true, availableValue: false },
  ]);
  expect(failed.body.subscription.syncState).toBe('unsynced');

  const granted = await api('PATCH', '/_mock/provider', { permissions: { manage_php_version: true } });
  expect(granted.status).toBe(200);
  expect(granted.body.permissions.manage_php_version).toBe(true);

  const synced = await api('POST', `/subscriptions/${shop.id}/sync`);
  expect(synced.body).toMatchObject({ outcome: 'synced', conflicts: [] });
  expect(synced.body.subscription.syncState).toBe('synced');
  expect(synced.body.subscription.values.permissions.manage_php_version).toBe(true);
});

it('OK in the failure dialog applies the available values and the subscription stays Unsynced', async () => {
  await api('POST', '/_mock/reset', { scenario: 'sync-failure' });
  const { body } = await api('GET', '/subscriptions?q=shop.example.com&sync=unsynced');
  const shop = body.items[0];
  const accepted = await api('POST', `/subscriptions/${shop.id}/sync`, { accept: 'available' });
  expect(accepted.status).toBe(200);
  expect(accepted.body.outcome).toBe('conflicts');
  expect(accepted.body.subscription.syncState).toBe('unsynced');
  expect(accepted.body.subscription.values.permissions.manage_php_version).toBe(false);
});
