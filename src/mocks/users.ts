/**
 * The mock API's accounts, the same as the reference backend's (examples/flask-api/users.py).
 * A user has a username, an email, or both; the build's VITE_LOGIN_IDENTIFIER says which one logs
 * in. Passwords are compared exactly.
 */
export interface MockUser {
  id: number;
  username: string | null;
  email: string | null;
  password: string;
}

export const mockUsers: readonly MockUser[] = [
  { id: 1, username: 'alesanchezr', email: 'alesanchezr@example.com', password: '12341234' },
  { id: 2, username: 'ada', email: 'ada@example.com', password: 'lovelace1815' },
];
