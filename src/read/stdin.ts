/**
 * Standard input as one page. It is read as a stream, once, before any page is parsed:
 * a synchronous read of fd 0 fails with EAGAIN when stdin is a pipe whose writer has not
 * written yet (`(sleep 1; cat page.txt) | bulletin parse -`) or a terminal in non-blocking
 * mode. The bytes are then handed to the parser like a file's.
 */
let bytes: Buffer | undefined;

/** Read standard input to its end (Ctrl-D on a terminal); later calls give the same bytes. */
export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<Buffer> {
  if (bytes) return bytes;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  bytes = Buffer.concat(chunks);
  return bytes;
}

/** The bytes readStdin read; a caller that parses `-` must have awaited it first. */
export function stdinBytes(): Buffer {
  if (!bytes) throw new Error('standard input was not read before its page was parsed (call readStdin first)');
  return bytes;
}
