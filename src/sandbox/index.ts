/**
 * Provider emulators fed by one synthetic company. Production code never imports this; the
 * demo start-up, the tests and the benchmarks do.
 */
export * from './bamboohr/index.js';
export { createCompany } from './company/index.js';
