/**
 * Independent record counter for raw CSV bytes.
 *
 * DuckDB reads the file; this scanner reads the same bytes on its own (in a worker) so the app can
 * reconcile `rows loaded + rows rejected == records counted` and point at bad lines. It is a
 * quote-aware byte state machine over Uint8Array chunks: no CSV library, no strings and no
 * allocation in the hot loop, and chunks may split anywhere (inside CRLF, a doubled quote, a UTF-8
 * character or a multi-byte delimiter) because every piece of cross-byte state lives on the instance.
 *
 * Definitions that the API leaves open (decided here, covered by tests):
 * - Lines: every `\n`, `\r\n` and lone `\r` ends a physical line, inside quotes too. A terminator at
 *   the very end of the file does not start a new line: "1\n\n\n" is 3 lines ("1", "", ""), 2 blank.
 * - A UTF-8 BOM at offset 0 is skipped: it counts in `bytes` only, so a BOM-only file has 0 lines.
 * - A record ending at EOF inside quotes (unterminated) is counted in `records`, `fieldCounts` and
 *   (if its field count differs) `ragged`, so sum(fieldCounts) == records always holds.
 * - `longLine.bytes` is the full length of that physical line (terminator excluded), so the result
 *   does not depend on chunking.
 * - escape '' means no escaping at all: inside a quoted field the first quote closes it.
 *   The escape char only has meaning inside quoted fields (as in DuckDB).
 * - Invalid dialects (delimiter containing CR/LF/quote/escape, multi-char quote, ...) throw.
 */

export interface ScanDialect {
	/** One or more characters, e.g. ',', ';', '\t', '|', ' ', or a multi-byte one like '🦆'. */
	delimiter: string;
	/** '' means no quoting, else a single ASCII char, usually '"'. */
	quote: string;
	/** '' or a single ASCII char. Equal to quote: "" is a literal quote. Different: escapes the next byte. */
	escape: string;
}

export interface ScanOptions {
	/** Default 2_000_000: a physical line longer than this is flagged. */
	maxLineBytes?: number;
	/** Default 20: how many example lines to keep per problem kind. */
	maxExamples?: number;
}

export interface RaggedLine {
	line: number;
	fields: number;
}

export interface RecordScan {
	bytes: number;
	lines: number;
	records: number;
	blankLines: number;
	firstRecordFields: number;
	fieldCounts: Record<number, number>;
	ragged: RaggedLine[];
	raggedCount: number;
	unterminatedQuoteLine: number | null;
	invalidUtf8Line: number | null;
	nulLine: number | null;
	longLine: { line: number; bytes: number } | null;
	lineEndings: { lf: number; crlf: number; cr: number };
}

const LF = 0x0a;
const CR = 0x0d;

// Parser states. Order matters: every state >= QUOTED is "inside a quoted field".
const FIELD_START = 0; // outside quotes, no byte of the current field seen yet
const UNQUOTED = 1; // outside quotes, inside a field (a quote here is literal)
const QUOTED = 2; // inside a quoted field
const QPENDING = 3; // escape == quote: saw a quote inside a quoted field; next byte decides ("" or close)
const ESCAPED = 4; // escape != quote: saw the escape byte; the next byte is literal

const BOM = [0xef, 0xbb, 0xbf];

function asciiByte(s: string, what: string): number {
	if (s === '') return -1;
	const c = s.charCodeAt(0);
	if (s.length !== 1 || c > 0x7f) throw new Error(`recordScan: ${what} must be '' or a single ASCII character`);
	if (c === LF || c === CR) throw new Error(`recordScan: ${what} cannot be a line terminator`);
	return c;
}

/** Encode a JS string to UTF-8 without TextEncoder (keeps the module free of platform assumptions). */
function utf8Encode(s: string): Uint8Array {
	const out: number[] = [];
	for (const ch of s) {
		const cp = ch.codePointAt(0)!;
		if (cp < 0x80) out.push(cp);
		else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
		else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
		else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
	}
	return Uint8Array.from(out);
}

export class RecordScanner {
	// --- dialect (immutable) ---
	private readonly delim: Uint8Array;
	private readonly dlen: number;
	private readonly d0: number;
	/** KMP failure function of the delimiter, so overlapping partial matches ("aab" in "aaab") work. */
	private readonly fail: Int32Array;
	private readonly quote: number; // -1 = no quoting
	private readonly esc: number; // -1 = no separate escape byte (none, or escape == quote)
	private readonly qpend: boolean; // escape == quote: a quote inside quotes may be the first half of ""
	private readonly maxLineBytes: number;
	private readonly maxExamples: number;

	// --- parser state carried across chunks ---
	private st = FIELD_START;
	private dm = 0; // bytes of a multi-byte delimiter matched so far
	private delims = 0; // delimiters outside quotes in the current record
	private line = 1; // current physical line (1-based)
	private lineStart = 0; // absolute offset of the first byte of the current physical line
	private crEnd = -1; // absolute offset just after the last CR: an LF exactly here is the tail of a CRLF
	private recLine = 1; // line where the current record started
	private quoteLine = 0; // line where the current quoted field opened
	private pos = 0; // absolute offset of the next byte to be pushed
	private base = 0; // absolute offset of buf[0] of the chunk being run
	private head: number[] | null = []; // first bytes, held until we know whether they are a BOM
	private u8need = 0; // UTF-8 continuation bytes still expected
	private u8lo = 0x80; // allowed range of the next continuation byte (rules out overlongs,
	private u8hi = 0xbf; // surrogates and > U+10FFFF at the first continuation)
	private result: RecordScan | null = null;

	// --- results ---
	private records = 0;
	private blankLines = 0;
	private firstFields = 0; // 0 = no record yet (a record always has >= 1 field)
	private sameCount = 0; // records with firstFields fields (kept out of the Map: the common case)
	private otherCounts = new Map<number, number>();
	private ragged: RaggedLine[] = [];
	private raggedCount = 0;
	private invalidUtf8Line: number | null = null;
	private nulLine: number | null = null;
	private longLine: { line: number; bytes: number } | null = null;
	private lf = 0;
	private crlf = 0;
	private cr = 0;

	constructor(dialect: ScanDialect, options: ScanOptions = {}) {
		this.maxLineBytes = options.maxLineBytes ?? 2_000_000;
		this.maxExamples = options.maxExamples ?? 20;
		this.quote = asciiByte(dialect.quote, 'quote');
		const esc = this.quote < 0 ? -1 : asciiByte(dialect.escape, 'escape');
		this.qpend = esc >= 0 && esc === this.quote;
		this.esc = this.qpend ? -1 : esc;

		if (!dialect.delimiter) throw new Error('recordScan: delimiter must not be empty');
		this.delim = utf8Encode(dialect.delimiter);
		this.dlen = this.delim.length;
		this.d0 = this.delim[0];
		for (const b of this.delim) {
			// Such delimiters would make the grammar ambiguous; DuckDB rejects them too.
			if (b === LF || b === CR) throw new Error('recordScan: delimiter cannot contain a line terminator');
			if (b === this.quote) throw new Error('recordScan: delimiter cannot contain the quote character');
			if (b === esc) throw new Error('recordScan: delimiter cannot contain the escape character');
		}
		this.fail = new Int32Array(this.dlen);
		for (let k = 1, j = 0; k < this.dlen; k++) {
			while (j > 0 && this.delim[k] !== this.delim[j]) j = this.fail[j - 1];
			if (this.delim[k] === this.delim[j]) j++;
			this.fail[k] = j;
		}
	}

	push(chunk: Uint8Array): void {
		if (this.result) throw new Error('recordScan: push() after finish()');
		if (chunk.length === 0) return;
		if (this.head) {
			// Still deciding whether the file starts with a BOM (which may be split across chunks).
			const head = this.head;
			let k = 0;
			while (k < chunk.length && head.length < 3) {
				head.push(chunk[k++]);
				if (head[head.length - 1] !== BOM[head.length - 1]) break;
			}
			const mismatch = head[head.length - 1] !== BOM[head.length - 1];
			if (!mismatch && head.length < 3) return; // need more bytes to decide
			this.flushHead(!mismatch);
			chunk = chunk.subarray(k);
			if (chunk.length === 0) return;
		}
		this.process(chunk);
	}

	finish(): RecordScan {
		if (this.result) return this.result;
		if (this.head) this.flushHead(false); // fewer than 3 bytes in the file: cannot be a BOM
		if (this.u8need > 0 && this.invalidUtf8Line === null) this.invalidUtf8Line = this.line; // truncated char at EOF

		const end = this.pos;
		let unterminatedQuoteLine: number | null = null;
		if (this.st === QUOTED || this.st === ESCAPED) {
			unterminatedQuoteLine = this.quoteLine;
			this.endRecord(this.delims + 1); // count the partial record; the caller decides to refuse
		} else if (end > this.lineStart) {
			this.endRecord(this.delims + 1); // final line without terminator
		}
		if (end - this.lineStart > this.maxLineBytes) this.flagLong(this.line, end - this.lineStart);

		const fieldCounts: Record<number, number> = {};
		if (this.firstFields > 0) fieldCounts[this.firstFields] = this.sameCount;
		for (const [k, v] of [...this.otherCounts].sort((a, b) => a[0] - b[0])) fieldCounts[k] = v;

		this.result = {
			bytes: end,
			lines: this.line - 1 + (end > this.lineStart ? 1 : 0),
			records: this.records,
			blankLines: this.blankLines,
			firstRecordFields: this.firstFields,
			fieldCounts,
			ragged: this.ragged,
			raggedCount: this.raggedCount,
			unterminatedQuoteLine,
			invalidUtf8Line: this.invalidUtf8Line,
			nulLine: this.nulLine,
			longLine: this.longLine,
			lineEndings: { lf: this.lf, crlf: this.crlf, cr: this.cr }
		};
		return this.result;
	}

	/** Decide the held first bytes: skip them if they are a BOM, else scan them like any other data. */
	private flushHead(isBom: boolean): void {
		const head = this.head!;
		this.head = null;
		if (isBom) {
			this.pos = this.lineStart = 3; // counted in bytes, invisible to lines and fields
		} else if (head.length > 0) {
			this.process(Uint8Array.from(head));
		}
	}

	/**
	 * Scan one chunk. UTF-8 validity and NUL search are separate tight passes (they only need the
	 * first offending offset); the CSV pass is then split at those offsets to learn their line numbers.
	 */
	private process(buf: Uint8Array): void {
		const n = buf.length;
		this.base = this.pos;
		const u = this.invalidUtf8Line === null ? this.utf8Scan(buf) : -1;
		const z = this.nulLine === null ? buf.indexOf(0) : -1;
		let first = u;
		let second = z;
		let firstIsUtf8 = true;
		if (u < 0 || (z >= 0 && z < u)) {
			first = z;
			second = u;
			firstIsUtf8 = false;
		}
		let i = 0;
		if (first >= 0) {
			this.run(buf, 0, first);
			this.setMark(firstIsUtf8);
			i = first;
			if (second >= 0) {
				this.run(buf, i, second);
				this.setMark(!firstIsUtf8);
				i = second;
			}
		}
		this.run(buf, i, n);
		this.pos += n;
	}

	private setMark(utf8: boolean): void {
		if (utf8) this.invalidUtf8Line = this.line;
		else this.nulLine = this.line;
	}

	/**
	 * Validate UTF-8; return the index of the byte where the first invalid sequence is detected, or -1.
	 * A truncated sequence is detected at the byte after it, which is on the same line as its lead
	 * (continuation bytes are never terminators), and 0 if the lead was in a previous chunk.
	 */
	private utf8Scan(buf: Uint8Array): number {
		const n = buf.length;
		let need = this.u8need;
		let lo = this.u8lo;
		let hi = this.u8hi;
		// ASCII fast path checks 4 bytes at a time through an aligned 32-bit view of the chunk.
		const a = (4 - (buf.byteOffset & 3)) & 3; // first index whose address is 4-byte aligned
		const wn = n > a ? (n - a) >> 2 : 0;
		const words = wn > 0 ? new Uint32Array(buf.buffer, buf.byteOffset + a, wn) : null;
		let i = 0;
		while (i < n) {
			if (need === 0) {
				if (words !== null) {
					while (i < n && buf[i] < 0x80 && ((i - a) & 3) !== 0) i++;
					let w = (i - a) >> 2;
					if (w >= 0 && ((i - a) & 3) === 0) {
						while (w < wn && (words[w] & 0x80808080) === 0) w++;
						i = a + (w << 2);
					}
				}
				while (i < n && buf[i] < 0x80) i++;
				if (i === n) break;
				const b = buf[i++];
				if (b < 0xc2) return i - 1; // stray continuation byte, or C0/C1 (always overlong)
				if (b < 0xe0) {
					need = 1;
					lo = 0x80;
					hi = 0xbf;
				} else if (b < 0xf0) {
					need = 2;
					lo = b === 0xe0 ? 0xa0 : 0x80; // E0 80..9F would be overlong
					hi = b === 0xed ? 0x9f : 0xbf; // ED A0..BF would be a surrogate
				} else if (b < 0xf5) {
					need = 3;
					lo = b === 0xf0 ? 0x90 : 0x80; // F0 80..8F would be overlong
					hi = b === 0xf4 ? 0x8f : 0xbf; // F4 90.. would be > U+10FFFF
				} else {
					return i - 1; // F5..FF never appear in UTF-8
				}
			} else {
				const b = buf[i];
				if (b < lo || b > hi) return i; // bad or missing continuation byte
				i++;
				need--;
				lo = 0x80;
				hi = 0xbf;
			}
		}
		this.u8need = need;
		this.u8lo = lo;
		this.u8hi = hi;
		return -1;
	}

	/** The CSV state machine over buf[from, to). Hot state lives in locals and is written back at the end. */
	private run(buf: Uint8Array, from: number, to: number): void {
		let st = this.st;
		let dm = this.dm;
		let delims = this.delims;
		let line = this.line;
		let lineStart = this.lineStart;
		let crEnd = this.crEnd;
		let recLine = this.recLine;
		const base = this.base;
		const delim = this.delim;
		const dlen = this.dlen;
		const d0 = this.d0;
		const fail = this.fail;
		const quote = this.quote;
		const esc = this.esc;
		const qpend = this.qpend;
		const maxLine = this.maxLineBytes;

		let i = from;
		while (i < to) {
			// Fast skip over ordinary data bytes: the only per-byte work for most of a file.
			// At a field start only a quote is special (anything else makes the field unquoted), so
			// decide that here and go straight to the skip loop instead of a slow-path iteration.
			// LF is excluded: as the tail of a CRLF it must leave the next field start intact.
			if (st === FIELD_START) {
				const c = buf[i];
				if (c !== quote && c !== LF) st = UNQUOTED;
			}
			if (st === UNQUOTED) {
				if (dm === 0) {
					// Bytes <= CR that are not terminators (tab, ...) also stop here and are handled below as data.
					while (i < to) {
						const c = buf[i];
						if (c <= CR || c === d0) break;
						i++;
					}
					if (i === to) break;
				}
			} else if (st === QUOTED) {
				while (i < to) {
					const c = buf[i];
					if (c <= CR || c === quote || c === esc) break;
					i++;
				}
				if (i === to) break;
			}
			const b = buf[i];
			const pos = base + i;
			i++;

			if (st >= QUOTED) {
				if (st === QPENDING) {
					if (b === quote) {
						st = QUOTED; // "" inside quotes: a literal quote
						continue;
					}
					st = UNQUOTED; // the previous quote closed the field; handle b as outside below
				} else {
					if (st === ESCAPED) {
						st = QUOTED;
						// An escaped byte is data, but an escaped terminator still ends a physical line.
						if (b !== LF && b !== CR) continue;
					}
					if (b === LF) {
						if (pos !== crEnd) {
							if (pos - lineStart > maxLine) this.flagLong(line, pos - lineStart);
							line++;
						}
						lineStart = pos + 1;
					} else if (b === CR) {
						if (pos - lineStart > maxLine) this.flagLong(line, pos - lineStart);
						line++;
						lineStart = crEnd = pos + 1;
					} else if (b === quote) {
						// Closing quote (or first half of ""). Bytes after it up to the next delimiter stay
						// in the same field: state UNQUOTED makes later quotes literal (lenient, like DuckDB).
						st = qpend ? QPENDING : UNQUOTED;
					} else if (b === esc) {
						st = ESCAPED;
					}
					continue;
				}
			}

			// Outside quotes: FIELD_START or UNQUOTED.
			if (dlen === 1) {
				if (b === d0) {
					delims++;
					st = FIELD_START;
					continue;
				}
			} else if (dm > 0 || b === d0) {
				// KMP step of the multi-byte delimiter match (partial matches survive chunk boundaries).
				while (dm > 0 && b !== delim[dm]) dm = fail[dm - 1];
				if (b === delim[dm]) dm++;
				if (dm === dlen) {
					delims++;
					dm = 0;
					st = FIELD_START;
					continue;
				}
				if (dm > 0) {
					st = UNQUOTED; // tentatively data; if the match fails these bytes were field content
					continue;
				}
				// b extends no partial match: ordinary handling below
			}

			if (b === LF) {
				if (pos === crEnd) {
					// Second half of a CRLF whose CR already ended the record.
					this.cr--;
					this.crlf++;
					lineStart = pos + 1;
					continue;
				}
				this.lf++;
			} else if (b === CR) {
				this.cr++;
				crEnd = pos + 1;
			} else {
				if (st === FIELD_START && b === quote) {
					st = QUOTED;
					this.quoteLine = line;
				} else {
					st = UNQUOTED; // includes a quote in the middle of a field: literal
				}
				continue;
			}

			// A terminator outside quotes ends the record. The record is blank only if its (single)
			// physical line is empty: a record that spans lines ends on a line holding its closing quote.
			const len = pos - lineStart;
			if (len === 0) {
				this.blankLines++;
			} else {
				if (len > maxLine) this.flagLong(line, len);
				this.recLine = recLine;
				this.endRecord(delims + 1);
			}
			line++;
			lineStart = pos + 1;
			recLine = line;
			delims = 0;
			st = FIELD_START;
		}

		this.st = st;
		this.dm = dm;
		this.delims = delims;
		this.line = line;
		this.lineStart = lineStart;
		this.crEnd = crEnd;
		this.recLine = recLine;
	}

	private endRecord(fields: number): void {
		this.records++;
		if (this.firstFields === 0) this.firstFields = fields;
		if (fields === this.firstFields) {
			this.sameCount++;
			return;
		}
		this.raggedCount++;
		if (this.ragged.length < this.maxExamples) this.ragged.push({ line: this.recLine, fields });
		this.otherCounts.set(fields, (this.otherCounts.get(fields) ?? 0) + 1);
	}

	private flagLong(line: number, bytes: number): void {
		if (this.longLine === null) this.longLine = { line, bytes };
	}
}

/** Convenience: scan a whole buffer at once. */
export function scanBytes(bytes: Uint8Array, dialect: ScanDialect, options?: ScanOptions): RecordScan {
	const s = new RecordScanner(dialect, options);
	s.push(bytes);
	return s.finish();
}

/** Count a whole Blob in 4 MB chunks (in the scan worker; in-process where there are no workers, as in Node). */
export async function scanBlob(blob: Blob, dialect: ScanDialect, maxLineBytes: number, onProgress: (bytes: number) => void): Promise<RecordScan> {
  const CHUNK = 4 * 1024 * 1024;
  const scanner = new RecordScanner(dialect, { maxLineBytes });
  for (let offset = 0; offset < blob.size; offset += CHUNK) {
    scanner.push(new Uint8Array(await blob.slice(offset, offset + CHUNK).arrayBuffer()));
    onProgress(Math.min(blob.size, offset + CHUNK));
  }
  return scanner.finish();
}
