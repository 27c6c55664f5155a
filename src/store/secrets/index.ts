export { openStoreKeys, rewrapStoreKeys, keyOpensStore, SECRETS_MIGRATIONS, type StoreKeys } from "./store-keys.ts";
export { recoverKeyFile, rotateKeyFile } from "./key-file.ts";
export { keyedHash, keyedKeys, type KeyedHash, type KeyPurpose } from "./keyed-hash.ts";
