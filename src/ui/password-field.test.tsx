import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../test/render-app';

const PAGES = [
  { route: '/login', field: 'Password', submit: 'Log in' },
  { route: '/signup', field: 'Password', submit: 'Sign up' },
  { route: '/signup', field: 'Confirm password', submit: 'Sign up' },
];

describe.each(PAGES)('the $field field of $route', ({ route, field, submit }) => {
  // The page may have one toggle per password field: the one that controls this field.
  const toggle = (name: 'Show password' | 'Hide password') => {
    const input = screen.getByLabelText(field);
    const button = screen
      .getAllByRole('button', { name })
      .find((candidate) => candidate.getAttribute('aria-controls') === input.id);
    if (button === undefined) throw new Error(`No “${name}” button for ${field}`);
    return button;
  };

  it('shows what was typed on request, hides it again, and hides it when the form is sent', async () => {
    const { user } = await renderApp({ route });
    const input = await screen.findByLabelText(field);
    await user.type(input, 'hopper1906');
    expect(input).toHaveAttribute('type', 'password');

    await user.click(toggle('Show password'));
    expect(input).toHaveAttribute('type', 'text');
    expect(toggle('Hide password')).toHaveAttribute('aria-pressed', 'true');
    expect(input).toHaveValue('hopper1906');

    await user.click(toggle('Hide password'));
    expect(input).toHaveAttribute('type', 'password');
    expect(toggle('Show password')).toHaveAttribute('aria-pressed', 'false');

    await user.click(toggle('Show password'));
    await user.click(screen.getByRole('button', { name: submit }));
    expect(input).toHaveAttribute('type', 'password');
  });

  it('says Caps Lock is on while it is, tied to the field, and only while the field has focus', async () => {
    const { user } = await renderApp({ route });
    const input = await screen.findByLabelText(field);
    await user.click(input);
    expect(screen.queryByText('Caps Lock is on')).not.toBeInTheDocument();

    await user.keyboard('{CapsLock}a');
    const note = screen.getByText('Caps Lock is on');
    expect(note).toHaveAttribute('role', 'status');
    expect(input).toHaveAccessibleDescription('Caps Lock is on');

    await user.tab();
    expect(screen.queryByText('Caps Lock is on')).not.toBeInTheDocument();

    await user.click(input);
    await user.keyboard('{CapsLock}b');
    expect(screen.queryByText('Caps Lock is on')).not.toBeInTheDocument();
    expect(input).not.toHaveAccessibleDescription();
  });
});
