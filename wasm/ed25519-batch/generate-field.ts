// Writes the unrolled field multiplication and squaring (10 signed limbs of 26/25 bits, the
// "ref10" representation) and the curve constants for the AssemblyScript sources. Generating
// them from the limb weights and from BigInt arithmetic, rather than typing a hundred products
// and five constants by hand, is what makes them trustworthy.

const P = 2n ** 255n - 19n;
const WEIGHTS = Array.from({ length: 11 }, (_, i) => Math.ceil(25.5 * i)); // bit position of limb i (and 255)

function mod(a: bigint, m = P): bigint {
  const r = a % m;
  return r < 0n ? r + m : r;
}

function pow(base: bigint, exp: bigint): bigint {
  let result = 1n;
  let b = mod(base);
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = mod(result * b);
    b = mod(b * b);
    e >>= 1n;
  }
  return result;
}

const inv = (a: bigint): bigint => pow(a, P - 2n);

/** Limbs of a field element in the ref10 representation (all non-negative, fully reduced). */
function limbs(value: bigint): bigint[] {
  const v = mod(value);
  return Array.from({ length: 10 }, (_, i) => (v >> BigInt(WEIGHTS[i]!)) & ((1n << BigInt(WEIGHTS[i + 1]! - WEIGHTS[i]!)) - 1n));
}

/** Coefficient of f_i * g_j in output limb (i + j) mod 10: a power of two times 19 on wrap-around. */
function coefficient(i: number, j: number): number {
  const k = (i + j) % 10;
  const wrap = i + j >= 10;
  const shift = WEIGHTS[i]! + WEIGHTS[j]! - WEIGHTS[k]! - (wrap ? 255 : 0);
  if (shift < 0 || shift > 1) throw new Error(`unexpected limb weight for ${i},${j}`);
  return (1 << shift) * (wrap ? 19 : 1);
}

function carryChain(): string[] {
  // Rounded carries keep limbs signed and small: even limbs 26 bits, odd limbs 25 bits.
  const step = (i: number): string[] => {
    const bits = WEIGHTS[i + 1]! - WEIGHTS[i]!;
    const next = (i + 1) % 10;
    const add = i === 9 ? `c * 19` : "c";
    return [`c = (h${i} + ${1 << (bits - 1)}) >> ${bits};`, `h${next} += ${add};`, `h${i} -= c << ${bits};`];
  };
  return [0, 4, 1, 5, 2, 6, 3, 7, 4, 8, 9, 0].flatMap(step);
}

function mulFunction(): string {
  const out: string[] = [];
  const scaled = new Set<string>();
  const terms: string[][] = Array.from({ length: 10 }, () => []);
  for (let i = 0; i < 10; i++) {
    for (let j = 0; j < 10; j++) {
      const c = coefficient(i, j);
      const f = c % 2 === 0 ? `f${i}_2` : `f${i}`;
      const g = c % 19 === 0 ? `g${j}_19` : `g${j}`;
      if (f !== `f${i}`) scaled.add(`const ${f}: i64 = f${i} << 1;`);
      if (g !== `g${j}`) scaled.add(`const ${g}: i64 = g${j} * 19;`);
      terms[(i + j) % 10]!.push(`${f} * ${g}`);
    }
  }
  out.push("// h = f * g (mod p). Inputs carried (|limb| <= ~2^26); output carried.");
  out.push("@inline export function feMul(h: usize, f: usize, g: usize): void {");
  for (let i = 0; i < 10; i++) out.push(`  const f${i} = load<i64>(f, ${i * 8});`);
  for (let i = 0; i < 10; i++) out.push(`  const g${i} = load<i64>(g, ${i * 8});`);
  for (const line of scaled) out.push(`  ${line}`);
  for (let k = 0; k < 10; k++) out.push(`  let h${k}: i64 = ${terms[k]!.join(" + ")};`);
  out.push("  let c: i64;");
  for (const line of carryChain()) out.push(`  ${line}`);
  for (let i = 0; i < 10; i++) out.push(`  store<i64>(h, h${i}, ${i * 8});`);
  out.push("}");
  return out.join("\n");
}

function sqFunction(): string {
  const out: string[] = [];
  const scaled = new Map<string, string>();
  const terms: string[][] = Array.from({ length: 10 }, () => []);
  for (let i = 0; i < 10; i++) {
    for (let j = i; j < 10; j++) {
      const c = coefficient(i, j) * (i === j ? 1 : 2);
      const name = c === 1 ? `f${i}` : `f${i}_${c}`;
      if (c !== 1) scaled.set(name, `const ${name}: i64 = f${i} * ${c};`);
      terms[(i + j) % 10]!.push(`${name} * f${j}`);
    }
  }
  out.push("// h = f^2 (mod p), with the symmetric products taken once.");
  out.push("@inline export function feSq(h: usize, f: usize): void {");
  for (let i = 0; i < 10; i++) out.push(`  const f${i} = load<i64>(f, ${i * 8});`);
  for (const line of scaled.values()) out.push(`  ${line}`);
  for (let k = 0; k < 10; k++) out.push(`  let h${k}: i64 = ${terms[k]!.join(" + ")};`);
  out.push("  let c: i64;");
  for (const line of carryChain()) out.push(`  ${line}`);
  for (let i = 0; i < 10; i++) out.push(`  store<i64>(h, h${i}, ${i * 8});`);
  out.push("}");
  return out.join("\n");
}

function carryFunction(): string {
  const out = ["// Brings the limbs of h back into range after additions.", "@inline export function feCarry(h: usize): void {"];
  for (let i = 0; i < 10; i++) out.push(`  let h${i} = load<i64>(h, ${i * 8});`);
  out.push("  let c: i64;");
  for (const line of carryChain()) out.push(`  ${line}`);
  for (let i = 0; i < 10; i++) out.push(`  store<i64>(h, h${i}, ${i * 8});`);
  out.push("}");
  return out.join("\n");
}

function constant(name: string, value: bigint, why: string): string {
  return `// ${why}\nexport const ${name}: StaticArray<i64> = [${limbs(value).join(", ")}];`;
}

export function curveConstants(): { d: bigint; sqrtM1: bigint; baseX: bigint; baseY: bigint } {
  const d = mod(-121665n * inv(121666n));
  const sqrtM1 = pow(2n, (P - 1n) / 4n);
  const baseY = mod(4n * inv(5n));
  const xx = mod((baseY * baseY - 1n) * inv(d * baseY * baseY + 1n));
  let baseX = pow(xx, (P + 3n) / 8n);
  if (mod(baseX * baseX - xx) !== 0n) baseX = mod(baseX * sqrtM1);
  if (baseX & 1n) baseX = P - baseX; // the base point has the even ("positive") x
  return { d, sqrtM1, baseX, baseY };
}

export function generateFieldSource(): string {
  const { d, sqrtM1, baseX, baseY } = curveConstants();
  return [
    "// GENERATED by wasm/ed25519-batch/generate-field.ts — do not edit.",
    mulFunction(),
    "",
    sqFunction(),
    "",
    carryFunction(),
    "",
    constant("D", d, "d = -121665/121666, the curve constant"),
    constant("D2", mod(2n * d), "2d, used by the addition formulas"),
    constant("SQRT_M1", sqrtM1, "a square root of -1: 2^((p-1)/4)"),
    constant("BASE_X", baseX, "the base point B, x"),
    constant("BASE_Y", baseY, "the base point B, y = 4/5"),
    constant("BASE_T", mod(baseX * baseY), "the base point B, t = x*y"),
    "",
  ].join("\n");
}
