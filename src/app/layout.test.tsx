import { configure, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp, setupMockServer } from '../test/render-app';

setupMockServer();
configure({ asyncUtilTimeout: 5000 });

// The Menu button's behaviour; that it only shows under 768 px (CSS) is checked in e2e/reflow.spec.ts.
describe('Menu button (narrow screens)', { timeout: 20_000 }, () => {
  it('opens the main navigation, Escape closes it and gives the focus back, a link closes it', async () => {
    const { user, router } = await renderApp('/');
    await screen.findByRole('heading', { level: 1, name: 'Home' });
    const menu = screen.getByRole('button', { name: 'Menu' });
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(menu).toHaveAttribute('aria-controls', screen.getByRole('navigation', { name: 'Main' }).id);

    await user.click(menu);
    expect(menu).toHaveAttribute('aria-expanded', 'true');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    await user.tab();
    expect(within(nav).getByRole('link', { name: 'Home' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    expect(menu).toHaveFocus();

    await user.click(menu);
    await user.click(within(nav).getByRole('link', { name: 'Customers' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Customers' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/customers');
    expect(menu).toHaveAttribute('aria-expanded', 'false');
    // The focus moves to the page content once the new page has rendered.
    await waitFor(() => expect(screen.getByRole('main')).toHaveFocus());
  });

  it('is named Menu in French too', async () => {
    await renderApp('/', { lang: 'fr' });
    await screen.findByRole('heading', { level: 1, name: 'Accueil' });
    expect(screen.getByRole('button', { name: 'Menu' })).toHaveAttribute('aria-expanded', 'false');
  });
});
