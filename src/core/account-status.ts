/**
 * Where a connected account stands with its provider. The account layer decides it; the schema
 * shows it (`Account.status`); both read the words from here.
 */
export type AccountStatus = 'ACTIVE' | 'NEEDS_REAUTH' | 'LOCKED_OUT' | 'DISABLED';
