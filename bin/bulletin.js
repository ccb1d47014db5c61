#!/usr/bin/env -S node --maglev --max-inlined-bytecode-size-cumulative=150 --no-turbo-inline-array-builtins
// V8 flags: on node's command line, the one place V8 reads them before it compiles anything
// (README, "Speed", says what they buy and where they do not reach).
import '../dist/cli/main.js';
