/** The spec-generated replies suite over bamboohr's kit (test/replies/support/describe-kit.ts). */
import { bambooHrKit } from '../kits/bamboohr.js';
import { describeReplyKit } from '../support/describe-kit.js';

describeReplyKit(bambooHrKit);
