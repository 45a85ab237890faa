import { queryOptions } from '@tanstack/react-query';
import { fetchPasskeys } from '../../../api/passkey-endpoints';
import { sessionSignal } from '../../session-query-client';

/** The person's passkeys as a query, oldest first as the server lists them. */
export const passkeysQuery = queryOptions({
  queryKey: ['passkeys'],
  queryFn: () => fetchPasskeys(sessionSignal()),
});
