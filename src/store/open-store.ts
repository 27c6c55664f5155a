import type { OpenStoreOptions, Store } from "./types.ts";

export async function openStore(_options: OpenStoreOptions = {}): Promise<Store> {
  throw new Error("openStore: implementation in progress");
}
