/** federation: waiting for examples/ and the gateway wiring to land (see the report). */
import type { Scenario } from './types.js';

export const federation: Scenario = {
  name: 'federation',
  async run() {
    throw new Error('federation scenario not built yet');
  },
};
