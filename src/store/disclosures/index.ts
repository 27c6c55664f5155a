// Disclosures of children held (the channel, part 1).
export { createDisclosureRepository } from "./disclosure-repository.ts";
