import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { apiPath } from '../mock-api/handlers';
import { mockServer } from '../mock-api/node';
import { renderApp } from '../test/render-app';

describe('a backend that makes tokens with a numeric identity', () => {
  it('warns the developer once, and shows the user a normal session-end message', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    mockServer.use(
      http.get(apiPath('/protected'), () =>
        HttpResponse.json({ msg: 'Subject must be a string' }, { status: 422 }),
      ),
    );

    const { user } = await renderApp({ route: '/profile', as: 'alesanchezr' });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your session is no longer valid. Please log in again.',
    );
    await user.type(screen.getByLabelText('Username'), 'alesanchezr');
    await user.type(screen.getByLabelText('Password'), '12341234');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    await screen.findByRole('button', { name: 'Log in' });

    // The explanation is its own chunk, fetched when the first such answer comes.
    await vi.waitFor(() => {
      const warnings = warn.mock.calls.filter(([text]) =>
        String(text).includes('Subject must be a string'),
      );
      expect(warnings).toHaveLength(1);
      expect(String(warnings[0]?.[0])).toContain('identity=str(user.id)');
    });
  });
});
