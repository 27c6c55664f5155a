// Two boundaries the type system cannot keep:
// - a store feature (src/store/FEATURE/) is entered only through its index.ts, from the store's
//   core, from another feature, or from anywhere else (its test-support/ too, for tests);
// - production code never imports test support (the test door into a store, fixtures).
import { readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

const root = resolve(import.meta.dirname, "..");
const storeDir = join(root, "src", "store");

function features() {
  return readdirSync(storeDir).filter((name) => name !== "test-support" && statSync(join(storeDir, name)).isDirectory());
}

function isTestFile(file) {
  // Benchmarks measure with the same fixtures and door as tests.
  return /\.test\.ts$/.test(file) || file.split(sep).includes("test-support") || relative(root, file).split(sep)[0] === "bench";
}

/** @type {import("eslint").Rule.RuleModule} */
const rule = {
  meta: {
    type: "problem",
    docs: { description: "Store features are entered through their index.ts; production code imports no test support." },
    schema: [],
  },
  create(context) {
    const file = resolve(context.filename);
    const featureNames = features();
    const featureOf = (path) => {
      const rel = relative(storeDir, path);
      if (rel.startsWith("..")) return null;
      const first = rel.split(sep)[0];
      return featureNames.includes(first) ? first : null;
    };
    const own = featureOf(file);
    const testFile = isTestFile(file);
    function check(node, source) {
      if (typeof source !== "string" || !source.startsWith(".")) return;
      const target = resolve(dirname(file), source);
      const targetRel = relative(root, target).split(sep);
      if (!testFile && targetRel.includes("test-support")) {
        context.report({ node, message: `Production code may not import test support (${source}).` });
        return;
      }
      const feature = featureOf(target);
      if (feature === null || feature === own) return;
      const inFeature = relative(join(storeDir, feature), target).split(sep);
      if (inFeature.length === 1 && inFeature[0] === "index.ts") return;
      if (testFile && inFeature[0] === "test-support") return;
      context.report({
        node,
        message: `Import the store's ${feature} feature through src/store/${feature}/index.ts, not ${inFeature.join("/")}.`,
      });
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === "Literal" && check(node, node.source.value),
    };
  },
};

export default { rules: { "store-boundaries": rule } };
