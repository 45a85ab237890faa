/**
 * The course project on the react-flask-hello boilerplate's backend (examples/course-project,
 * migrated and seeded as a student does), called cross-origin: the API under /api, users who log
 * in with their email, and Log out that revokes the token (VITE_API_URL=…/api
 * VITE_LOGIN_IDENTIFIER=email VITE_API_LOGOUT=true). The flows are backend-flows.ts's.
 */
import { describeCourseProjectFlows } from './backend-flows';
import { test } from './fixtures';

test.use({ backend: 'course' });

describeCourseProjectFlows();
