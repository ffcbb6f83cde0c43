// The one alias table of the running process: the extractor reads it, and the context that keeps
// actors (learnt and analyst aliases) adds to it.
export const ALIAS_TABLE = Symbol('ALIAS_TABLE');
