#!/usr/bin/env -S node --v8-pool-size=0
// --v8-pool-size=0 sizes V8's background threads to the machine instead of a fixed four:
// with a worker per core, the extra garbage-collection threads only competed with them.
import v8 from 'node:v8';

// Each worker thread compiles the passes afresh, and with V8's defaults the optimising compiler
// spent about as much CPU on the pass functions as a 20,000-page run spent executing them:
// it inlined deeply, then threw the code away whenever a page took a path the first pages had
// not, and compiled it again. A smaller inlining budget, and more feedback gathered before a
// function is optimised, make compiled code about a sixth slower (105 µs a page instead of 90)
// but a 20,000-page run a quarter cheaper; the two break even near 40,000 pages per worker.
// Optimised code also inlines Array.prototype.map and makes its result a holey array, where the
// unoptimised builtin makes a packed one: a pass optimised on the arrays of the first pages met
// the other kind as soon as the pass before it was optimised too, and was thrown away and
// compiled again: 39 deoptimisations in a 20,000-page run on one thread, and 2 (neither in a
// pass) with this flag and lists copied by listFrom (src/model/page.ts); half the compile time.
// (README, Large corpora, Speed.) Set before any of our code is compiled; V8 flags are per
// process, so the workers inherit them.
v8.setFlagsFromString('--max-inlined-bytecode-size-cumulative=150');
v8.setFlagsFromString('--interrupt-budget=600000');
v8.setFlagsFromString('--no-turbo-inline-array-builtins');
await import('../dist/cli/main.js');
