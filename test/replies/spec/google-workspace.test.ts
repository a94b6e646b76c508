/** The spec-generated replies suite over google-workspace's kit (test/replies/support/describe-kit.ts). */
import { googleWorkspaceKit } from '../kits/google-workspace.js';
import { describeReplyKit } from '../support/describe-kit.js';

describeReplyKit(googleWorkspaceKit);
