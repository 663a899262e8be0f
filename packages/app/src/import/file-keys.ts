/** What an import knows of one key of the file: its first row, content hash, and whether the import writes it. */
export interface SeenKey {
  readonly row: number;
  readonly hash: string;
  readonly fresh: boolean;
}

const HASH_BYTES = 32;

/**
 * The keys (document numbers) of a file seen so far, compact enough for millions of rows: per key a map
 * entry, its first row in an Int32Array (negative once the import writes it) and its SHA-256 content hash
 * as 32 bytes — about 100 bytes a key instead of 250 for an object with a hex string. Keys are copied out of
 * the text they were read from: a substring would keep the whole piece of the file it came from alive.
 */
export class FileKeys {
  private readonly slots = new Map<string, number>();
  private rows = new Int32Array(4096);
  private hashes = Buffer.alloc(4096 * HASH_BYTES);

  get(key: string): SeenKey | undefined {
    const slot = this.slots.get(key);
    if (slot === undefined) return undefined;
    const row = this.rows[slot] ?? 0;
    const at = slot * HASH_BYTES;
    return { row: Math.abs(row), hash: this.hashes.toString('hex', at, at + HASH_BYTES), fresh: row < 0 };
  }

  /** Records a key's first row and its content hash (64 hex digits). */
  add(key: string, row: number, hash: string): void {
    const slot = this.slots.size;
    if (slot >= this.rows.length) this.grow();
    this.slots.set(` ${key}`.slice(1), slot);
    this.rows[slot] = row;
    this.hashes.write(hash, slot * HASH_BYTES, HASH_BYTES, 'hex');
  }

  /** Notes that the import writes this key's row. */
  written(key: string): void {
    const slot = this.slots.get(key);
    if (slot !== undefined) this.rows[slot] = -Math.abs(this.rows[slot] ?? 0);
  }

  private grow(): void {
    const rows = new Int32Array(this.rows.length * 2);
    rows.set(this.rows);
    this.rows = rows;
    const hashes = Buffer.alloc(this.hashes.length * 2);
    this.hashes.copy(hashes);
    this.hashes = hashes;
  }
}
