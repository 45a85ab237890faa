import { defaultMockConfig, type MockConfig } from './mock-config';
import { mockUsers, type MockUser } from './users';

/** What the mock backend remembers between requests, like the real server's database would. */
export interface MockServerState {
  users: MockUser[];
  revokedJtis: Set<string>;
  readConfig: () => MockConfig;
}

export function createMockServerState(readConfig: () => MockConfig = () => defaultMockConfig) {
  const state: MockServerState = {
    users: mockUsers.map((user) => ({ ...user })),
    revokedJtis: new Set(),
    readConfig,
  };
  return state;
}
