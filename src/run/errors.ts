/**
 * A mistake in what the user asked for (exit 2). It lives apart from steps.ts so that code
 * which must stay fast (a no-op run, --check) can throw it without loading the passes.
 */
export class UsageError extends Error {}
