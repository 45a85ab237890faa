import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderApp } from '../test/render-app';

describe('a session that ended', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('leaves no timer behind once the person logged out', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout'] });
    const { user } = await renderApp({ route: '/profile', as: 'ada' });
    expect(await screen.findByText('ada', { selector: 'dd' })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Home' }));
    expect(await screen.findByRole('heading', { level: 1 })).toBeInTheDocument();
    // The session's cache holds its queries, each with its garbage-collection timer.
    expect(vi.getTimerCount()).toBeGreaterThan(0);

    await user.click(screen.getByRole('button', { name: 'Log out' }));
    expect(await screen.findByRole('button', { name: 'Log in' })).toBeInTheDocument();
    // Every effect of the unmounted private pages has run.
    await act(() => Promise.resolve());

    expect(vi.getTimerCount()).toBe(0);
  });
});
