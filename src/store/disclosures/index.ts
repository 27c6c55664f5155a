// Disclosures of children held (the channel, part 1).
export { createDisclosureRepository, sharesFor } from "./disclosure-repository.ts";
