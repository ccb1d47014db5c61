#!/usr/bin/env -S node --v8-pool-size=0
// --v8-pool-size=0 sizes V8's background threads to the machine instead of a fixed four:
// with a worker per core, the extra garbage-collection threads only competed with them.
import v8 from 'node:v8';

// Each worker thread compiles the passes afresh, and with V8's default inlining budget the
// optimising compiler spent more CPU on the large pass functions than a 20,000-page run spent
// executing them. A smaller budget costs about 2% in steady state and saves a fifth of the
// CPU of a run (see the README's performance notes). Set before any of our code is compiled;
// flags are per process, so the workers inherit it.
v8.setFlagsFromString('--max-inlined-bytecode-size-cumulative=150');
await import('../dist/cli/main.js');
