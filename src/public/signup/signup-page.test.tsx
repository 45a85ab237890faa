import { screen, waitFor, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { apiPath } from '../../mock-api/handlers';
import { mockServer } from '../../mock-api/node';
import { configureAppEnv } from '../../test/app-env';
import { currentUrl, renderApp } from '../../test/render-app';
import { recordJsonBodies, recordRequests } from '../../test/requests';

type User = Awaited<ReturnType<typeof renderApp>>['user'];

interface SignupInput {
  identifier?: string;
  password?: string;
  confirmation?: string;
}

async function fillSignup(user: User, input: SignupInput = {}) {
  const { identifier = 'grace', password = 'hopper1906' } = input;
  const confirmation = input.confirmation ?? password;
  const field = screen.getByRole('textbox', { name: /Username|Email/ });
  if (identifier !== '') await user.type(field, identifier);
  if (password !== '') await user.type(screen.getByLabelText('Password'), password);
  if (confirmation !== '') await user.type(screen.getByLabelText('Confirm password'), confirmation);
}

const signUpButton = () => screen.getByRole('button', { name: 'Sign up' });

describe('sign-up', () => {
  it('is reached from the login page, and back', async () => {
    const { user } = await renderApp({ route: '/login' });

    await user.click(screen.getByRole('link', { name: 'Create an account' }));
    expect(await screen.findByRole('heading', { name: 'Create an account' })).toBeInTheDocument();
    expect(currentUrl()).toBe('/signup');

    await user.click(screen.getByRole('link', { name: 'Log in' }));
    expect(await screen.findByRole('button', { name: 'Log in' })).toBeInTheDocument();
    expect(currentUrl()).toBe('/login');
  });

  it('labels its fields for password managers', async () => {
    await renderApp({ route: '/signup' });

    const username = await screen.findByLabelText('Username');
    expect(username).toHaveAttribute('autocomplete', 'username');
    expect(screen.getByLabelText('Password')).toHaveAttribute('autocomplete', 'new-password');
    expect(screen.getByLabelText('Confirm password')).toHaveAttribute(
      'autocomplete',
      'new-password',
    );
  });

  it('creates the account, then the login form has the username and a status, never the password', async () => {
    const { user } = await renderApp({ route: '/signup' });
    await screen.findByLabelText('Username');
    const requests = recordRequests();

    await fillSignup(user);
    await user.click(signUpButton());

    expect(
      await screen.findByText('Account created. Log in with your new password.'),
    ).toHaveAttribute('role', 'status');
    expect(currentUrl()).toBe('/login');
    expect(screen.getByLabelText('Username')).toHaveValue('grace');
    expect(screen.getByLabelText('Password')).toHaveValue('');
    await waitFor(() => {
      expect(screen.getByLabelText('Password')).toHaveFocus();
    });
    expect(requests).toEqual(['POST /signup']);

    await user.type(screen.getByLabelText('Password'), 'hopper1906');
    await user.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByRole('heading', { name: 'Welcome, grace!' })).toBeInTheDocument();
  });

  it('after sign-up and login, returns to the page the guard sent the person from', async () => {
    const { user } = await renderApp({ route: '/profile?tab=1' });
    await user.click(await screen.findByRole('link', { name: 'Create an account' }));
    await screen.findByLabelText('Username');

    await fillSignup(user);
    await user.click(signUpButton());
    await user.type(await screen.findByLabelText('Password'), 'hopper1906');
    await user.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('heading', { name: 'Profile' })).toBeInTheDocument();
    expect(currentUrl()).toBe('/profile?tab=1');
  });

  it.each([
    [{ identifier: '' }, 'Choose a username.', 'Username'],
    [{ password: '', confirmation: '' }, 'Choose a password.', 'Password'],
    [{ confirmation: '' }, 'Type the password again to confirm it.', 'Confirm password'],
    [
      { confirmation: 'hopper1907' },
      'The two passwords do not match. Type the same password twice.',
      'Confirm password',
    ],
  ])(
    'checks %j before any request, says so under the field and focuses it',
    async (values, text, label) => {
      const { user } = await renderApp({ route: '/signup' });
      await screen.findByLabelText('Username');
      const requests = recordRequests();

      await fillSignup(user, values);
      await user.click(signUpButton());

      const field = screen.getByLabelText(label);
      expect(await screen.findByRole('alert')).toHaveTextContent(text);
      expect(field).toHaveFocus();
      expect(field).toHaveAttribute('aria-invalid', 'true');
      expect(field).toHaveAccessibleDescription(text);
      expect(requests).toEqual([]);
    },
  );

  it('says a taken username next to the field, keeps what was typed, and focuses it', async () => {
    const { user } = await renderApp({ route: '/signup' });
    await screen.findByLabelText('Username');

    await fillSignup(user, { identifier: 'alesanchezr' });
    await user.click(signUpButton());

    const field = screen.getByLabelText('Username');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'This username is taken. Choose another, or log in.',
    );
    expect(field).toHaveAccessibleDescription('This username is taken. Choose another, or log in.');
    await waitFor(() => {
      expect(field).toHaveFocus();
    });
    expect(field).toHaveValue('alesanchezr');
    expect(screen.getByLabelText('Password')).toHaveValue('hopper1906');
    expect(currentUrl()).toBe('/signup');
  });

  it.each([
    [
      'a 400 with the server’s message',
      () => HttpResponse.json({ msg: 'password is too short' }, { status: 400 }),
      'The server did not accept these details: “password is too short”.',
    ],
    [
      'a 404 (no such route)',
      () => new HttpResponse('Not Found', { status: 404 }),
      'Sign-ups are not available on this server.',
    ],
    [
      'a 405',
      () => new HttpResponse(null, { status: 405 }),
      'Sign-ups are not available on this server.',
    ],
    [
      'no network (or, cross-origin, no such route: the CORS preflight fails)',
      () => HttpResponse.error(),
      'Can’t reach the sign-up service. Check your connection and try again; if this keeps happening, this server may not offer sign-ups.',
    ],
    [
      'an HTML 502',
      () =>
        new HttpResponse('<h1>Bad Gateway</h1>', {
          status: 502,
          headers: { 'Content-Type': 'text/html' },
        }),
      'The server had a problem (error 502)',
    ],
  ])('shows %s in the form’s alert, focused, losing nothing', async (_case, answer, text) => {
    mockServer.use(http.post(apiPath('/signup'), answer, { once: true }));
    const { user } = await renderApp({ route: '/signup' });
    await screen.findByLabelText('Username');

    await fillSignup(user);
    await user.click(signUpButton());

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(text);
    // Focus moves in an effect, which may run just after the alert appears.
    await waitFor(() => {
      expect(alert).toHaveFocus();
    });
    expect(screen.getByLabelText('Username')).toHaveValue('grace');
    expect(screen.getByLabelText('Confirm password')).toHaveValue('hopper1906');

    await user.click(signUpButton());
    expect(
      await screen.findByText('Account created. Log in with your new password.'),
    ).toBeInTheDocument();
  });

  it('sends one request however often the button is pressed, and shows it is pending', async () => {
    mockServer.use(
      http.post(apiPath('/signup'), async () => {
        await delay(150);
        return HttpResponse.json({ id: 3, username: 'grace' }, { status: 201 });
      }),
    );
    const { user } = await renderApp({ route: '/signup' });
    await screen.findByLabelText('Username');
    const requests = recordRequests();
    await fillSignup(user);

    await user.click(signUpButton());
    await user.keyboard('{Enter}');

    expect(signUpButton()).toBeDisabled();
    expect(screen.getByText('Creating your account…')).toBeInTheDocument();
    await screen.findByText('Account created. Log in with your new password.');
    expect(requests).toEqual(['POST /signup']);
  });

  it('sends a logged-in visitor to the home page', async () => {
    await renderApp({ route: '/signup', as: 'alesanchezr' });

    expect(
      await screen.findByRole('heading', { name: 'Welcome, alesanchezr!' }),
    ).toBeInTheDocument();
    expect(currentUrl()).toBe('/');
  });

  it('with VITE_SIGNUP=false: no link on the login page, and /signup is not a page', async () => {
    configureAppEnv({ signup: false });
    await renderApp({ route: '/login' });
    expect(await screen.findByRole('button', { name: 'Log in' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Create an account' })).not.toBeInTheDocument();

    await renderApp({ route: '/signup' });
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
  });
});

describe('sign-up with VITE_LOGIN_IDENTIFIER=email', () => {
  it('asks for an email, checks its shape, and sends {"email", "password"}', async () => {
    configureAppEnv({ loginIdentifier: 'email' });
    const bodies = recordJsonBodies('/signup');
    const { user } = await renderApp({ route: '/signup' });
    const email = await screen.findByLabelText('Email');
    expect(email).toHaveAttribute('type', 'email');
    expect(email).toHaveAttribute('autocomplete', 'email');

    await fillSignup(user, { identifier: 'grace.example.com' });
    await user.click(signUpButton());
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Enter an email address such as name@example.com.',
    );
    expect(bodies).toEqual([]);

    await user.clear(email);
    await user.type(email, 'grace@example.com');
    await user.click(signUpButton());

    expect(
      await screen.findByText('Account created. Log in with your new password.'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveValue('grace@example.com');
    await waitFor(() => {
      expect(bodies).toEqual([{ email: 'grace@example.com', password: 'hopper1906' }]);
    });
  });

  it('says an email that has an account already', async () => {
    configureAppEnv({ loginIdentifier: 'email' });
    const { user } = await renderApp({ route: '/signup' });
    await screen.findByLabelText('Email');

    await fillSignup(user, { identifier: 'ada@example.com' });
    await user.click(signUpButton());

    const field = screen.getByLabelText('Email');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'An account with this email already exists.',
    );
    expect(within(field.parentElement ?? document.body).getByRole('alert')).toBeInTheDocument();
  });
});
