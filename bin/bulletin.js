#!/usr/bin/env -S node --v8-pool-size=0
// --v8-pool-size=0 sizes V8's background threads to the machine instead of a fixed four:
// with a worker per core, the extra garbage-collection threads only competed with them.
import '../dist/cli/main.js';
