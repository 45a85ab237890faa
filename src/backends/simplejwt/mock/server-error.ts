import { HttpResponse } from 'msw';

/** Django's page for an exception no view catches, with DEBUG off. */
export const djangoServerError = () =>
  new HttpResponse(
    '\n<!doctype html>\n<html lang="en">\n<head>\n  <title>Server Error (500)</title>\n</head>\n' +
      '<body>\n  <h1>Server Error (500)</h1><p></p>\n</body>\n</html>\n',
    { status: 500, headers: { 'Content-Type': 'text/html' } },
  );
