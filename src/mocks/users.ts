/** The mock API's accounts. The first is the tutorial's own; passwords are compared exactly. */
export interface MockUser {
  id: number;
  username: string;
  password: string;
}

export const mockUsers: readonly MockUser[] = [
  { id: 1, username: 'alesanchezr', password: '12341234' },
  { id: 2, username: 'ada', password: 'lovelace1815' },
];
