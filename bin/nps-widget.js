#!/usr/bin/env node
// The `nps-widget` command (package.json "bin"): the receiver, built into dist/server/.
import { main } from '../dist/server/cli.js';

await main();
