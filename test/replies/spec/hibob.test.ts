/** The spec-generated replies suite over hibob's kit (test/replies/support/describe-kit.ts). */
import { hibobKit } from '../kits/hibob.js';
import { describeReplyKit } from '../support/describe-kit.js';

describeReplyKit(hibobKit);
