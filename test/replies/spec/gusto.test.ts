/** The spec-generated replies suite over gusto's kit (test/replies/support/describe-kit.ts). */
import { gustoKit } from '../kits/gusto.js';
import { describeReplyKit } from '../support/describe-kit.js';

describeReplyKit(gustoKit);
