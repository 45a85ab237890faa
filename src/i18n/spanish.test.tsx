import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from '../test/render-app';
import { setLocale } from './locale';

afterEach(() => {
  setLocale('en');
});

describe('in Spanish', () => {
  it('switches language on the page, logs in, and remembers the choice', async () => {
    const { user } = await renderApp({ route: '/login' });

    await user.selectOptions(screen.getByLabelText('Language'), 'Español');

    expect(await screen.findByRole('heading', { name: 'Iniciar sesión' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('es');
    expect(window.localStorage.getItem('gatehouse:locale')).toBe('es');

    await user.type(screen.getByLabelText('Usuario'), 'alesanchezr');
    await user.type(screen.getByLabelText('Contraseña'), 'mal');
    await user.click(screen.getByRole('button', { name: 'Entrar' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'El usuario o la contraseña no son correctos',
    );

    await user.clear(screen.getByLabelText('Contraseña'));
    await user.type(screen.getByLabelText('Contraseña'), '12341234');
    await user.click(screen.getByRole('button', { name: 'Entrar' }));

    expect(await screen.findByRole('heading', { name: '¡Hola, alesanchezr!' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cerrar sesión' })).toBeInTheDocument();
  });
});
