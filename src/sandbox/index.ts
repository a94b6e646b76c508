/**
 * The one synthetic company every provider's emulator projects. Each emulator is imported from
 * its own folder (`src/sandbox/<provider>/index.js`), so adding one touches no shared file.
 * Production code never imports the sandboxes; demo mode, the tests and the benchmarks do.
 */
export { createCompany } from './company/index.js';
