export { createApp } from "./app.ts";
export type { AppOptions } from "./app-env.ts";
export { createLogger } from "./logger.ts";
export type { Logger } from "./logger.ts";
export { hashPassword, verifyPassword, MIN_PASSWORD_LENGTH } from "./passwords.ts";
