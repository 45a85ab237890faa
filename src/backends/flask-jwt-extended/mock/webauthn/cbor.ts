/**
 * The CBOR (RFC 8949) that WebAuthn speaks: attestation objects, COSE keys, extensions. Definite
 * lengths, integers, byte and text strings, arrays, maps, true, false and null: what CTAP2's
 * canonical encoding uses, and what the reference backend's fido2 library reads. Anything else
 * (tags, floats, indefinite lengths) is refused, as it refuses it.
 */
export type CborValue =
  number | string | boolean | null | Uint8Array | CborValue[] | Map<number | string, CborValue>;

/** Deeper than any WebAuthn structure: a hostile nesting stops here, not at the stack's end. */
const MAX_DEPTH = 16;

class Reader {
  private offset: number;

  constructor(
    private readonly bytes: Uint8Array,
    offset: number,
  ) {
    this.offset = offset;
  }

  get position() {
    return this.offset;
  }

  take(length: number): Uint8Array {
    if (length > this.bytes.length - this.offset) throw new Error('CBOR: truncated');
    const slice = this.bytes.slice(this.offset, this.offset + length);
    this.offset += length;
    return slice;
  }

  /** The argument of an item's head: its value, length or count. */
  argument(info: number): number {
    if (info < 24) return info;
    const size = { 24: 1, 25: 2, 26: 4, 27: 8 }[info];
    if (size === undefined) throw new Error('CBOR: indefinite or reserved length');
    let value = 0;
    for (const byte of this.take(size)) value = value * 256 + byte;
    if (!Number.isSafeInteger(value)) throw new Error('CBOR: integer too large');
    return value;
  }

  private text(bytes: Uint8Array): string {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new Error('CBOR: text that is not UTF-8');
    }
  }

  item(depth: number): CborValue {
    if (depth > MAX_DEPTH) throw new Error('CBOR: nested too deep');
    const [head = 0] = this.take(1);
    const major = head >> 5;
    const info = head & 31;
    switch (major) {
      case 0:
        return this.argument(info);
      case 1:
        return -1 - this.argument(info);
      case 2:
        return this.take(this.argument(info));
      case 3:
        return this.text(this.take(this.argument(info)));
      case 4: {
        const count = this.argument(info);
        const items: CborValue[] = [];
        for (let index = 0; index < count; index += 1) items.push(this.item(depth + 1));
        return items;
      }
      case 5: {
        const count = this.argument(info);
        const map = new Map<number | string, CborValue>();
        for (let index = 0; index < count; index += 1) {
          const key = this.item(depth + 1);
          if (typeof key !== 'number' && typeof key !== 'string') {
            throw new Error('CBOR: a map key that is neither an integer nor a text');
          }
          if (map.has(key)) throw new Error('CBOR: a map key twice');
          map.set(key, this.item(depth + 1));
        }
        return map;
      }
      case 7:
        if (info === 20) return false;
        if (info === 21) return true;
        if (info === 22) return null;
        throw new Error('CBOR: unsupported simple value or float');
      default:
        throw new Error('CBOR: tags are not supported');
    }
  }
}

/** The item at `offset` and where it ends: authenticator data goes on after its COSE key. */
export function decodeCborPrefix(bytes: Uint8Array, offset = 0): { value: CborValue; end: number } {
  const reader = new Reader(bytes, offset);
  const value = reader.item(0);
  return { value, end: reader.position };
}

/** Exactly one item; throws for malformed CBOR or bytes left after it. */
export function decodeCbor(bytes: Uint8Array): CborValue {
  const { value, end } = decodeCborPrefix(bytes);
  if (end !== bytes.length) throw new Error('CBOR: extra bytes after the item');
  return value;
}

function head(major: number, argument: number): number[] {
  if (argument < 24) return [(major << 5) | argument];
  const size = argument < 2 ** 8 ? 1 : argument < 2 ** 16 ? 2 : argument < 2 ** 32 ? 4 : 8;
  const bytes: number[] = [];
  let rest = argument;
  for (let index = 0; index < size; index += 1) {
    bytes.unshift(rest % 256);
    rest = Math.floor(rest / 256);
  }
  return [(major << 5) | { 1: 24, 2: 25, 4: 26, 8: 27 }[size], ...bytes];
}

function encodeInto(value: CborValue, out: number[]): void {
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new Error('CBOR: only integers are encoded');
    out.push(...(value >= 0 ? head(0, value) : head(1, -1 - value)));
  } else if (typeof value === 'string') {
    const bytes = new TextEncoder().encode(value);
    out.push(...head(3, bytes.length), ...bytes);
  } else if (typeof value === 'boolean') {
    out.push(value ? 0xf5 : 0xf4);
  } else if (value === null) {
    out.push(0xf6);
  } else if (value instanceof Uint8Array) {
    out.push(...head(2, value.length), ...value);
  } else if (Array.isArray(value)) {
    out.push(...head(4, value.length));
    for (const item of value) encodeInto(item, out);
  } else {
    // In the map's own order: the caller writes CTAP2's canonical order where it matters.
    out.push(...head(5, value.size));
    for (const [key, item] of value) {
      encodeInto(key, out);
      encodeInto(item, out);
    }
  }
}

export function encodeCbor(value: CborValue): Uint8Array<ArrayBuffer> {
  const out: number[] = [];
  encodeInto(value, out);
  return Uint8Array.from(out);
}
