/** GET /reseller: the allocation from the provider, with usage (Overview of my resources and permissions). */
import { http } from 'msw';
import { json } from '../http';
import { handle, route } from './common';
import { resellerEtag, resellerView } from './views';

export const resellerHandlers = [
  http.get(
    route('/reseller'),
    handle(() => json(resellerView(), { etag: resellerEtag() })),
  ),
];
