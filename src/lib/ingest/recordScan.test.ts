import { describe, it, expect } from 'vitest';
import { RecordScanner, scanBytes, type RecordScan, type ScanDialect, type ScanOptions } from './recordScan';

const CSV: ScanDialect = { delimiter: ',', quote: '"', escape: '"' };
const dialect = (delimiter: string, quote = '"', escape = '"'): ScanDialect => ({ delimiter, quote, escape });

/** UTF-8 encode a normal string. */
const utf8 = (s: string) => new TextEncoder().encode(s);
/** Each char code (0..255) becomes one byte: for writing invalid UTF-8 like 'Jos\xe9'. */
const bin = (s: string) => Uint8Array.from(s, (c) => {
	const code = c.charCodeAt(0);
	if (code > 0xff) throw new Error('bin() takes byte strings only');
	return code;
});
const concat = (...parts: Uint8Array[]) => {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let o = 0;
	for (const p of parts) {
		out.set(p, o);
		o += p.length;
	}
	return out;
};

/** Deterministic PRNG (mulberry32) so the random chunking is reproducible. */
function rng(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function scanChunked(bytes: Uint8Array, d: ScanDialect, opts: ScanOptions | undefined, sizes: () => number) {
	const s = new RecordScanner(d, opts);
	for (let i = 0; i < bytes.length; ) {
		const n = Math.max(1, sizes());
		s.push(bytes.subarray(i, i + n));
		i += n;
	}
	return s.finish();
}

/**
 * Scan whole, one byte per push, and in random-size chunks (fixed seed); all three must agree.
 * Chunks can split anywhere, so this exercises every cross-chunk state.
 */
function scan(bytes: Uint8Array, d: ScanDialect = CSV, opts?: ScanOptions): RecordScan {
	const whole = scanBytes(bytes, d, opts);
	const oneByte = scanChunked(bytes, d, opts, () => 1);
	const r = rng(12345);
	const random = scanChunked(bytes, d, opts, () => 1 + Math.floor(r() * (r() < 0.5 ? 8 : 300)));
	expect(oneByte, 'one byte per push').toEqual(whole);
	expect(random, 'random chunks').toEqual(whole);
	// Invariant the app relies on for reconciliation.
	expect(Object.values(whole.fieldCounts).reduce((a, b) => a + b, 0)).toBe(whole.records);
	return whole;
}

describe('RecordScanner: records, lines, blanks', () => {
	it('empty input: all zeros / nulls', () => {
		expect(scan(new Uint8Array(0))).toEqual({
			bytes: 0,
			lines: 0,
			records: 0,
			blankLines: 0,
			firstRecordFields: 0,
			fieldCounts: {},
			ragged: [],
			raggedCount: 0,
			unterminatedQuoteLine: null,
			invalidUtf8Line: null,
			nulLine: null,
			longLine: null,
			lineEndings: { lf: 0, crlf: 0, cr: 0 }
		});
	});

	it('LF file with final newline', () => {
		const r = scan(utf8('a,b\n1,2\n'));
		expect(r).toMatchObject({ bytes: 8, records: 2, lines: 2, blankLines: 0, firstRecordFields: 2 });
		expect(r.fieldCounts).toEqual({ 2: 2 });
		expect(r.lineEndings).toEqual({ lf: 2, crlf: 0, cr: 0 });
	});

	it('CRLF file without final newline', () => {
		const r = scan(utf8('a,b\r\n1,2\r\n3,4'));
		expect(r).toMatchObject({ records: 3, lines: 3, blankLines: 0, raggedCount: 0 });
		expect(r.lineEndings).toEqual({ lf: 0, crlf: 2, cr: 0 });
	});

	it('lone CR (old Mac) ends a record', () => {
		const r = scan(utf8('one\rtwo'));
		expect(r).toMatchObject({ records: 2, lines: 2, firstRecordFields: 1 });
		expect(r.lineEndings).toEqual({ lf: 0, crlf: 0, cr: 1 });
	});

	it('\\r\\r\\n is a CR line end followed by an empty CRLF line', () => {
		const r = scan(utf8('1\r\r\n2\r\r\n3'));
		expect(r).toMatchObject({ records: 3, blankLines: 2, lines: 5 });
		expect(r.lineEndings).toEqual({ lf: 0, crlf: 2, cr: 2 });
	});

	it('a quote right after CRLF, CR or LF opens a quoted field', () => {
		const r = scan(utf8('h,i\r\n"a,b",1\r"c,d",2\n"e,f",3\r\n'));
		expect(r).toMatchObject({ records: 4, raggedCount: 0, firstRecordFields: 2 });
	});

	it('mixed line endings', () => {
		const r = scan(utf8('a\nb\r\nc\rd\n'));
		expect(r).toMatchObject({ records: 4, lines: 4, blankLines: 0 });
		expect(r.lineEndings).toEqual({ lf: 2, crlf: 1, cr: 1 });
	});

	it('a terminator at the very end does not start a new line', () => {
		expect(scan(utf8('1\n\n\n'))).toMatchObject({ lines: 3, records: 1, blankLines: 2 });
		expect(scan(utf8('\n'))).toMatchObject({ lines: 1, records: 0, blankLines: 1, firstRecordFields: 0 });
		expect(scan(utf8('1\r'))).toMatchObject({ lines: 1, records: 1, blankLines: 0 });
	});

	it('"1" followed by 19,999 newlines: 19,999 lines, 19,998 blank', () => {
		const bytes = new Uint8Array(20_000).fill(0x0a);
		bytes[0] = 0x31;
		const r = scan(bytes);
		expect(r).toMatchObject({ records: 1, lines: 19_999, blankLines: 19_998, raggedCount: 0 });
		expect(r.lineEndings.lf).toBe(19_999);
	});

	it('leading and interior blank lines; lines of spaces or delimiters are records', () => {
		const r = scan(utf8('\n\na,b\n\n \n,\n'));
		expect(r).toMatchObject({ lines: 6, blankLines: 3, records: 3, firstRecordFields: 2 });
		expect(r.ragged).toEqual([{ line: 5, fields: 1 }]);
		expect(r.fieldCounts).toEqual({ 1: 1, 2: 2 });
	});

	it('BOM is skipped but counted in bytes, even split across chunks', () => {
		const r = scan(concat(bin('\xef\xbb\xbf'), utf8('a,b\n1,2\n')));
		expect(r).toMatchObject({ bytes: 11, lines: 2, records: 2, firstRecordFields: 2, invalidUtf8Line: null });
		expect(scan(bin('\xef\xbb\xbf'))).toMatchObject({ bytes: 3, lines: 0, records: 0 });
		// BOM then an empty first line: that line is blank.
		expect(scan(bin('\xef\xbb\xbf\nx'))).toMatchObject({ lines: 2, blankLines: 1, records: 1 });
		// A quote right after the BOM opens a quoted field (the BOM is not field content).
		expect(scan(concat(bin('\xef\xbb\xbf'), utf8('"a,b",c\n')))).toMatchObject({ firstRecordFields: 2 });
	});

	it('a partial BOM is ordinary data', () => {
		expect(scan(bin('\xef\xbb'))).toMatchObject({ bytes: 2, lines: 1, records: 1, invalidUtf8Line: 1 });
		expect(scan(bin('\xef\xbbA\n'))).toMatchObject({ bytes: 4, lines: 1, records: 1, invalidUtf8Line: 1 });
		expect(scan(bin('\xef'))).toMatchObject({ bytes: 1, records: 1, invalidUtf8Line: 1 });
		expect(scan(utf8('x'))).toMatchObject({ bytes: 1, records: 1, invalidUtf8Line: null });
	});
});

describe('RecordScanner: quoting', () => {
	it('newline inside quotes is data but still a physical line', () => {
		const r = scan(utf8('a,b\n"x\ny",2\n'));
		expect(r).toMatchObject({ records: 2, lines: 3, blankLines: 0, raggedCount: 0 });
		expect(r.lineEndings).toEqual({ lf: 2, crlf: 0, cr: 0 }); // only terminators outside quotes
	});

	it('CRLF and empty lines inside quotes are not blank lines or record ends', () => {
		const r = scan(utf8('h,i\r\n"a\r\n\r\n\rb",2\r\nz,"\n"\n'));
		expect(r).toMatchObject({ records: 3, lines: 7, blankLines: 0, raggedCount: 0 });
		expect(r.lineEndings).toEqual({ lf: 1, crlf: 2, cr: 0 });
	});

	it('ragged record start line is the line where a multi-line record starts', () => {
		const r = scan(utf8('a,b\n"1\n2\n3"\n4,5\n'));
		expect(r.ragged).toEqual([{ line: 2, fields: 1 }]);
	});

	it('unterminated quote at EOF', () => {
		const r = scan(utf8('a,"'));
		expect(r).toMatchObject({ unterminatedQuoteLine: 1, records: 1, lines: 1, firstRecordFields: 2 });
		expect(scan(utf8('"'))).toMatchObject({ unterminatedQuoteLine: 1, records: 1, lines: 1 });
		const r3 = scan(utf8('h\n"ok"\n"never closed\nmore\n'));
		expect(r3).toMatchObject({ unterminatedQuoteLine: 3, records: 3, lines: 4, blankLines: 0 });
	});

	it('a closed quote at EOF is fine', () => {
		expect(scan(utf8('"a"'))).toMatchObject({ unterminatedQuoteLine: null, records: 1 });
		expect(scan(utf8('"a""'))).toMatchObject({ unterminatedQuoteLine: 1 }); // "" is a literal, still open
		expect(scan(utf8('"a"""'))).toMatchObject({ unterminatedQuoteLine: null });
	});

	it('doubled quotes are literal (escape == quote)', () => {
		const r = scan(utf8('a,b\n"say ""hi, there""",2\n"""",3\n'));
		expect(r).toMatchObject({ records: 3, raggedCount: 0, unterminatedQuoteLine: null });
	});

	it('lenient: bytes after a closing quote stay in the field', () => {
		const r = scan(utf8('a;b\n"pedro "pdet" holanda";2\n'), dialect(';'));
		expect(r).toMatchObject({ records: 2, raggedCount: 0, firstRecordFields: 2, unterminatedQuoteLine: null });
		// After the close, a delimiter inside "trailing" text is a real delimiter.
		expect(scan(utf8('"a"b,c\n'))).toMatchObject({ firstRecordFields: 2 });
	});

	it('a quote in the middle of an unquoted field is literal', () => {
		const r = scan(utf8('a,b\n5" pipe,x\nab"c,"d"\n'));
		expect(r).toMatchObject({ records: 3, raggedCount: 0, unterminatedQuoteLine: null });
		// A leading space means the quote is not at field start.
		expect(scan(utf8(' "a,b",c\n'))).toMatchObject({ firstRecordFields: 3 });
	});

	it('backslash escape with | delimiter', () => {
		const r = scan(utf8('a|b|c\n1|"text\\"2\\""|3\n'), dialect('|', '"', '\\'));
		expect(r).toMatchObject({ records: 2, raggedCount: 0, firstRecordFields: 3, unterminatedQuoteLine: null });
		expect(r.fieldCounts).toEqual({ 3: 2 });
	});

	it('backslash escape: escaped backslash, escaped delimiter and escaped newline', () => {
		const d = dialect(',', '"', '\\');
		expect(scan(utf8('"a\\\\",b\n'), d)).toMatchObject({ firstRecordFields: 2, unterminatedQuoteLine: null });
		expect(scan(utf8('"a\\"'), d)).toMatchObject({ unterminatedQuoteLine: 1 });
		const r = scan(utf8('"a\\\r\nb",c\nd,e\n'), d);
		expect(r).toMatchObject({ records: 2, lines: 3, raggedCount: 0 });
		// With a separate escape char, "" closes and the rest is lenient trailing data.
		expect(scan(utf8('"a""b,c"\n'), d)).toMatchObject({ firstRecordFields: 2, unterminatedQuoteLine: null });
	});

	it("escape '' means the first quote inside a quoted field closes it", () => {
		expect(scan(utf8('"a""b,c"\n'), dialect(',', '"', ''))).toMatchObject({ firstRecordFields: 2 });
		expect(scan(utf8('"a""b,c"\n'), CSV)).toMatchObject({ firstRecordFields: 1 });
	});

	it("quote '' disables quoting", () => {
		const r = scan(utf8('"a,b"\n"x\ny"\n'), dialect(',', '', ''));
		expect(r).toMatchObject({ records: 3, firstRecordFields: 2, unterminatedQuoteLine: null });
		expect(r.ragged).toEqual([
			{ line: 2, fields: 1 },
			{ line: 3, fields: 1 }
		]);
	});

	it('single quote as quote char', () => {
		const r = scan(utf8("a,b\n'x,y',2\n"), dialect(',', "'", "'"));
		expect(r).toMatchObject({ records: 2, raggedCount: 0 });
	});
});

describe('RecordScanner: delimiters and ragged records', () => {
	it('ragged records are listed with their start line', () => {
		const r = scan(utf8('i,j\n1,2\n3\n4,5,6\n'));
		expect(r.ragged).toEqual([
			{ line: 3, fields: 1 },
			{ line: 4, fields: 3 }
		]);
		expect(r.raggedCount).toBe(2);
		expect(r.fieldCounts).toEqual({ 1: 1, 2: 2, 3: 1 });
	});

	it('maxExamples caps the ragged list but not the count', () => {
		const text = 'a,b\n' + '1\n'.repeat(50);
		const r = scan(utf8(text), CSV, { maxExamples: 3 });
		expect(r.raggedCount).toBe(50);
		expect(r.ragged).toEqual([
			{ line: 2, fields: 1 },
			{ line: 3, fields: 1 },
			{ line: 4, fields: 1 }
		]);
	});

	it('tab, space and semicolon delimiters; empty fields count', () => {
		expect(scan(utf8('a\tb\t\n1\t\t\n'), dialect('\t'))).toMatchObject({ firstRecordFields: 3, raggedCount: 0 });
		expect(scan(utf8('a b c\n1  2\n'), dialect(' '))).toMatchObject({ firstRecordFields: 3, raggedCount: 0 });
		expect(scan(utf8(';;\n'), dialect(';'))).toMatchObject({ firstRecordFields: 3, records: 1 });
	});

	it('multi-byte delimiter 🦆 with a 30 KB quoted value split across chunks', () => {
		const big = 'x🦆,\n"'.repeat(3500) + 'é'.repeat(1000); // ~30 KB, contains the delimiter, newlines, ""
		const value = '"' + big.replace(/"/g, '""') + '"';
		const text = `id🦆name🦆note\n1🦆${value}🦆z\n2🦆🦆\n`;
		const bytes = utf8(text);
		expect(bytes.length).toBeGreaterThan(30_000);
		const r = scan(bytes, dialect('🦆'));
		expect(r).toMatchObject({
			records: 3,
			lines: 3503,
			firstRecordFields: 3,
			raggedCount: 0,
			unterminatedQuoteLine: null,
			invalidUtf8Line: null
		});
	});

	it('multi-byte delimiter partial matches and overlaps (KMP)', () => {
		// 'aab' inside 'xaaaby': the delimiter is the last three a/a/b, so fields are "xa" and "y".
		expect(scan(utf8('xaaaby\n'), dialect('aab'))).toMatchObject({ firstRecordFields: 2 });
		expect(scan(utf8('a:::b\n'), dialect('::'))).toMatchObject({ firstRecordFields: 2 });
		// A partial delimiter followed by a quote: the quote is mid-field, so literal.
		expect(scan(utf8(':"x\n'), dialect('::'))).toMatchObject({ firstRecordFields: 1, unterminatedQuoteLine: null });
		// Partial match interrupted by a newline.
		expect(scan(utf8('a:\nb::c\n'), dialect('::'))).toMatchObject({ records: 2, ragged: [{ line: 2, fields: 2 }] });
		// Quote right after a complete multi-byte delimiter opens a quoted field.
		expect(scan(utf8('a::"b::c"\n'), dialect('::'))).toMatchObject({ firstRecordFields: 2 });
	});

	it('rejects ambiguous dialects', () => {
		expect(() => new RecordScanner(dialect(''))).toThrow();
		expect(() => new RecordScanner(dialect('\n'))).toThrow();
		expect(() => new RecordScanner(dialect('"'))).toThrow();
		expect(() => new RecordScanner(dialect(',', '""'))).toThrow();
		expect(() => new RecordScanner(dialect(',', '\u00ab'))).toThrow();
		expect(() => new RecordScanner(dialect('\\', '"', '\\'))).toThrow();
	});
});

describe('RecordScanner: byte-level problems', () => {
	it('invalid UTF-8 line numbers', () => {
		expect(scan(bin('a\nb\xff\n'))).toMatchObject({ invalidUtf8Line: 2, records: 2 });
		expect(scan(bin('name\nJos\xe9\n'))).toMatchObject({ invalidUtf8Line: 2 }); // Latin-1
		expect(scan(bin('Jos\xe9'))).toMatchObject({ invalidUtf8Line: 1 }); // truncated at EOF
		expect(scan(utf8('a\n😀,é,€\n'))).toMatchObject({ invalidUtf8Line: null });
		expect(scan(bin('a\n\xc0\x80\n'))).toMatchObject({ invalidUtf8Line: 2 }); // overlong NUL
		expect(scan(bin('a\nb\n\xe0\x80\xaf\n'))).toMatchObject({ invalidUtf8Line: 3 }); // overlong 3-byte
		expect(scan(bin('\xf0\x8f\xbf\xbf'))).toMatchObject({ invalidUtf8Line: 1 }); // overlong 4-byte
		expect(scan(bin('a\n\xed\xa0\x80\n'))).toMatchObject({ invalidUtf8Line: 2 }); // surrogate
		expect(scan(bin('\xf4\x90\x80\x80'))).toMatchObject({ invalidUtf8Line: 1 }); // > U+10FFFF
		expect(scan(bin('\xf5\x80\x80\x80'))).toMatchObject({ invalidUtf8Line: 1 });
		expect(scan(bin('a\n\x80'))).toMatchObject({ invalidUtf8Line: 2 }); // stray continuation
		expect(scan(bin('\xf4\x8f\xbf\xbf'))).toMatchObject({ invalidUtf8Line: null }); // U+10FFFF is valid
		expect(scan(bin('\xed\x9f\xbf'))).toMatchObject({ invalidUtf8Line: null }); // U+D7FF is valid
	});

	it('truncated sequence before a newline is blamed on the line of its lead byte', () => {
		expect(scan(bin('a\nb\xc3\nc\n'))).toMatchObject({ invalidUtf8Line: 2, records: 3 });
		expect(scan(bin('a\nb\xe2\x82\r\nc\n'))).toMatchObject({ invalidUtf8Line: 2 });
		expect(scan(bin('x\n\xc3\xa9\xc3'))).toMatchObject({ invalidUtf8Line: 2 });
	});

	it('only the first invalid UTF-8 line is reported; inside quotes uses physical lines', () => {
		expect(scan(bin('"a\n\nb\xff"\n\xff\n'))).toMatchObject({ invalidUtf8Line: 3, records: 2 });
	});

	it('NUL bytes', () => {
		expect(scan(bin('a\0b'))).toMatchObject({ nulLine: 1, records: 1, lines: 1 });
		expect(scan(bin('a\nb\nc\0\0\n\0'))).toMatchObject({ nulLine: 3, records: 4 });
		expect(scan(bin('a\nb\xff\0\n'))).toMatchObject({ nulLine: 2, invalidUtf8Line: 2 });
		expect(scan(bin('\0\n\xff'))).toMatchObject({ nulLine: 1, invalidUtf8Line: 2 });
		expect(scan(bin('a\n\xc3\0'))).toMatchObject({ nulLine: 2, invalidUtf8Line: 2 });
	});

	it('long lines', () => {
		const line = 'x'.repeat(3000);
		expect(scan(utf8(line + '\n'), CSV, { maxLineBytes: 1000 }).longLine).toEqual({ line: 1, bytes: 3000 });
		expect(scan(utf8(line), CSV, { maxLineBytes: 1000 }).longLine).toEqual({ line: 1, bytes: 3000 });
		const r = scan(utf8(`a\nb\r\n${line}\r\n${line}x\n`), CSV, { maxLineBytes: 1000 });
		expect(r.longLine).toEqual({ line: 3, bytes: 3000 });
		// Exactly maxLineBytes is fine; one more is flagged.
		expect(scan(utf8('x'.repeat(1000) + '\n'), CSV, { maxLineBytes: 1000 }).longLine).toBeNull();
		expect(scan(utf8('x'.repeat(1001)), CSV, { maxLineBytes: 1000 }).longLine).toEqual({ line: 1, bytes: 1001 });
		// Physical lines inside a quoted field are measured separately.
		const q = scan(utf8(`"${'y'.repeat(500)}\n${'y'.repeat(1500)}\n"\n`), CSV, { maxLineBytes: 1000 });
		expect(q.longLine).toEqual({ line: 2, bytes: 1500 });
		expect(q.records).toBe(1);
		expect(scan(utf8(line + '\n')).longLine).toBeNull(); // default limit
	});
});

/**
 * Deliberately naive reference scanner (whole buffer, index-based, separate passes per property) for
 * differential fuzzing. Physical-line properties are computed from a plain split into lines, so they
 * do not share logic with the state machine.
 */
function referenceScan(all: Uint8Array, d: ScanDialect, maxLineBytes: number) {
	const start = all[0] === 0xef && all[1] === 0xbb && all[2] === 0xbf ? 3 : 0;
	const b = all.subarray(start);
	const n = b.length;
	const D = utf8(d.delimiter);
	const q = d.quote ? d.quote.charCodeAt(0) : -1;
	const e = d.quote && d.escape ? d.escape.charCodeAt(0) : -1;
	const isTerm = (i: number) => b[i] === 10 || b[i] === 13;
	const termLen = (i: number) => (b[i] === 13 && b[i + 1] === 10 ? 2 : 1);
	const delimAt = (i: number) => i + D.length <= n && D.every((x, k) => b[i + k] === x);

	// Physical lines by plain splitting.
	const lines: Uint8Array[] = [];
	for (let i = 0, s0 = 0; i <= n; i++) {
		if (i === n) {
			if (i > s0) lines.push(b.subarray(s0, i));
		} else if (isTerm(i)) {
			lines.push(b.subarray(s0, i));
			i += termLen(i) - 1;
			s0 = i + 1;
		}
	}
	const firstLine = (f: (l: Uint8Array) => boolean) => {
		const k = lines.findIndex(f);
		return k < 0 ? null : k + 1;
	};
	const badUtf8 = (l: Uint8Array) => {
		try {
			new TextDecoder('utf-8', { fatal: true }).decode(l);
			return false;
		} catch {
			return true;
		}
	};
	const longIdx = lines.findIndex((l) => l.length > maxLineBytes);

	// Records.
	const recs: { line: number; fields: number }[] = [];
	let blank = 0;
	let unterminated: number | null = null;
	const endings = { lf: 0, crlf: 0, cr: 0 };
	const countEnding = (i: number) => {
		if (b[i] === 10) endings.lf++;
		else if (termLen(i) === 2) endings.crlf++;
		else endings.cr++;
	};
	let line = 1;
	let i = 0;
	while (i < n) {
		if (isTerm(i)) {
			blank++;
			countEnding(i);
			i += termLen(i);
			line++;
			continue;
		}
		const recLine = line;
		let fields = 1;
		for (;;) {
			// field start
			if (b[i] === q) {
				const qLine = line;
				i++;
				for (;;) {
					if (i >= n) {
						unterminated = qLine;
						break;
					}
					if (b[i] === q) {
						if (e === q && b[i + 1] === q) i += 2;
						else {
							i++;
							break;
						}
					} else if (e >= 0 && e !== q && b[i] === e) {
						i++;
						if (i < n && isTerm(i)) {
							i += termLen(i);
							line++;
						} else i++;
					} else if (isTerm(i)) {
						i += termLen(i);
						line++;
					} else i++;
				}
			}
			let nextField = false;
			while (i < n && !isTerm(i)) {
				if (delimAt(i)) {
					i += D.length;
					fields++;
					nextField = true;
					break;
				}
				i++;
			}
			if (!nextField) break;
		}
		recs.push({ line: recLine, fields });
		if (i < n) {
			countEnding(i);
			i += termLen(i);
			line++;
		}
	}
	const first = recs.length ? recs[0].fields : 0;
	const ragged = recs.filter((r) => r.fields !== first);
	const fieldCounts: Record<number, number> = {};
	for (const r of recs) fieldCounts[r.fields] = (fieldCounts[r.fields] ?? 0) + 1;
	return {
		bytes: all.length,
		lines: lines.length,
		records: recs.length,
		blankLines: blank,
		firstRecordFields: first,
		fieldCounts,
		ragged: ragged.slice(0, 20),
		raggedCount: ragged.length,
		unterminatedQuoteLine: unterminated,
		invalidUtf8Line: firstLine(badUtf8),
		nulLine: firstLine((l) => l.includes(0)),
		longLine: longIdx < 0 ? null : { line: longIdx + 1, bytes: lines[longIdx].length },
		lineEndings: endings
	};
}

describe('RecordScanner: differential fuzz against a naive reference', () => {
	const dialects: ScanDialect[] = [
		CSV,
		dialect(';'),
		dialect(',', '"', '\\'),
		dialect(',', '"', ''),
		dialect(',', '', ''),
		dialect('🦆'),
		dialect('::'),
		dialect('aab', "'", "'")
	];
	const pieces = ['a', 'b', 'aa', 'ab', ',', ';', ':', '"', "'", '\\', '\n', '\r', '\r\n', ' ', '🦆', 'é', '\xff', '\xc3', '\0', '\xf0\x9f'];
	it('agrees on 1,500 random small inputs in every chunking', () => {
		const r = rng(7);
		for (let t = 0; t < 1500; t++) {
			const d = dialects[t % dialects.length];
			let text = r() < 0.1 ? '\xef\xbb\xbf' : '';
			const len = Math.floor(r() * 30);
			for (let k = 0; k < len; k++) text += pieces[Math.floor(r() * pieces.length)];
			// Non-ASCII pieces are written as UTF-8, the \x.. ones as raw bytes.
			const bytes = concat(...[...text].map((c) => (c.charCodeAt(0) > 0xff ? utf8(c) : bin(c))));
			const maxLineBytes = 8;
			expect(scan(bytes, d, { maxLineBytes }), JSON.stringify({ text, d })).toEqual(referenceScan(bytes, d, maxLineBytes));
		}
	});
});

describe('RecordScanner: API behaviour', () => {
	it('finish() is idempotent and push() after finish() throws', () => {
		const s = new RecordScanner(CSV);
		s.push(utf8('a\n'));
		const r = s.finish();
		expect(s.finish()).toBe(r);
		expect(() => s.push(utf8('b'))).toThrow();
	});

	it('empty chunks are ignored', () => {
		const s = new RecordScanner(CSV);
		s.push(new Uint8Array(0));
		s.push(utf8('a,b\n'));
		s.push(new Uint8Array(0));
		expect(s.finish()).toEqual(scanBytes(utf8('a,b\n'), CSV));
	});

	it('throughput on ~20 MB of generated CSV (logs MB/s, asserts only the count)', () => {
		const names = ['Ada', 'Grace "Amazing" Hopper', 'Zoë Ünal', 'Linus', 'Bob, Jr.', 'Ωmega 🦆'];
		const rows: string[] = ['id,account,owner,date,amount,notes\n'];
		for (let i = 0; i < 10_000; i++) {
			const n = names[i % names.length];
			const quoted = /[",\n]/.test(n) ? `"${n.replace(/"/g, '""')}"` : n;
			const notes = i % 7 === 0 ? '"multi\nline, note"' : 'short note text';
			rows.push(`${i},ACC-${(i * 7919) % 100_000},${quoted},2024-${(i % 12) + 1}-${(i % 28) + 1},${(i * 3.7).toFixed(2)},${notes}\n`);
		}
		const block = utf8(rows.slice(1).join(''));
		const reps = Math.ceil(20_000_000 / block.length);
		const bytes = new Uint8Array(rows[0].length + block.length * reps);
		bytes.set(utf8(rows[0]));
		for (let k = 0; k < reps; k++) bytes.set(block, rows[0].length + k * block.length);
		const expected = 1 + 10_000 * reps;

		const mb = bytes.length / 1e6;
		let best = Infinity;
		let bestChunked = Infinity;
		for (let run = 0; run < 3; run++) {
			let t = performance.now();
			const r = scanBytes(bytes, CSV);
			best = Math.min(best, performance.now() - t);
			expect(r.records).toBe(expected);
			expect(r.raggedCount).toBe(0);

			t = performance.now();
			const s = new RecordScanner(CSV);
			for (let i = 0; i < bytes.length; i += 1 << 16) s.push(bytes.subarray(i, i + (1 << 16)));
			const rc = s.finish();
			bestChunked = Math.min(bestChunked, performance.now() - t);
			expect(rc.records).toBe(expected);
		}
		console.log(
			`recordScan throughput: ${mb.toFixed(1)} MB, whole ${(mb / (best / 1000)).toFixed(0)} MB/s, ` +
				`64 KB chunks ${(mb / (bestChunked / 1000)).toFixed(0)} MB/s`
		);
	});
});
