#!/usr/bin/env node
// The Waymark CLI runs the same TypeScript as the extension, through tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/waymark.ts');
process.exitCode = await main(process.argv.slice(2));
