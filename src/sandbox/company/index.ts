/** The provider-neutral synthetic company every sandbox projects into its own format. */
export { createCompany } from './company.js';
export { usdEquivalent } from './compensation.js';
export { FIRST_CUSTOM_FIELD_ID } from './custom-fields.js';
export { TIME_OFF_TYPES } from './time-off-types.js';
export type * from './types.js';
