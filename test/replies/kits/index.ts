/**
 * Every provider's kit for the spec-generated replies suite. A provider is not done until its
 * kit is here and the suite passes (test/replies/README.md says how to write one).
 */
import type { ReplyKit } from '../support/kit.js';
import { bambooHrKit } from './bamboohr.js';
import { googleWorkspaceKit } from './google-workspace.js';
import { gustoKit } from './gusto.js';
import { hibobKit } from './hibob.js';
import { microsoftEntraIdKit } from './microsoft-entra-id.js';
import { oktaKit } from './okta.js';
import { personioKit } from './personio.js';

export const replyKits: readonly ReplyKit[] = [
  bambooHrKit,
  googleWorkspaceKit,
  gustoKit,
  hibobKit,
  microsoftEntraIdKit,
  oktaKit,
  personioKit,
];
