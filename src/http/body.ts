/**
 * A request body as it streams in. Small bodies (the common case: one chunk) stay the chunks they
 * arrived in. Past 1 MiB the bytes are copied into 4 MiB segments, allocated apart from the small-
 * object heap: once a large body is dropped its memory goes back to the system, where thousands of
 * 64 KiB socket chunks would stay resident (allocator fragmentation) long after.
 */

/** The body of a request without one (shared: never written to). */
export const NO_BODY = Buffer.alloc(0);

const SMALL_BODY_BYTES = 1024 * 1024;
const SEGMENT_BYTES = 4 * 1024 * 1024;

export class BodyBuffer {
  private chunks: Buffer[] = [];
  private segments: Buffer[] | undefined;
  private fill = 0;
  /** Bytes held. */
  size = 0;

  /**
   * Keeps one chunk.
   * @example const body = new BodyBuffer(); body.add(chunk); body.bytes()
   */
  add(chunk: Buffer): void {
    if (this.segments === undefined && this.size + chunk.length <= SMALL_BODY_BYTES) this.chunks.push(chunk);
    else {
      if (this.segments === undefined) {
        this.segments = [];
        for (const c of this.chunks) this.copy(c);
        this.chunks = [];
      }
      this.copy(chunk);
    }
    this.size += chunk.length;
  }

  private copy(chunk: Buffer): void {
    const segments = this.segments!;
    for (let offset = 0; offset < chunk.length; ) {
      let last = segments[segments.length - 1];
      if (last === undefined || this.fill === last.length) {
        last = Buffer.allocUnsafeSlow(SEGMENT_BYTES);
        segments.push(last);
        this.fill = 0;
      }
      const n = Math.min(chunk.length - offset, last.length - this.fill);
      chunk.copy(last, this.fill, offset, offset + n);
      this.fill += n;
      offset += n;
    }
  }

  /** The whole body as one buffer. */
  bytes(): Buffer {
    if (this.segments === undefined) return this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.size);
    const last = this.segments.length - 1;
    return Buffer.concat(
      this.segments.map((s, i) => (i === last ? s.subarray(0, this.fill) : s)),
      this.size,
    );
  }

  /** Forgets everything held. */
  clear(): void {
    this.chunks = [];
    this.segments = undefined;
    this.fill = 0;
    this.size = 0;
  }
}
