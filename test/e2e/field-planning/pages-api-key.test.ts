/** Pages of N employees × F fields through an API key (the employee dataset). */
import { describePages } from './support.js';

describePages('acme');
