/**
 * The mock API's accounts, the same as the reference backends' (examples/*-api): the seed's, one
 * more, and FastAPI's tutorial's two. A user has a username, an email, or both; the build's
 * VITE_LOGIN_IDENTIFIER says which one logs in. Passwords are compared exactly.
 */
export interface MockUser {
  id: number;
  username: string | null;
  email: string | null;
  password: string;
  /** FastAPI's `full_name`. */
  fullName: string | null;
  /** FastAPI's `disabled`, Django's `is_active=False`; flask-jwt-extended has no such notion. */
  disabled: boolean;
}

export const mockUsers: readonly MockUser[] = [
  {
    id: 1,
    username: 'alesanchezr',
    email: 'alesanchezr@example.com',
    password: '12341234',
    fullName: 'Alejandro Sánchez',
    disabled: false,
  },
  {
    id: 2,
    username: 'ada',
    email: 'ada@example.com',
    password: 'lovelace1815',
    fullName: 'Ada Lovelace',
    disabled: false,
  },
  {
    id: 3,
    username: 'johndoe',
    email: 'johndoe@example.com',
    password: 'secret',
    fullName: 'John Doe',
    disabled: false,
  },
  {
    id: 4,
    username: 'alice',
    email: 'alice@example.com',
    password: 'secret2',
    fullName: 'Alice Wonderson',
    disabled: true,
  },
];
