import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { fromHex, toHex, concatBytes, utf8 } from "./bytes.ts";
import { emptyRoot, leafHash, nodeHash, splitPoint, verifyConsistency, verifyInclusion } from "./merkle.ts";
import { CompactRange, MerkleTree } from "./merkle-tree.ts";
import { sha256 } from "./sha256.ts";

const vectorsDir = fileURLToPath(new URL("../../../shared/data/merkle-vectors", import.meta.url));
const haveVectors = existsSync(vectorsDir);
if (!haveVectors) {
  if (process.env.CI === "true") throw new Error(`Merkle vectors missing at ${vectorsDir}`);
  console.warn(`skipping Merkle vector tests: ${vectorsDir} not found`);
}

function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...jsonFiles(path));
    else if (name.endsWith(".json")) out.push(path);
  }
  return out;
}

const b64 = (s: string | null | undefined): Uint8Array => new Uint8Array(Buffer.from(s ?? "", "base64"));
const proofOf = (p: string[] | null): Uint8Array[] => (p ?? []).map(b64);

describe.skipIf(!haveVectors)("Merkle proof vectors (transparency-dev)", () => {
  const inclusion = haveVectors ? jsonFiles(join(vectorsDir, "inclusion")) : [];
  const consistency = haveVectors ? jsonFiles(join(vectorsDir, "consistency")) : [];

  it("has all 196 vector files", () => {
    expect(inclusion.length + consistency.length).toBe(196);
  });

  it.each(inclusion.map((f) => [f.slice(vectorsDir.length + 1), f]))("inclusion %s", (_name, file) => {
    const v = JSON.parse(readFileSync(file, "utf8"));
    const result = verifyInclusion(v.leafIdx, v.treeSize, b64(v.leafHash), proofOf(v.proof), b64(v.root));
    expect(result.ok).toBe(!v.wantErr);
  });

  it.each(consistency.map((f) => [f.slice(vectorsDir.length + 1), f]))("consistency %s", (_name, file) => {
    const v = JSON.parse(readFileSync(file, "utf8"));
    const result = verifyConsistency(v.size1, v.size2, b64(v.root1), b64(v.root2), proofOf(v.proof));
    expect(result.ok).toBe(!v.wantErr);
  });
});

// The RFC 6962 test tree (same leaves and roots as the vectors' SOURCE.md reference table).
const referenceLeaves = ["", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f"];
const referenceRoots = [
  "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
  "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
  "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
  "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
  "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
  "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
  "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
  "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
];

describe("MerkleTree", () => {
  it("computes the RFC 6962 reference roots at every size", () => {
    const tree = new MerkleTree();
    const frontier = new CompactRange();
    expect(toHex(tree.root())).toBe(referenceRoots[0]);
    referenceLeaves.forEach((hex, i) => {
      tree.append(fromHex(hex));
      frontier.appendLeafHash(leafHash(fromHex(hex)));
      expect(toHex(tree.root())).toBe(referenceRoots[i + 1]);
      expect(toHex(frontier.root())).toBe(referenceRoots[i + 1]);
    });
    referenceRoots.forEach((root, size) => expect(toHex(tree.root(size))).toBe(root));
  });

  it("uses domain-separated leaf and node hashes", () => {
    const data = utf8("x");
    expect(toHex(leafHash(data))).toBe(toHex(sha256(concatBytes(new Uint8Array([0]), data))));
    const l = leafHash(utf8("l"));
    const r = leafHash(utf8("r"));
    expect(toHex(nodeHash(l, r))).toBe(toHex(sha256(concatBytes(new Uint8Array([1]), l, r))));
    expect(toHex(emptyRoot())).toBe(referenceRoots[0]);
  });
});

// Naive reference: RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1 transcribed recursively.
function mth(leaves: Uint8Array[]): Uint8Array {
  if (leaves.length === 0) return sha256(new Uint8Array(0));
  if (leaves.length === 1) return leafHash(leaves[0]!);
  const k = splitPoint(leaves.length);
  return nodeHash(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}
function path(m: number, leaves: Uint8Array[]): Uint8Array[] {
  if (leaves.length <= 1) return [];
  const k = splitPoint(leaves.length);
  return m < k
    ? [...path(m, leaves.slice(0, k)), mth(leaves.slice(k))]
    : [...path(m - k, leaves.slice(k)), mth(leaves.slice(0, k))];
}
function subproof(m: number, leaves: Uint8Array[], b: boolean): Uint8Array[] {
  const n = leaves.length;
  if (m === n) return b ? [] : [mth(leaves)];
  const k = splitPoint(n);
  return m <= k
    ? [...subproof(m, leaves.slice(0, k), b), mth(leaves.slice(k))]
    : [...subproof(m - k, leaves.slice(k), false), mth(leaves.slice(0, k))];
}

// Leaves carry their index so that no two are equal (equal leaves make some wrong-index proofs valid).
const leavesArb = fc
  .array(fc.uint8Array({ maxLength: 8 }), { minLength: 1, maxLength: 70 })
  .map((xs) => xs.map((x, i) => concatBytes(utf8(`${i}:`), x)));
const hexes = (xs: Uint8Array[]): string[] => xs.map(toHex);

describe("MerkleTree agrees with a naive reference tree", () => {
  it("on roots, inclusion proofs and consistency proofs of random trees", () => {
    fc.assert(
      fc.property(leavesArb, fc.nat(), fc.nat(), fc.nat(), (leaves, a, b, c) => {
        const tree = new MerkleTree();
        for (const leaf of leaves) tree.append(leaf);
        const n = leaves.length;
        const size = 1 + (a % n);
        const index = b % size;
        const size1 = 1 + (c % size);
        const prefix = leaves.slice(0, size);
        expect(toHex(tree.root(size))).toBe(toHex(mth(prefix)));
        const inc = tree.inclusionProof(index, size);
        expect(hexes(inc)).toEqual(hexes(path(index, prefix)));
        expect(verifyInclusion(index, size, leafHash(leaves[index]!), inc, tree.root(size)).ok).toBe(true);
        const cons = tree.consistencyProof(size1, size);
        expect(hexes(cons)).toEqual(hexes(size1 === size ? [] : subproof(size1, prefix, true)));
        expect(verifyConsistency(size1, size, tree.root(size1), tree.root(size), cons).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("rejects proofs against a different leaf, index or root", () => {
    fc.assert(
      fc.property(leavesArb, fc.nat(), fc.nat(), (leaves, a, b) => {
        fc.pre(leaves.length > 1);
        const tree = new MerkleTree();
        for (const leaf of leaves) tree.append(leaf);
        const n = leaves.length;
        const index = a % n;
        const other = (index + 1 + (b % (n - 1))) % n;
        const proof = tree.inclusionProof(index);
        const leaf = leafHash(leaves[index]!);
        const root = tree.root();
        expect(verifyInclusion(other, n, leaf, proof, root).ok).toBe(false);
        const flipped = root.slice();
        flipped[b % 32]! ^= 1 << (a % 8);
        expect(verifyInclusion(index, n, leaf, proof, flipped).ok).toBe(false);
        const size1 = 1 + (b % (n - 1));
        const cons = tree.consistencyProof(size1);
        expect(verifyConsistency(size1, n, tree.root(size1), flipped, cons).ok).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
