/**
 * Issue 12 item 4: "every command in the README must be run by a test as written, so the README
 * cannot drift". Every ```sh command of README.md, in order, in one scratch directory: servers and
 * sandboxes started on free ports and asked something, the accounts file written and served with
 * the credentials the sandboxes print, tokens made and used by curl, the benchmark at its tiny
 * size; every GraphQL query sent to what the README started; every other block checked for what
 * it claims (test/docs/support/).
 */
import { describeDoc } from './support/doc-tests.js';

describeDoc('README.md');
