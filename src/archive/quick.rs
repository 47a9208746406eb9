//! Deflate for the short segments of a page (the text between its shared
//! spans: a customer's own section, a footer), without zlib.
//!
//! A segment is compressed by a fresh compressor, and zlib's fresh state
//! is a hash table of 128 KiB cleared for every segment: for a segment of
//! a few hundred bytes that clearing cost more than the compression, and
//! a fleet has tens of thousands of them (issue: fleet performance). This
//! encoder does for short input what zlib's fastest level does, with a
//! table sized for the input: one hash probe per position, the longest
//! run at the candidate taken greedily, and the fixed Huffman codes of
//! RFC 1951 (section 3.2.6), which zlib's fastest level also uses. Its
//! output is a block that ends as zlib's sync flush or finish would, so
//! segments from either encoder follow one another in one stream.

/// Input at most this long is compressed here; longer goes to zlib, whose
/// vectorised search is the faster from a few kilobytes on (measured at
/// 1, 4 and 32 KiB: 4 KiB was the fastest, and its zips the smallest).
pub const MAX_INPUT: usize = 4096;

/// log2 of the hash table's size: twice as many entries as positions, a
/// sixteenth of what zlib clears.
const HASH_BITS: u32 = 13;

const MIN_MATCH: usize = 4;
const MAX_MATCH: usize = 258;

/// Appends `input` (at most [`MAX_INPUT`] bytes) to `out` as one block
/// with fixed codes: the last block of the stream if `last`, otherwise
/// followed by an empty stored block, so that the stream is byte-aligned
/// after it and may go on with any other block (zlib's sync flush).
pub fn compress(input: &[u8], last: bool, out: &mut Vec<u8>) {
    debug_assert!(input.len() <= MAX_INPUT);
    let mut bits = BitWriter {
        out,
        acc: 0,
        len: 0,
    };
    // BFINAL, then BTYPE = 01 (fixed codes).
    bits.put(u32::from(last), 1);
    bits.put(1, 2);
    // Position + 1 of the last place each hash was seen; 0 is none.
    let mut table = [0u16; 1 << HASH_BITS];
    let mut at = 0;
    while at + MIN_MATCH <= input.len() {
        let slot = hash(&input[at..at + MIN_MATCH]);
        let candidate = usize::from(table[slot]);
        // Input is short, so every position fits, and every distance is
        // within the window.
        table[slot] = (at + 1) as u16;
        if candidate > 0 {
            let from = candidate - 1;
            let length = common_prefix(&input[from..], &input[at..]).min(MAX_MATCH);
            if length >= MIN_MATCH {
                bits.length(length);
                bits.distance(at - from);
                at += length;
                continue;
            }
        }
        bits.literal(input[at]);
        at += 1;
    }
    for &b in &input[at..] {
        bits.literal(b);
    }
    // End of block.
    bits.code(0, 7);
    if last {
        bits.align();
    } else {
        // An empty stored block: BFINAL = 0, BTYPE = 00, then LEN, NLEN.
        bits.put(0, 3);
        bits.align();
        bits.out.extend_from_slice(&[0, 0, 0xff, 0xff]);
    }
}

fn hash(four: &[u8]) -> usize {
    let v = u32::from_le_bytes([four[0], four[1], four[2], four[3]]);
    (v.wrapping_mul(0x9e37_79b1) >> (32 - HASH_BITS)) as usize
}

fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

/// Writes bits least significant first, as deflate packs them.
struct BitWriter<'a> {
    out: &'a mut Vec<u8>,
    acc: u64,
    len: u32,
}

impl BitWriter<'_> {
    /// The low `n` bits of `value` (n <= 32), as they are.
    fn put(&mut self, value: u32, n: u32) {
        self.acc |= u64::from(value) << self.len;
        self.len += n;
        while self.len >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.len -= 8;
        }
    }

    /// A Huffman code of `n` bits: sent from its most significant bit.
    fn code(&mut self, code: u32, n: u32) {
        self.put(code.reverse_bits() >> (32 - n), n);
    }

    fn align(&mut self) {
        if self.len > 0 {
            self.put(0, 8 - self.len);
        }
    }

    /// The fixed code of a literal/length symbol (RFC 1951, 3.2.6).
    fn symbol(&mut self, symbol: u32) {
        match symbol {
            0..=143 => self.code(0x30 + symbol, 8),
            144..=255 => self.code(0x190 + symbol - 144, 9),
            256..=279 => self.code(symbol - 256, 7),
            _ => self.code(0xc0 + symbol - 280, 8),
        }
    }

    fn literal(&mut self, b: u8) {
        self.symbol(u32::from(b));
    }

    /// A match length of 3 to 258: its symbol and extra bits.
    fn length(&mut self, length: usize) {
        let (symbol, extra_bits, base) = length_code(length);
        self.symbol(symbol);
        if extra_bits > 0 {
            self.put((length - base) as u32, extra_bits);
        }
    }

    /// A distance of 1 to 32,768: its 5-bit code and extra bits.
    fn distance(&mut self, distance: usize) {
        let (code, extra_bits, base) = distance_code(distance);
        self.code(code, 5);
        if extra_bits > 0 {
            self.put((distance - base) as u32, extra_bits);
        }
    }
}

/// The symbol, extra bits and base length of a match length (3..=258).
fn length_code(length: usize) -> (u32, u32, usize) {
    match length {
        MAX_MATCH => (285, 0, MAX_MATCH),
        3..=10 => (254 + length as u32, 0, length),
        _ => {
            // From 11 on, groups of four symbols, each group with one
            // more extra bit than the one before.
            let l = length - 3;
            let extra = usize::BITS - 1 - l.leading_zeros() - 2;
            let within = (l >> extra) & 3;
            let symbol = 265 + 4 * (extra - 1) + within as u32;
            (symbol, extra, 3 + ((4 + within) << extra))
        }
    }
}

/// The code, extra bits and base distance of a distance (1..=32,768).
fn distance_code(distance: usize) -> (u32, u32, usize) {
    if distance <= 4 {
        return (distance as u32 - 1, 0, distance);
    }
    // Codes 4 and up come in pairs, each pair with one more extra bit.
    let d = distance - 1;
    let top = usize::BITS - 1 - d.leading_zeros();
    let extra = top - 1;
    let second = (d >> extra) & 1;
    let code = 2 * top + second as u32;
    let base = (1 << top) + (second << extra) + 1;
    (code, extra, base)
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress};

    fn inflate(stream: &[u8]) -> Vec<u8> {
        let mut d = Decompress::new(false);
        let mut out = Vec::with_capacity(64 * 1024);
        d.decompress_vec(stream, &mut out, FlushDecompress::Finish)
            .expect("a valid deflate stream");
        out
    }

    fn zlib(input: &[u8], flush: FlushCompress) -> Vec<u8> {
        let mut c = Compress::new(Compression::new(1), false);
        let mut out = Vec::with_capacity(input.len() + 64);
        c.compress_vec(input, &mut out, flush).expect("zlib");
        out
    }

    /// Inputs of every kind a page's segment has, and the edges.
    fn samples() -> Vec<Vec<u8>> {
        let mut samples: Vec<Vec<u8>> = vec![
            Vec::new(),
            b"a".to_vec(),
            b"abc".to_vec(),
            b"abcd".to_vec(),
            b"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa".to_vec(),
            vec![b'x'; MAX_INPUT],
            "</section>\n<section class=\"sec\" id=\"controller\" aria-labelledby=\"h-controller\">\n<h2 id=\"h-controller\"><span class=\"num\">1.</span> Rekisterinpitäjä</h2>\n<dl class=\"details\">\n<div><dt>Nimi</dt><dd>Lumilahden kaupunki – sivistystoimi</dd></div>\n<div><dt>Osoite</dt><dd>Keskuskatu 4, 10173 Lumilahti</dd></div>\n</dl>".as_bytes().to_vec(),
            (0..=255u8).collect(),
        ];
        // Lengths and distances of every size, from a simple generator.
        let mut state = 0x2545_f491_u32;
        for len in [5, 17, 100, 259, 300, 517, 1000, MAX_INPUT] {
            let mut v = Vec::with_capacity(len);
            while v.len() < len {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                if state.is_multiple_of(3) && v.len() > 8 {
                    // Copy an earlier run: a match to find.
                    let from = (state as usize / 7) % v.len();
                    let run = 3 + (state as usize / 11) % 300;
                    for i in 0..run {
                        if v.len() == len {
                            break;
                        }
                        v.push(v[from + i % (v.len() - from)]);
                    }
                } else {
                    v.push((state >> 8) as u8 % 40 + b' ');
                }
            }
            samples.push(v);
        }
        samples
    }

    #[test]
    fn every_sample_inflates_back_as_the_last_block_or_followed_by_more() {
        for input in samples() {
            let mut last = Vec::new();
            compress(&input, true, &mut last);
            assert_eq!(inflate(&last), input, "{} bytes, last", input.len());
            // Not last: another segment (here zlib's) ends the stream.
            let mut stream = Vec::new();
            compress(&input, false, &mut stream);
            stream.extend_from_slice(&zlib(b" and the end", FlushCompress::Finish));
            let mut expected = input.clone();
            expected.extend_from_slice(b" and the end");
            assert_eq!(
                inflate(&stream),
                expected,
                "{} bytes, then more",
                input.len()
            );
        }
    }

    /// A segment that follows zlib's: both end byte-aligned, so either
    /// may come first, and the text before is not referred to.
    #[test]
    fn segments_from_zlib_and_from_here_follow_one_another() {
        let parts: [&[u8]; 3] = [
            b"<p>alku</p>",
            b"<p>keskikohta, keskikohta</p>",
            b"<p>loppu</p>",
        ];
        let mut stream = zlib(parts[0], FlushCompress::Sync);
        compress(parts[1], false, &mut stream);
        compress(parts[2], true, &mut stream);
        assert_eq!(inflate(&stream), parts.concat());
    }

    /// Fixed codes and greedy matches, as zlib's fastest level: within a
    /// tenth of its size on a page's markup.
    #[test]
    fn a_segment_is_about_as_small_as_zlibs_fastest_level_makes_it() {
        let input = &samples()[6];
        let mut ours = Vec::new();
        compress(input, false, &mut ours);
        let theirs = zlib(input, FlushCompress::Sync);
        assert!(
            ours.len() * 10 <= theirs.len() * 11,
            "{} bytes here, {} by zlib",
            ours.len(),
            theirs.len()
        );
        assert!(ours.len() < input.len());
    }

    #[test]
    fn lengths_and_distances_get_the_codes_of_the_rfc() {
        // (length, symbol, extra bits, base): RFC 1951, 3.2.5.
        for (length, expected) in [
            (3, (257, 0, 3)),
            (10, (264, 0, 10)),
            (11, (265, 1, 11)),
            (12, (265, 1, 11)),
            (13, (266, 1, 13)),
            (18, (268, 1, 17)),
            (19, (269, 2, 19)),
            (35, (273, 3, 35)),
            (67, (277, 4, 67)),
            (131, (281, 5, 131)),
            (257, (284, 5, 227)),
            (258, (285, 0, 258)),
        ] {
            assert_eq!(length_code(length), expected, "length {length}");
        }
        for (distance, expected) in [
            (1, (0, 0, 1)),
            (4, (3, 0, 4)),
            (5, (4, 1, 5)),
            (6, (4, 1, 5)),
            (7, (5, 1, 7)),
            (9, (6, 2, 9)),
            (13, (7, 2, 13)),
            (17, (8, 3, 17)),
            (1025, (20, 9, 1025)),
            (24577, (29, 13, 24577)),
            (32768, (29, 13, 24577)),
        ] {
            assert_eq!(distance_code(distance), expected, "distance {distance}");
        }
    }
}
