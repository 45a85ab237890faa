/**
 * The mock API's accounts: the list the reference backends seed too (examples/seed-users.json),
 * so the same logins work on the mock and on every real backend. A user has a username, an email,
 * or both; the build's VITE_LOGIN_IDENTIFIER says which one logs in. Passwords are compared
 * exactly.
 */
import seedUsers from '../../../examples/seed-users.json';

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

export const mockUsers: readonly MockUser[] = seedUsers.map((user) => ({
  id: user.id,
  username: user.username,
  email: user.email,
  password: user.password,
  fullName: user.full_name,
  disabled: user.disabled,
}));
