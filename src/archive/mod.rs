//! Zip archives: a customer's bundle (`bundle`) and the package of a
//! record's workbook (`records::xlsx`), written here rather than by a zip
//! library so that what every file repeats is compressed once per run, not
//! once per file, and so that no archive depends on the clock.
//!
//! Every HTML page of a bundle carries the same inline stylesheet (about
//! 10 KB of a 30 KB page), and a fleet's zips hold thousands of pages:
//! deflating the stylesheet again for each of them was a quarter of the
//! zips' work (issue: fleet performance). A deflate stream is a sequence
//! of blocks, and a block may start wherever the previous one ended on a
//! byte boundary, so a page is compressed in segments: the text before
//! `<style>`, the stylesheet, and the rest, each by a fresh compressor
//! ending in a sync flush (the last one in the final block). A segment's
//! bytes depend only on its text, so the stylesheet's are kept by its
//! fingerprint and the zip is the same whether they came from the cache
//! or not: identical input gives identical bytes, whatever order the
//! customers are zipped in.
//!
//! The same goes for the sections a page shares with the other customers'
//! pages of its service: the renderer marks them ([`Entry::shared`]), and
//! each such span is a segment of its own, kept by its fingerprint from
//! its second sight. Half of a fleet's page text was deflated again for
//! every customer; the zips are about 7 % larger for it, each segment
//! starting without the text before it to refer to. The spans follow
//! from the page and its templates alone, so a zip's bytes still depend
//! only on its files. The text between the spans is kept the same way
//! from its second sight: the markup around a customer's own sections
//! and many a footer repeat, and for a segment of a few hundred bytes the
//! compressor's fresh state costs more than its text.
//!
//! Small files that many archives hold alike (a workbook's theme and
//! styles, in every customer's workbooks) are compressed once too, kept by
//! their fingerprint from their second sight.
//!
//! Files that are compressed already (workbooks, PDFs, images) are stored
//! as they are. Entries have fixed timestamps (1980-01-01) and permissions
//! (0644), UTF-8 names, and no extra fields; archives of 4 GiB or more, or
//! of more than 65,535 files, are refused (no bundle comes near either).

mod quick;

use std::sync::Arc;

use flate2::{Compress, Compression, FlushCompress, Status};
use memchr::memmem::find;

use crate::fingerprint::{SeenTwice, TextCache};

/// One file of an archive: its name inside the zip and its bytes.
pub struct Entry<'a> {
    pub name: String,
    pub contents: &'a [u8],
    /// Spans of `contents` that other files of the run most likely repeat
    /// (sections of a notice that say the same for every customer of its
    /// service), in order and apart: each is compressed as a segment of
    /// its own, kept by its fingerprint from its second sight.
    pub shared: &'a [std::ops::Range<usize>],
}

/// Level 1: HTML compresses well even so, and the fleet's zips take a third
/// of the time they take at the default level.
const LEVEL: u32 = 1;

/// A compressor and the buffer it writes into.
struct Deflater {
    compressor: Compress,
    scratch: Vec<u8>,
}

/// Room for a page's segment in one call; longer ones take several.
const SCRATCH: usize = 64 * 1024;

thread_local! {
    /// Each thread's deflater, reset before every segment: making one
    /// allocates and clears a few hundred kilobytes, for every zip.
    static DEFLATER: std::cell::RefCell<Deflater> = std::cell::RefCell::new(Deflater {
        compressor: Compress::new(Compression::new(LEVEL), false),
        scratch: vec![0; SCRATCH],
    });
}

/// The compressed stylesheets, shared by every thread of the run.
static SEGMENTS: TextCache<Arc<Vec<u8>>> = TextCache::new();

/// The compressed segments of pages, by [`segment_key`], kept from their
/// second sight: what one customer's page alone has is not kept. Most are
/// the shared spans ([`Entry::shared`]); the text between them repeats
/// too (the markup around a section, a footer), and a segment of a few
/// hundred bytes costs mostly the compressor's fresh state.
static KEPT_SEGMENTS: std::sync::LazyLock<SeenTwice<Arc<Vec<u8>>>> =
    std::sync::LazyLock::new(SeenTwice::default);

/// Shared spans shorter than this are compressed with the text around
/// them: a segment of its own costs the compressor's fresh state and the
/// matches it could have found before it.
const SHARED_MIN: usize = 512;

/// Small files that many archives hold alike (a workbook's theme, styles
/// and relationships, in every customer's three workbooks), compressed,
/// with their CRC, by their fingerprint: kept from their second sight.
/// A small file's time is mostly the compressor's fresh state, not its
/// bytes.
static SMALL_FILES: std::sync::LazyLock<SeenTwice<Arc<KeptFile>>> =
    std::sync::LazyLock::new(SeenTwice::default);

/// A file's CRC and its compressed bytes.
type KeptFile = (u32, Vec<u8>);

/// Files up to this size are looked up in [`SMALL_FILES`]; larger ones
/// (pages) are each a customer's own.
const SMALL_FILE: usize = 16 * 1024;

const STORED: u16 = 0;
const DEFLATED: u16 = 8;
/// MS-DOS date of 1980-01-01 (day 1, month 1, year 0), time 00:00.
const DOS_DATE: u16 = (1 << 5) | 1;
const DOS_TIME: u16 = 0;
/// Bit 11: the name is UTF-8.
const FLAGS: u16 = 1 << 11;
/// Version 2.0 (deflate), made on Unix (3), so the mode below is read.
const VERSION_NEEDED: u16 = 20;
const VERSION_MADE_BY: u16 = (3 << 8) | 20;
/// A regular file, rw-r--r--.
const EXTERNAL_ATTRIBUTES: u32 = 0o100644 << 16;

/// The bytes of a zip holding `entries` in the order given.
pub fn write(entries: &[Entry<'_>]) -> anyhow::Result<Vec<u8>> {
    if entries.len() > usize::from(u16::MAX) {
        anyhow::bail!(
            "a zip of {} files needs ZIP64, which bundles do not use",
            entries.len()
        );
    }
    // Pages compress to well under half their size; one reservation
    // instead of a copy at each doubling of a customer's half-megabyte zip.
    let total: usize = entries.iter().map(|e| e.contents.len()).sum();
    let mut out = Vec::with_capacity(total / 2 + 64 * 1024);
    let mut central = Vec::new();
    DEFLATER.with_borrow_mut(|deflater| {
        for entry in entries {
            let offset = out.len();
            let mut header = Header {
                method: DEFLATED,
                crc: 0,
                compressed: 0,
                uncompressed: small(entry.contents.len())?,
                name: entry.name.as_bytes(),
            };
            if is_compressed_already(&entry.name) {
                header.method = STORED;
                header.crc = crc32fast::hash(entry.contents);
                header.compressed = header.uncompressed;
                header.local(&mut out)?;
                out.extend_from_slice(entry.contents);
            } else if entry.contents.len() <= SMALL_FILE && entry.shared.is_empty() {
                // A page with shared spans is a customer's own: its spans
                // are what repeats.
                let key = crate::fingerprint::of(entry.contents);
                let kept = match SMALL_FILES.get(key) {
                    Some(kept) => kept,
                    None => {
                        let mut bytes = Vec::new();
                        deflate(deflater, entry.contents, &[], &mut bytes)?;
                        let made = Arc::new((crc32fast::hash(entry.contents), bytes));
                        SMALL_FILES.offer(key, &made);
                        made
                    }
                };
                header.crc = kept.0;
                header.compressed = small(kept.1.len())?;
                header.local(&mut out)?;
                out.extend_from_slice(&kept.1);
            } else {
                // Written in place after a header whose CRC and size are
                // filled in once the data is there.
                header.crc = crc32fast::hash(entry.contents);
                header.local(&mut out)?;
                let start = out.len();
                deflate(deflater, entry.contents, entry.shared, &mut out)?;
                header.compressed = small(out.len() - start)?;
                header.patch_compressed_size(&mut out[offset..]);
            }
            header.central(&mut central, small(offset)?)?;
        }
        anyhow::Ok(())
    })?;
    let central_offset = small(out.len())?;
    let central_size = small(central.len())?;
    out.extend_from_slice(&central);
    // End of central directory: one disk, no comment.
    let count = entries.len() as u16;
    put32(&mut out, 0x0605_4b50);
    put16(&mut out, 0);
    put16(&mut out, 0);
    put16(&mut out, count);
    put16(&mut out, count);
    put32(&mut out, central_size);
    put32(&mut out, central_offset);
    put16(&mut out, 0);
    small(out.len())?;
    Ok(out)
}

/// Formats whose bytes are compressed already: deflating them again costs
/// time and saves nothing.
fn is_compressed_already(name: &str) -> bool {
    let name = name.as_bytes();
    [".xlsx", ".pdf", ".png", ".jpg", ".jpeg", ".zip"]
        .iter()
        .any(|ext| {
            name.len() >= ext.len()
                && name[name.len() - ext.len()..].eq_ignore_ascii_case(ext.as_bytes())
        })
}

/// Appends `text` to `out` as one raw deflate stream: its inline
/// stylesheet (if any) and its `shared` spans each compressed as a segment
/// of its own and taken from the caches, the text between them compressed
/// afresh.
fn deflate(
    deflater: &mut Deflater,
    text: &[u8],
    shared: &[std::ops::Range<usize>],
    out: &mut Vec<u8>,
) -> anyhow::Result<()> {
    let mut at = 0;
    if let Some((start, end)) = stylesheet(text) {
        kept_segment(deflater, &text[..start], FlushCompress::Sync, out)?;
        let style = &text[start..end];
        let key = crate::fingerprint::of(style);
        let mut failed = None;
        let compressed = SEGMENTS.get_or(key, || {
            let mut bytes = Vec::with_capacity(style.len() / 3 + 64);
            if let Err(e) = segment(deflater, style, FlushCompress::Sync, &mut bytes) {
                failed = Some(e);
            }
            Arc::new(bytes)
        });
        if let Some(e) = failed {
            return Err(e);
        }
        out.extend_from_slice(&compressed);
        at = end;
    }
    for span in shared {
        if span.start < at || span.end > text.len() || span.len() < SHARED_MIN {
            continue;
        }
        if span.start > at {
            kept_segment(deflater, &text[at..span.start], FlushCompress::Sync, out)?;
        }
        kept_segment(deflater, &text[span.clone()], FlushCompress::Sync, out)?;
        at = span.end;
    }
    kept_segment(deflater, &text[at..], FlushCompress::Finish, out)
}

/// The key of a segment in [`KEPT_SEGMENTS`]: its text, and whether it
/// ends the stream.
fn segment_key(input: &[u8], flush: FlushCompress) -> u128 {
    crate::fingerprint::of(&(matches!(flush, FlushCompress::Finish), input))
}

/// [`segment`], from [`KEPT_SEGMENTS`] when its text was compressed before;
/// a short one by [`quick`], which has no large state to clear.
fn kept_segment(
    deflater: &mut Deflater,
    input: &[u8],
    flush: FlushCompress,
    out: &mut Vec<u8>,
) -> anyhow::Result<()> {
    let key = segment_key(input, flush);
    if let Some(compressed) = KEPT_SEGMENTS.get(key) {
        out.extend_from_slice(&compressed);
        return Ok(());
    }
    let start = out.len();
    if input.len() <= quick::MAX_INPUT {
        quick::compress(input, matches!(flush, FlushCompress::Finish), out);
    } else {
        segment(deflater, input, flush, out)?;
    }
    KEPT_SEGMENTS.offer_with(key, || Arc::new(out[start..].to_vec()));
    Ok(())
}

/// Where the first `<style>...</style>` of a page is, from `<style` to
/// just after `</style>`.
fn stylesheet(text: &[u8]) -> Option<(usize, usize)> {
    const OPEN: &[u8] = b"<style";
    const CLOSE: &[u8] = b"</style>";
    let start = find(text, OPEN)?;
    let end = start + find(&text[start..], CLOSE)? + CLOSE.len();
    Some((start, end))
}

/// Compresses `input` with a fresh state, appending to `out`: ending in a
/// sync flush (the stream goes on, on a byte boundary) or in the final
/// block.
///
/// The compressor writes into the deflater's scratch buffer, initialised
/// once, and the bytes are copied on: given a vector's spare capacity
/// instead, it zeroes all of it on every call, and a zip's buffer has
/// hundreds of kilobytes to spare.
fn segment(
    deflater: &mut Deflater,
    input: &[u8],
    flush: FlushCompress,
    out: &mut Vec<u8>,
) -> anyhow::Result<()> {
    let Deflater {
        compressor,
        scratch,
    } = deflater;
    compressor.reset();
    let mut read = 0;
    loop {
        let before_in = compressor.total_in();
        let before_out = compressor.total_out();
        let status = compressor
            .compress(&input[read..], scratch, flush)
            .map_err(|e| anyhow::anyhow!("cannot compress: {e}"))?;
        let took = (compressor.total_in() - before_in) as usize;
        let wrote = (compressor.total_out() - before_out) as usize;
        read += took;
        out.extend_from_slice(&scratch[..wrote]);
        let done = match flush {
            FlushCompress::Finish => status == Status::StreamEnd,
            // Flushed when all input is taken and the flush left room to
            // spare: a full buffer may hold more to come.
            _ => read == input.len() && wrote < scratch.len(),
        };
        if done {
            return Ok(());
        }
        if took == 0 && wrote == 0 {
            anyhow::bail!("cannot compress: the compressor made no progress");
        }
    }
}

/// What the local and the central header of an entry say.
struct Header<'a> {
    method: u16,
    crc: u32,
    compressed: u32,
    uncompressed: u32,
    name: &'a [u8],
}

impl Header<'_> {
    fn local(&self, out: &mut Vec<u8>) -> anyhow::Result<()> {
        put32(out, 0x0403_4b50);
        put16(out, VERSION_NEEDED);
        self.common(out)?;
        put16(out, 0); // extra field length
        out.extend_from_slice(self.name);
        Ok(())
    }

    fn central(&self, out: &mut Vec<u8>, offset: u32) -> anyhow::Result<()> {
        put32(out, 0x0201_4b50);
        put16(out, VERSION_MADE_BY);
        put16(out, VERSION_NEEDED);
        self.common(out)?;
        put16(out, 0); // extra field length
        put16(out, 0); // comment length
        put16(out, 0); // disk number
        put16(out, 0); // internal attributes
        put32(out, EXTERNAL_ATTRIBUTES);
        put32(out, offset);
        out.extend_from_slice(self.name);
        Ok(())
    }

    /// Writes the compressed size into the local header at the start of
    /// `local`, written by [`Header::local`] before the size was known.
    fn patch_compressed_size(&self, local: &mut [u8]) {
        // Signature, version, flags, method, time, date, CRC: 18 bytes.
        local[18..22].copy_from_slice(&self.compressed.to_le_bytes());
    }

    /// The fields from the flags to the name's length, the same in both.
    fn common(&self, out: &mut Vec<u8>) -> anyhow::Result<()> {
        let name_len = u16::try_from(self.name.len()).map_err(|_| {
            anyhow::anyhow!(
                "a file name of {} bytes is too long for a zip",
                self.name.len()
            )
        })?;
        put16(out, FLAGS);
        put16(out, self.method);
        put16(out, DOS_TIME);
        put16(out, DOS_DATE);
        put32(out, self.crc);
        put32(out, self.compressed);
        put32(out, self.uncompressed);
        put16(out, name_len);
        Ok(())
    }
}

fn small(n: usize) -> anyhow::Result<u32> {
    u32::try_from(n).map_err(|_| {
        anyhow::anyhow!("a zip of 4 GiB or more needs ZIP64, which bundles do not use")
    })
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn compressed_formats_are_told_by_their_extension_in_any_case() {
        for name in ["a/b.xlsx", "x.PDF", "logo.Png", "p.jpg", "p.JPEG", "c.zip"] {
            assert!(is_compressed_already(name), "{name}");
        }
        for name in ["a.html", "pdf", "xlsx.md", "a.zip.txt", ""] {
            assert!(!is_compressed_already(name), "{name}");
        }
    }

    fn read_back(zip: &[u8]) -> Vec<(String, Vec<u8>, Option<u32>)> {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("a zip");
        (0..archive.len())
            .map(|i| {
                let mut f = archive.by_index(i).expect("entry");
                let mut bytes = Vec::new();
                f.read_to_end(&mut bytes)
                    .expect("entry reads and its CRC matches");
                (
                    f.name().expect("a UTF-8 name").to_string(),
                    bytes,
                    f.unix_mode(),
                )
            })
            .collect()
    }

    fn page(style: &str, body: &str) -> String {
        format!(
            "<!doctype html><html><head><title>t</title><style>{style}</style></head><body>{body}</body></html>\n"
        )
    }

    #[test]
    fn every_entry_reads_back_with_its_bytes_name_and_mode() {
        let css = "body { color: #222; } ".repeat(400);
        let a = page(&css, &"Rekisterinpitäjä ".repeat(2000));
        let b = page(&css, "lyhyt");
        let no_style = "# Otsikko\n\nteksti ".repeat(50);
        let workbook = vec![0x50, 0x4b, 3, 4, 1, 2, 3];
        let entries = [
            Entry {
                name: "c/fi/a.html".into(),
                contents: a.as_bytes(),
                shared: &[],
            },
            Entry {
                name: "c/fi/b.html".into(),
                contents: b.as_bytes(),
                shared: &[],
            },
            Entry {
                name: "c/fi/a.md".into(),
                contents: no_style.as_bytes(),
                shared: &[],
            },
            Entry {
                name: "c/empty.txt".into(),
                contents: b"",
                shared: &[],
            },
            Entry {
                name: "c/records/r.fi.xlsx".into(),
                contents: &workbook,
                shared: &[],
            },
            Entry {
                name: "c/ääkköset.html".into(),
                contents: b"<style></style>",
                shared: &[],
            },
        ];
        let zip = write(&entries).expect("zip");
        let back = read_back(&zip);
        assert_eq!(back.len(), entries.len());
        for (e, (name, bytes, mode)) in entries.iter().zip(&back) {
            assert_eq!(&e.name, name);
            assert_eq!(e.contents, bytes.as_slice(), "{name}");
            assert_eq!(*mode, Some(0o100644), "{name}");
        }
    }

    /// The stylesheet's segment comes from the cache for the second page:
    /// the zip must not depend on which page filled it.
    #[test]
    fn the_same_files_give_the_same_bytes_in_any_order_of_caching() {
        let css = format!("/* {} */ main {{ max-width: 40em; }}", "tyyli ".repeat(300));
        let x = page(&css, "yksi");
        let y = page(&css, "kaksi");
        let one = write(&[Entry {
            name: "x.html".into(),
            contents: x.as_bytes(),
            shared: &[],
        }])
        .expect("zip");
        let _warm = write(&[Entry {
            name: "y.html".into(),
            contents: y.as_bytes(),
            shared: &[],
        }])
        .expect("zip");
        let again = write(&[Entry {
            name: "x.html".into(),
            contents: x.as_bytes(),
            shared: &[],
        }])
        .expect("zip");
        assert_eq!(one, again);
    }

    /// Item 3 of the fleet issue: a small file that archives hold alike is
    /// compressed once, from its second sight, and an archive's bytes do
    /// not depend on whether its files came from the cache.
    #[test]
    fn a_small_file_many_archives_hold_is_compressed_once_to_the_same_bytes() {
        let theme = format!("<a:theme name=\"{}\"/>", "archive-test-theme ".repeat(40));
        let zip = |name: &str| {
            write(&[Entry {
                name: name.into(),
                contents: theme.as_bytes(),
                shared: &[],
            }])
            .expect("zip")
        };
        let first = zip("one/xl/theme/theme1.xml");
        assert!(
            SMALL_FILES
                .get(crate::fingerprint::of(theme.as_bytes()))
                .is_none()
        );
        let second = zip("one/xl/theme/theme1.xml");
        assert!(
            SMALL_FILES
                .get(crate::fingerprint::of(theme.as_bytes()))
                .is_some()
        );
        let third = zip("one/xl/theme/theme1.xml");
        assert_eq!(first, second);
        assert_eq!(first, third);
        assert_eq!(read_back(&third)[0].1, theme.as_bytes());
    }

    #[test]
    fn pages_compress_well_and_workbooks_are_stored() {
        let css = "p { margin: 0 } ".repeat(600);
        let text = page(&css, &"Oikeus saada pääsy tietoihin. ".repeat(500));
        let zip = write(&[Entry {
            name: "p.html".into(),
            contents: text.as_bytes(),
            shared: &[],
        }])
        .expect("zip");
        assert!(
            zip.len() * 10 < text.len(),
            "{} of {}",
            zip.len(),
            text.len()
        );
        let random: Vec<u8> = (0..5000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        let zip = write(&[Entry {
            name: "w.xlsx".into(),
            contents: &random,
            shared: &[],
        }])
        .expect("zip");
        // Stored: the bytes appear as they are, right after the header.
        assert!(zip.windows(random.len()).any(|w| w == random.as_slice()));
    }

    #[test]
    fn a_page_whose_style_is_not_closed_is_compressed_whole() {
        assert_eq!(stylesheet(b"<style> a { }"), None);
        assert_eq!(stylesheet(b"x<style>a</style>y"), Some((1, 17)));
        let text = b"<p><style> never closed";
        let zip = write(&[Entry {
            name: "odd.html".into(),
            contents: text,
            shared: &[],
        }])
        .expect("zip");
        assert_eq!(read_back(&zip)[0].1, text);
    }

    /// Item 3 of the fleet issue: the sections a page shares with other
    /// customers' pages are compressed once, and a zip's bytes do not
    /// depend on whether they came from the cache.
    #[test]
    fn a_shared_span_is_compressed_once_to_the_same_bytes() {
        let css = "main { margin: 0 auto; } ".repeat(100);
        let sections = format!(
            "<section>{}</section>",
            "Rekisteröidyn oikeudet. ".repeat(80)
        );
        let page_of = |customer: &str| {
            let text = page(
                &css,
                &format!("<h1>{customer}</h1>{sections}<footer>{customer}</footer>"),
            );
            let start = text.find("<section>").expect("section");
            let span = start..start + sections.len();
            (text.clone(), std::iter::once(span).collect::<Vec<_>>())
        };
        let zip = |customer: &str| {
            let (text, shared) = page_of(customer);
            let zip = write(&[Entry {
                name: format!("{customer}/fi/a.html"),
                contents: text.as_bytes(),
                shared: &shared,
            }])
            .expect("zip");
            assert_eq!(read_back(&zip)[0].1, text.as_bytes());
            zip
        };
        let key = segment_key(sections.as_bytes(), FlushCompress::Sync);
        let first = zip("Lumilahti");
        assert!(KEPT_SEGMENTS.get(key).is_none());
        let _second = zip("Kivijärvi");
        assert!(KEPT_SEGMENTS.get(key).is_some());
        assert_eq!(zip("Lumilahti"), first);
    }

    /// Spans come from a page's renderer; a span that is out of the text,
    /// overlaps the stylesheet or another span, or is too short to pay for
    /// a segment of its own is compressed with the text around it.
    #[test]
    fn spans_that_do_not_fit_the_text_are_passed_over() {
        let css = "p { margin: 0 } ".repeat(100);
        let text = page(&css, &"Oikeus vastustaa käsittelyä. ".repeat(100));
        let long = text.len() - 1200..text.len() - 10;
        let spans = [
            0..text.len(),
            long.clone(),
            long.start + 10..long.end,
            text.len() - 5..text.len() + 2000,
            text.len() - 5..text.len() - 1,
        ];
        let zip = write(&[Entry {
            name: "odd.html".into(),
            contents: text.as_bytes(),
            shared: &spans,
        }])
        .expect("zip");
        assert_eq!(read_back(&zip)[0].1, text.as_bytes());
    }

    /// The text between a page's spans is kept like the spans: a footer
    /// that two pages end with alike is compressed once, and the zip's
    /// bytes are the same whether it came from the cache or not.
    #[test]
    fn the_text_between_spans_is_compressed_once_when_pages_repeat_it() {
        let footer = "</main><footer>Koulusofta Oy · versio 3 · päivitetty 1.8.2026</footer>";
        let section = "<section>Oikeus vastustaa käsittelyä.</section>".repeat(20);
        let text = page("p { margin: 0 }", &format!("<main>{section}{footer}"));
        let start = text.find(&section).expect("section");
        let shared: Vec<_> = std::iter::once(start..start + section.len()).collect();
        let tail = &text[start + section.len()..];
        let key = segment_key(tail.as_bytes(), FlushCompress::Finish);
        let zip = || {
            write(&[Entry {
                name: "a.html".into(),
                contents: text.as_bytes(),
                shared: &shared,
            }])
            .expect("zip")
        };
        let first = zip();
        assert!(KEPT_SEGMENTS.get(key).is_none());
        assert_eq!(zip(), first);
        assert!(KEPT_SEGMENTS.get(key).is_some());
        assert_eq!(zip(), first);
        assert_eq!(read_back(&first)[0].1, text.as_bytes());
    }
}
