/** The spec-generated replies suite over okta's kit (test/replies/support/describe-kit.ts). */
import { oktaKit } from '../kits/okta.js';
import { describeReplyKit } from '../support/describe-kit.js';

describeReplyKit(oktaKit);
