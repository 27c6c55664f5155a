#!/usr/bin/env node
import { x } from "../ledger/index.ts";
console.log("homeward", x);
