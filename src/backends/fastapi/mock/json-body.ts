/**
 * A JSON body as FastAPI 0.92 reads it for a pydantic 1 model (the reference backend's account
 * routes): Starlette's request.json() when the media type is JSON, the raw bytes otherwise, then
 * the model's strict, non-empty string fields. Every failure is pydantic's 422 list.
 */

/** One item of pydantic 1's 422 list. */
export interface PydanticError {
  loc: (string | number)[];
  msg: string;
  type: string;
  ctx?: Record<string, unknown>;
}

/** What FastAPI hands the model: nothing, the parsed JSON, or bytes it did not parse. */
export type ReadBody =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'bytes' }
  | { kind: 'error'; errors: PydanticError[] };

/**
 * email.message's get_content_type(): `maintype/subtype` in lower case, and text/plain for a
 * value that is not one (no slash, or two).
 */
function contentType(header: string): string {
  const type = (header.split(';')[0] ?? '').trim().toLowerCase();
  return type.split('/').length === 2 ? type : 'text/plain';
}

/** Whether FastAPI parses the body as JSON: no Content-Type, or application/json or `+json`. */
function isJsonType(header: string | null): boolean {
  if (header === null || header === '') return true;
  const [main, sub = ''] = contentType(header).split('/');
  return main === 'application' && (sub === 'json' || sub.endsWith('+json'));
}

/**
 * Python's json.JSONDecodeError for a text JSON.parse refused. The mock names two mistakes
 * exactly as Python does, a value that cannot start and an object key without its quotes; any
 * other is told as the first of them, at the first character that is not whitespace.
 */
function jsonDecodeError(doc: string): PydanticError {
  const start = doc.search(/[^ \t\n\r]/);
  let pos = start === -1 ? doc.length : start;
  let message = 'Expecting value';
  if (doc[pos] === '{') {
    const next = doc.slice(pos + 1).search(/[^ \t\n\r]/);
    const key = next === -1 ? doc.length : pos + 1 + next;
    if (doc[key] !== '"' && doc[key] !== '}') {
      pos = key;
      message = 'Expecting property name enclosed in double quotes';
    }
  }
  const lineno = doc.slice(0, pos).split('\n').length;
  const colno = pos - doc.lastIndexOf('\n', pos - 1);
  return {
    loc: ['body', pos],
    msg: `${message}: line ${lineno} column ${colno} (char ${pos})`,
    type: 'value_error.jsondecode',
    ctx: { msg: message, doc, pos, lineno, colno },
  };
}

/** FastAPI's get_request_handler: the body, before any dependency (the token) is looked at. */
export async function readBody(request: Request): Promise<ReadBody> {
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.length === 0) return { kind: 'none' };
  if (!isJsonType(request.headers.get('Content-Type'))) return { kind: 'bytes' };
  const doc = new TextDecoder().decode(bytes);
  try {
    return { kind: 'json', value: JSON.parse(doc) as unknown };
  } catch {
    return { kind: 'error', errors: [jsonDecodeError(doc)] };
  }
}

/**
 * The model's fields, each `constr(strict=True, min_length=1)`, in order: their values, or
 * pydantic's errors, one per field that has one.
 */
export function validateStrings<N extends string>(
  body: ReadBody,
  names: readonly N[],
): { values: Record<N, string> } | { errors: PydanticError[] } {
  if (body.kind === 'error') return { errors: body.errors };
  // A body of JSON null is no body.
  if (body.kind === 'none' || (body.kind === 'json' && body.value === null)) {
    return { errors: [{ loc: ['body'], msg: 'field required', type: 'value_error.missing' }] };
  }
  const { value } = body.kind === 'json' ? body : { value: undefined };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      errors: [{ loc: ['body'], msg: 'value is not a valid dict', type: 'type_error.dict' }],
    };
  }
  const record = value as Record<string, unknown>;
  const values: Partial<Record<N, string>> = {};
  const errors: PydanticError[] = [];
  for (const name of names) {
    const loc = ['body', name];
    const field = record[name];
    if (field === undefined) {
      errors.push({ loc, msg: 'field required', type: 'value_error.missing' });
    } else if (field === null) {
      errors.push({
        loc,
        msg: 'none is not an allowed value',
        type: 'type_error.none.not_allowed',
      });
    } else if (typeof field !== 'string') {
      errors.push({ loc, msg: 'str type expected', type: 'type_error.str' });
    } else if (field === '') {
      errors.push({
        loc,
        msg: 'ensure this value has at least 1 characters',
        type: 'value_error.any_str.min_length',
        ctx: { limit_value: 1 },
      });
    } else {
      values[name] = field;
    }
  }
  return errors.length > 0 ? { errors } : { values: values as Record<N, string> };
}
