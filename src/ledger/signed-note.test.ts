import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cosignatureTime, cosignatureVerifier, cosigner } from "./cosignature.ts";
import { generateKeyPair } from "./ed25519.ts";
import {
  ed25519NoteSigner,
  ed25519NoteVerifier,
  formatVerifierKey,
  noteKeyIdOf,
  parseNote,
  parseVerifierKey,
  SIG_ED25519,
  signNote,
  verifyNote,
} from "./signed-note.ts";
import { formatCheckpoint, parseCheckpoint } from "./tlog-checkpoint.ts";

// Vectors copied from the C2SP texts (signed-note, tlog-checkpoint, tlog-cosignature).
const SPEC_VKEY = "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";
const SPEC_NOTE = "This is an example message.\n\n— example.com/foo Uw2QOkn8srV1yJGh2VYRlL1Tnagv1YEq6TfXppzi2ONncAlTgK7Ztg1ERYNZXsYjOBH3mFXmRKuwHjG1Yu72IneyaQM=\n";
const SPEC_POEM =
  "Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n\n" +
  "— quasimodo.example/salvatore NnugSzTjtVAewIS+Z/iJhUPeFDkO/5QQ2i5ddnGITLlC+EhfLW9oJKONrMouFSQU0xMcXxj99ihAQwaqP3ZekRwNtIc=\n";
const SPEC_COSIGNED =
  "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\n" +
  "— example.com/behind-the-sofa Az3grlgtzPICa5OS8npVmf1Myq/5IZniMp+ZJurmRDeOoRDe4URYN7u5/Zhcyv2q1gGzGku9nTo+zyWE+xeMcTOAYQ8=\n" +
  "— witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==\n";

function specVerifier() {
  const parsed = parseVerifierKey(SPEC_VKEY);
  if (!parsed.ok) throw new Error(parsed.reason);
  return ed25519NoteVerifier(parsed.value.name, parsed.value.publicKey);
}

describe("signed notes (c2sp.org/signed-note)", () => {
  it("verifies the specification's example note with its verifier key", () => {
    const result = verifyNote(SPEC_NOTE, [specVerifier()]);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.value.note.text).toBe("This is an example message.\n");
  });

  it("derives the specification's key ID from its key name and public key", () => {
    const v = specVerifier();
    expect(v.keyId.toString(16)).toBe("530d903a");
    expect(noteKeyIdOf("example.com/foo", SIG_ED25519, v.publicKey)).toBe(0x530d903a);
    expect(formatVerifierKey(v)).toBe(SPEC_VKEY);
  });

  it("rejects the example note when one byte of its text changes", () => {
    const result = verifyNote(SPEC_NOTE.replace("example", "exemple"), [specVerifier()]);
    expect(result).toEqual({ ok: false, reason: "the signature of example.com/foo does not verify" });
  });

  it("ignores signatures from unknown keys, and rejects a note no known key signed", () => {
    const stranger = ed25519NoteVerifier("example.com/bar", generateKeyPair(new Uint8Array(32).fill(7)).publicKey);
    expect(verifyNote(SPEC_NOTE, [stranger])).toEqual({ ok: false, reason: "no known key signed this note" });
    // Same name, another key: a different key ID, so ignored rather than failed.
    const sameName = ed25519NoteVerifier("example.com/foo", stranger.publicKey);
    expect(verifyNote(SPEC_NOTE, [sameName, specVerifier()]).ok).toBe(true);
  });

  it("splits a text holding blank lines at the last blank line (the specification's poem)", () => {
    const parsed = parseNote(SPEC_POEM);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.text).toBe("Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n");
    expect(parsed.value.signatures.map((s) => s.name)).toEqual(["quasimodo.example/salvatore"]);
  });

  it("reads the specification's co-signed checkpoint: its size, root and the witness's timestamp", () => {
    const parsed = parseNote(SPEC_COSIGNED);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const cp = parseCheckpoint(parsed.value.text);
    expect(cp.ok && cp.value.size).toBe(20852163);
    expect(cp.ok && formatCheckpoint(cp.value)).toBe(parsed.value.text);
    // 0x641850CB: the time in the specification's example of the signed message.
    expect(cosignatureTime(parsed.value.signatures[1]!.signature)).toBe(1679315147);
  });

  it("refuses malformed notes and verifier keys with a reason", () => {
    for (const bad of ["no blank line\n— a AAAAAAA=\n", "text\n\n", "text\n\n— a b c\n", "te\u0001xt\n\n— a AAAAAAAA\n", "text\n\n— a+b AAAAAAAA\n"]) {
      expect(parseNote(bad).ok).toBe(false);
    }
    expect(parseVerifierKey("example.com/foo+530d903b+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k")).toEqual({ ok: false, reason: "the key ID does not match the key" });
    expect(parseVerifierKey("example.com/foo+530d903a+AekyeRrm").ok).toBe(false);
  });

  it("never throws on arbitrary text", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => {
      parseNote(s);
      parseVerifierKey(s);
      verifyNote(s, [specVerifier()]);
    }));
  });
});

describe("co-signatures (c2sp.org/tlog-cosignature, Ed25519)", () => {
  const log = generateKeyPair(new Uint8Array(32).fill(1));
  const witness = generateKeyPair(new Uint8Array(32).fill(2));
  const text = formatCheckpoint({ origin: "homeward.example/log", size: 3, root: new Uint8Array(32).fill(9), extensions: [] });

  it("signs and verifies a checkpoint as log and witness, the witness's time kept", () => {
    const note = signNote(text, [ed25519NoteSigner("homeward.example/log", log.secretKey, log.publicKey)]);
    const parsed = parseNote(note);
    const cosigned = signNote(text, [cosigner("witness.example/w", witness.secretKey, witness.publicKey, () => 1_700_000_000)], parsed.ok ? parsed.value.signatures : []);
    const w = cosignatureVerifier("witness.example/w", witness.publicKey);
    const result = verifyNote(cosigned, [ed25519NoteVerifier("homeward.example/log", log.publicKey), w]);
    expect(result.ok && result.value.verifiedBy.map((v) => v.name)).toEqual(["homeward.example/log", "witness.example/w"]);
    const sig = parseNote(cosigned);
    expect(sig.ok && w.timeOf(sig.value.signatures[1]!.signature)).toBe(1_700_000_000);
  });

  it("uses a key ID of type 0x04, so a witness key does not pass as a note key", () => {
    const w = cosignatureVerifier("witness.example/w", witness.publicKey);
    expect(w.keyId).not.toBe(ed25519NoteVerifier("witness.example/w", witness.publicKey).keyId);
    expect(parseVerifierKey(formatVerifierKey(w))).toMatchObject({ ok: true, value: { type: 0x04 } });
  });

  it("fails a co-signature whose timestamp was altered", () => {
    const cosigned = signNote(text, [cosigner("witness.example/w", witness.secretKey, witness.publicKey, () => 1_700_000_000)]);
    const parsed = parseNote(cosigned);
    if (!parsed.ok) throw new Error(parsed.reason);
    parsed.value.signatures[0]!.signature[7]! ^= 1;
    expect(cosignatureVerifier("witness.example/w", witness.publicKey).verify(parsed.value.text, parsed.value.signatures[0]!.signature)).toBe(false);
  });
});
