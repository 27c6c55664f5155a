// Tracing requests: children sought, addressed to the party believed to hold them.
export { createTracingRequestRepository } from "./tracing-request-repository.ts";
