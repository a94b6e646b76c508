/**
 * Assembles the schema: importing a type module registers it on the builder. The result is a
 * federation subgraph (G1): `_entities`, `_service` and the `@link` to federation v2.6.
 */
import { builder } from './builder.js';
import './types/enums.js';
import './types/values.js';
import './types/organisation.js';
import './types/history.js';
import './types/time-off.js';
import './employee/employee.js';
import './employee/relations.js';
import './employee/history-fields.js';
import './employee/raw-fields.js';
import './account.js';
import './account-custom-fields.js';
import './query.js';
import './node/node-query.js';
import { guardEntities } from './node/entities.js';

export const schema = guardEntities(
  builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' }),
);
