import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { act } from '@testing-library/react';
import { delay } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { apiPath } from '../../mock-api/handlers';
import { mockServer } from '../../mock-api/node';
import { configureAppEnv } from '../../test/app-env';
import { currentUrl, renderApp } from '../../test/render-app';
import { recordJsonBodies } from '../../test/requests';

describe('login page', () => {
  it('logs in and greets the user on the home page', async () => {
    const { user } = await renderApp({ route: '/login' });

    await user.type(screen.getByLabelText('Username'), 'alesanchezr');
    await user.type(screen.getByLabelText('Password'), '12341234');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(
      await screen.findByRole('heading', { name: 'Welcome, alesanchezr!' }),
    ).toBeInTheDocument();
    expect(currentUrl()).toBe('/');
    expect(window.localStorage.getItem('jwt-token')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it('says so when the password is wrong, keeps the username and focuses the password', async () => {
    const { user } = await renderApp({ route: '/login' });

    await user.type(screen.getByLabelText('Username'), 'alesanchezr');
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password');
    expect(screen.getByLabelText('Username')).toHaveValue('alesanchezr');
    expect(screen.getByLabelText('Password')).toHaveFocus();
    expect(window.localStorage.getItem('jwt-token')).toBeNull();
    expect(currentUrl()).toBe('/login');
  });

  it.each([
    ['network', () => HttpResponse.error(), 'Can’t reach the server'],
    [
      'server',
      () =>
        new HttpResponse('<h1>Bad Gateway</h1>', {
          status: 502,
          headers: { 'Content-Type': 'text/html' },
        }),
      'The server had a problem (error 502)',
    ],
  ])(
    'shows a human message for a %s failure and lets the user retry',
    async (_kind, resolver, text) => {
      mockServer.use(http.post(apiPath('/token'), resolver, { once: true }));
      const { user } = await renderApp({ route: '/login' });

      await user.type(screen.getByLabelText('Username'), 'alesanchezr');
      await user.type(screen.getByLabelText('Password'), '12341234');
      await user.click(screen.getByRole('button', { name: 'Log in' }));

      expect(await screen.findByRole('alert')).toHaveTextContent(text);
      expect(screen.getByRole('button', { name: 'Log in' })).toBeEnabled();
      await user.click(screen.getByRole('button', { name: 'Log in' }));
      await waitFor(() => {
        expect(currentUrl()).toBe('/');
      });
    },
  );

  it.each([
    ['', '', 'Enter your username.', 'Username'],
    ['alesanchezr', '', 'Enter your password.', 'Password'],
  ])(
    'catches missing fields before any request (username %j, password %j)',
    async (username, password, message, focused) => {
      const requests = tokenRequests();
      const { user } = await renderApp({ route: '/login' });

      if (username !== '') await user.type(screen.getByLabelText('Username'), username);
      if (password !== '') await user.type(screen.getByLabelText('Password'), password);
      await user.click(screen.getByRole('button', { name: 'Log in' }));

      expect(screen.getByRole('alert')).toHaveTextContent(message);
      expect(screen.getByLabelText(focused)).toHaveFocus();
      expect(screen.getByLabelText(focused)).toHaveAttribute('aria-invalid', 'true');
      expect(requests).toHaveLength(0);
    },
  );

  it('sends one request for a double click, and shows that it is pending', async () => {
    const requests = tokenRequests();
    mockServer.use(
      http.post(apiPath('/token'), async () => {
        await delay(100);
        return HttpResponse.json({ msg: 'Bad username or password' }, { status: 401 });
      }),
    );
    const { user } = await renderApp({ route: '/login' });
    await user.type(screen.getByLabelText('Username'), 'alesanchezr');
    await user.type(screen.getByLabelText('Password'), 'nope');

    await user.dblClick(screen.getByRole('button', { name: 'Log in' }));
    await user.keyboard('{Enter}');

    expect(screen.getByRole('button', { name: 'Log in' })).toBeDisabled();
    expect(screen.getByText('Logging in…')).toBeInTheDocument();
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password');
    expect(requests).toHaveLength(1);
  });

  it.each([
    [400, { msg: 'Missing JSON in request' }, {}, 'The server could not read these details'],
    [429, { msg: 'Too many requests' }, { 'Retry-After': '30' }, 'try again in 30 seconds'],
    [503, { msg: 'Service unavailable' }, { 'Retry-After': '5' }, 'error 503'],
    [200, { token: 'not-a-jwt', user_id: 1 }, {}, 'could not understand'],
    [200, { user_id: 1 }, {}, 'could not understand'],
  ])('explains a %i answer %j', async (status, body, headers, text) => {
    mockServer.use(
      http.post(apiPath('/token'), () => HttpResponse.json(body, { status, headers })),
    );
    const { user } = await renderApp({ route: '/login' });

    await user.type(screen.getByLabelText('Username'), 'alesanchezr');
    await user.type(screen.getByLabelText('Password'), '12341234');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(text);
    expect(screen.getByLabelText('Username')).toHaveValue('alesanchezr');
    expect(screen.getByLabelText('Password')).toHaveValue('12341234');
    expect(window.localStorage.getItem('jwt-token')).toBeNull();
  });

  it('gives up on a login that takes too long, and says so', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    mockServer.use(
      http.post(apiPath('/token'), async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    const { user } = await renderApp({ route: '/login' });
    await user.type(screen.getByLabelText('Username'), 'alesanchezr');
    await user.type(screen.getByLabelText('Password'), '12341234');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    await act(async () => {
      await vi.advanceTimersByTimeAsync(11_000);
    });

    expect(await screen.findByRole('alert')).toHaveTextContent('took too long');
    expect(screen.getByRole('button', { name: 'Log in' })).toBeEnabled();
    vi.useRealTimers();
  });
});

function tokenRequests() {
  const seen: Request[] = [];
  mockServer.events.on('request:start', ({ request }) => {
    if (new URL(request.url).pathname === '/token') seen.push(request);
  });
  return seen;
}

describe('login with VITE_LOGIN_IDENTIFIER=email', () => {
  it('asks for an Email, sends {"email", "password"}, and the pages show the email', async () => {
    configureAppEnv({ loginIdentifier: 'email' });
    const bodies = recordJsonBodies('/token');
    const { user } = await renderApp({ route: '/profile' });

    const email = await screen.findByLabelText('Email');
    expect(email).toHaveAttribute('type', 'email');
    expect(email).toHaveAttribute('autocomplete', 'username');
    expect(screen.queryByLabelText('Username')).not.toBeInTheDocument();
    await user.type(email, 'alesanchezr@example.com');
    await user.type(screen.getByLabelText('Password'), '12341234');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    const details = await screen.findAllByRole('definition');
    expect(details.map((detail) => detail.textContent)).toEqual(['1', 'alesanchezr@example.com']);
    expect(screen.getAllByRole('term').map((term) => term.textContent)).toEqual(['ID', 'Email']);
    expect(bodies).toEqual([{ email: 'alesanchezr@example.com', password: '12341234' }]);

    await user.click(screen.getByRole('link', { name: 'Home' }));
    expect(
      await screen.findByRole('heading', { name: 'Welcome, alesanchezr@example.com!' }),
    ).toBeInTheDocument();
  });

  it('says the email or password is wrong, and keeps the email', async () => {
    configureAppEnv({ loginIdentifier: 'email' });
    const { user } = await renderApp({ route: '/login' });

    await user.type(screen.getByLabelText('Email'), 'alesanchezr');
    await user.type(screen.getByLabelText('Password'), '12341234');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Wrong email or password. Check both and try again.',
    );
    expect(screen.getByLabelText('Email')).toHaveValue('alesanchezr');
    expect(screen.getByLabelText('Password')).toHaveFocus();
  });

  it('catches an empty email before any request', async () => {
    configureAppEnv({ loginIdentifier: 'email' });
    const requests = tokenRequests();
    const { user } = await renderApp({ route: '/login' });

    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(screen.getByRole('alert')).toHaveTextContent('Enter your email.');
    expect(screen.getByLabelText('Email')).toHaveFocus();
    expect(requests).toHaveLength(0);
  });
});
