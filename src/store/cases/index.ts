// Cases: the append-only list of signed actions per child, its shares and the access log.
export { createCaseRepository } from "./case-repository.ts";
export { sealLegacyCases } from "./seal-legacy-cases.ts";
export { createSharesRepository } from "./shares-repository.ts";
export { mergeState, openSensitive, readPublicSummary, readSummary } from "./case-codec.ts";
export { actionAad } from "./case-codec.ts";
export { channelCaseWriter, sharesFor } from "./channel-case-writer.ts";
export type { ChannelCase } from "./channel-case-writer.ts";
export { appendStoreAction } from "./case-append.ts";
