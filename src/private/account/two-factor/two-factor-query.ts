import { queryOptions } from '@tanstack/react-query';
import { fetchTwoFactorStatus } from '../../../api/two-factor-endpoints';
import { sessionSignal } from '../../session-query-client';

/** GET /2fa as a query: whether two-step verification is on, and the recovery codes left. */
export const twoFactorQuery = queryOptions({
  queryKey: ['two-factor'],
  queryFn: () => fetchTwoFactorStatus(sessionSignal()),
});
