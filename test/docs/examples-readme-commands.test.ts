/**
 * Issue 12 item 4, for examples/README.md: hrgraph, the inventory subgraph and the gateway started
 * as it says, its query answered through the gateway, the supergraph composed by the script and
 * as its Rover config says, the error line it quotes printed word for word, and its code excerpts
 * calling what the examples define (test/docs/support/).
 */
import { describeDoc } from './support/doc-tests.js';

describeDoc('examples/README.md');
