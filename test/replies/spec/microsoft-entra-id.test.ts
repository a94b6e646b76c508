/** The spec-generated replies suite over microsoft-entra-id's kit (test/replies/support/describe-kit.ts). */
import { microsoftEntraIdKit } from '../kits/microsoft-entra-id.js';
import { describeReplyKit } from '../support/describe-kit.js';

describeReplyKit(microsoftEntraIdKit);
