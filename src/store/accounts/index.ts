// Accounts: parties, users, sessions and rate limits.
export { createPartyRepository, createRateLimitRepository, createSessionRepository, createUserRepository } from "./account-repository.ts";
