import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { apiPath } from '../../mock-api/handlers';
import { mockServer } from '../../mock-api/node';
import { renderApp } from '../../test/render-app';

describe('the profile page', () => {
  it('shows the id and username of the logged-in user', async () => {
    await renderApp({ route: '/profile', as: 'ada' });

    expect(await screen.findByText('ada', { selector: 'dd' })).toBeInTheDocument();
    expect(screen.getByText('2', { selector: 'dd' })).toBeInTheDocument();
  });

  it('offers a retry when the server fails', async () => {
    mockServer.use(
      http.get(apiPath('/protected'), () => new HttpResponse('<h1>oops</h1>', { status: 500 })),
    );
    const { user } = await renderApp({ route: '/profile', as: 'ada' });

    expect(await screen.findByRole('alert')).toHaveTextContent('error 500');
    mockServer.resetHandlers();
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('ada', { selector: 'dd' })).toBeInTheDocument();
  });
});
