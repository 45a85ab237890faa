/**
 * Every backend's mock by profile name. A Record over ApiProfile: a backend added to the
 * vocabulary without its mock here does not compile.
 */
import { fastapiMock } from '../backends/fastapi/mock';
import { flaskJwtExtendedMock } from '../backends/flask-jwt-extended/mock';
import { simplejwtMock } from '../backends/simplejwt/mock';
import type { ApiProfile } from '../backends/vocabulary';
import type { BackendMock } from './server/backend-mock';

export const BACKEND_MOCKS: Record<ApiProfile, BackendMock> = {
  'flask-jwt-extended': flaskJwtExtendedMock,
  fastapi: fastapiMock,
  simplejwt: simplejwtMock,
};
