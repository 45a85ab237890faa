import { HttpResponse } from 'msw';

/** Starlette's answer to an exception no route catches (FastAPI's). */
export const starletteServerError = () =>
  new HttpResponse('Internal Server Error', {
    status: 500,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
