import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../test/render-app';
import { recordRequests } from '../../test/requests';

async function typeNewPassword(password: string) {
  const rendered = await renderApp({ route: '/signup' });
  await rendered.user.type(await screen.findByLabelText('Password'), password);
  return rendered;
}

const meter = () => screen.getByRole('meter', { name: 'Password strength' });

describe('the password strength meter on a new password', () => {
  it('is not there before anything is typed', async () => {
    await renderApp({ route: '/signup' });
    await screen.findByLabelText('Password');
    expect(screen.queryByRole('meter')).not.toBeInTheDocument();
  });

  it('says a short password is too short, and how long it must be', async () => {
    await typeNewPassword('abc');
    expect(meter()).toHaveAccessibleName('Password strength');
    expect(meter()).toHaveAttribute('aria-valuetext', 'Too short');
    expect(screen.getByText('Use at least 8 characters.')).toBeInTheDocument();
  });

  it('calls a common password weak, with zxcvbn’s reason', async () => {
    await typeNewPassword('password1');
    expect(await screen.findByText('This is a commonly used password.')).toBeInTheDocument();
    expect(meter()).toHaveAttribute('aria-valuetext', 'Weak');
  });

  it('calls digits only weak, however many', async () => {
    await typeNewPassword('8302917465');
    expect(meter()).toHaveAttribute('aria-valuetext', 'Weak');
    expect(screen.getByText(/digits only/)).toBeInTheDocument();
  });

  it('calls a long, uncommon passphrase strong', async () => {
    await typeNewPassword('violet tractor almanac');
    await screen.findByText('Strong');
    expect(meter()).toHaveAttribute('aria-valuetext', 'Strong');
  });

  it('advises only: a weak password is still sent, and sends no request of its own', async () => {
    const requests = recordRequests();
    const { user } = await typeNewPassword('password1');
    await screen.findByText('This is a commonly used password.');
    expect(requests).toEqual([]);

    await user.type(screen.getByLabelText('Username'), 'grace');
    await user.type(screen.getByLabelText('Confirm password'), 'password1');
    await user.click(screen.getByRole('button', { name: 'Sign up' }));

    await waitFor(() => {
      expect(requests).toEqual(['POST /signup']);
    });
  });
});
