import type { ApiRoute } from '../route';
import { health } from './health';

/** The route table: every route of /api/v1, each with the roles it allows (docs/api.md). */
export const ROUTES: readonly ApiRoute[] = [health];
