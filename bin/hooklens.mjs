#!/usr/bin/env node
// The `hooklens` command: builds on first use, then runs the compiled CLI (serve, verify, sign, providers, check).
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { ensureBuild, root } from '../scripts/ensure-build.mjs';

ensureBuild();
await import(pathToFileURL(path.join(root, 'out', 'main', 'cli.js')).href);
