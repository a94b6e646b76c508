/** Pages of N employees × F fields through OAuth (GET /v1/employees). */
import { describePages } from './support.js';

describePages('acme-oauth');
