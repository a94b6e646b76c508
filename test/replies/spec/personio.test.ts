/** The spec-generated replies suite over personio's kit (test/replies/support/describe-kit.ts). */
import { personioKit } from '../kits/personio.js';
import { describeReplyKit } from '../support/describe-kit.js';

describeReplyKit(personioKit);
