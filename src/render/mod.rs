//! Rendering: checked notices to HTML, print HTML and Markdown, in each of
//! their languages. Renderers return bytes and never touch the file system;
//! `output` writes them.
//!
//! Templates are parsed once and locale bundles built once per run
//! ([`Renderer::new`]); notices are then rendered in parallel.

pub mod context;
pub mod fragment;
pub mod frame;
pub mod locale;
pub mod markdown;
pub mod memo;
pub mod resolve;
pub mod templates;
pub mod view;

/// The default templates and the locales, compiled in by `build.rs`.
mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
}

use std::path::Path;
use std::sync::Arc;

use anyhow::Context;
use minijinja::Environment;
use rayon::prelude::*;

pub use resolve::Format;

use crate::model::{Lang, Notice};
use locale::Locales;
use resolve::Resolver;
use view::{FormatLink, IndexEntry, IndexView, LanguageChoice, LanguagesView};

/// One rendered file, relative to the output folder.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RenderedFile {
    /// Relative path with `/` separators, e.g. `fi/opinsys-koejakaja.html`.
    pub path: String,
    pub contents: Vec<u8>,
    /// Spans of `contents` that the pages of the service's other customers
    /// most likely repeat word for word: the sections `memo()` rendered
    /// from the service's texts alone. A bundle's zip compresses each such
    /// span once for the whole fleet ([`crate::archive::Entry::shared`]).
    pub shared: Vec<std::ops::Range<usize>>,
}

impl RenderedFile {
    pub fn new(path: impl Into<String>, contents: Vec<u8>) -> RenderedFile {
        RenderedFile {
            path: path.into(),
            contents,
            shared: Vec::new(),
        }
    }
}

/// A notice's page and its spans that other customers' pages repeat.
struct NoticePage {
    text: String,
    shared: Vec<std::ops::Range<usize>>,
}

pub struct Renderer {
    locales: Arc<Locales>,
    env: Environment<'static>,
    /// The templates in effect that are the built-in ones: the pages
    /// written in code stand for those ([`frame`]).
    built_in: frame::BuiltIn,
    /// How many pages a frame wrote, and how many it left to the template.
    frame_pages: [std::sync::atomic::AtomicU64; 2],
    memo: Arc<memo::Memo>,
    fields: context::SharedFields,
    /// The shared parts of bound notices' views, by [`resolve::shared_key`],
    /// language and whether the format takes Markdown.
    shared_views: crate::fingerprint::SeenTwice<Arc<SharedPart>>,
}

/// The part of a view that does not name the notice's own parties
/// ([`Resolver::shared`]), which a notice's HTML and print pages share, and
/// bound notices with the other customers of their service; with its
/// fields converted for templates.
struct SharedPart {
    view: view::NoticeView,
    fields: context::KnownFields,
}

/// The [`resolve::shared_key`] of a notice bound to a customer, by which
/// the part of its views that its service's customers share is kept
/// ([`Renderer::shared_part`]); `None` for a site's notices, which are
/// each their own.
pub fn shared_key(n: &Notice) -> Option<u128> {
    n.customer_span.is_some().then(|| resolve::shared_key(n))
}

/// The [`shared_key`] of each of `notices`, in order.
pub fn shared_keys(notices: &[Notice]) -> Vec<Option<u128>> {
    notices.iter().map(shared_key).collect()
}

/// Where a notice's page in `format` goes. The PDF stage prints the HTML
/// made for it, whose links point at the other PDFs, and then drops it.
fn notice_path(n: &Notice, lang: &Lang, format: Format) -> String {
    let extension = match format {
        Format::Pdf => PDF_SOURCE_EXTENSION,
        _ => format.extension(),
    };
    format!("{lang}/{}.{extension}", n.id_str())
}

/// What to render.
#[derive(Debug, Clone)]
pub struct Selection {
    /// Languages to render; empty means each notice's own languages.
    pub languages: Vec<Lang>,
    pub formats: Vec<Format>,
}

/// The extension of the print HTML rendered for a PDF: like the print
/// HTML, but with links to the other PDFs. The PDF stage prints it and
/// drops it; it is never published.
pub const PDF_SOURCE_EXTENSION: &str = "pdf.html";

/// The stylesheet of the HTML fragments (`--format fragment`), at the root
/// of the output: the screen style, every rule scoped to the fragment's
/// wrapper (see [`fragment::scope_css`]).
pub const FRAGMENT_STYLESHEET: &str = "seloste-fragment.css";

impl Renderer {
    pub fn new(template_overrides: Option<&Path>) -> anyhow::Result<Renderer> {
        let locales = Arc::new(Locales::embedded()?);
        let memo = Arc::new(memo::Memo::default());
        let env = templates::environment(template_overrides, locales.clone(), memo.clone())?;
        Ok(Renderer {
            locales,
            built_in: frame::BuiltIn::of(&env),
            frame_pages: Default::default(),
            env,
            memo,
            fields: context::SharedFields::default(),
            shared_views: crate::fingerprint::SeenTwice::default(),
        })
    }

    /// How much `memo()` in the templates saved so far (for `--verbose` and
    /// the benchmarks).
    pub fn memo_stats(&self) -> memo::MemoStats {
        self.memo.stats()
    }

    /// This renderer with every page rendered by its template: what the
    /// tests compare the frames with.
    #[cfg(test)]
    pub(crate) fn without_frames(mut self) -> Renderer {
        self.built_in = frame::BuiltIn::default();
        self
    }

    /// How many notice pages were written by their frame in code
    /// ([`frame`]), and how many were left to their template although a
    /// frame was there (for the benchmarks and the tests).
    pub fn frame_stats(&self) -> (u64, u64) {
        let [written, left] = &self.frame_pages;
        let load = |n: &std::sync::atomic::AtomicU64| n.load(std::sync::atomic::Ordering::Relaxed);
        (load(written), load(left))
    }

    /// Whether each of the templates `names` is the built-in one, which a
    /// page written in code may stand for (the record pages,
    /// `records::page`).
    pub fn built_in(&self, names: &[&str]) -> bool {
        self.built_in.all(names)
    }

    /// The template `name` rendered with `context`, without the line break
    /// a page ends with: what `{% include name %}` writes.
    pub fn included<T: serde::Serialize>(&self, name: &str, context: &T) -> anyhow::Result<String> {
        let ctx = minijinja::Value::from(minijinja::value::Serde(context));
        self.built_in
            .include(&self.env, name, &ctx)
            .map(std::borrow::Cow::into_owned)
            .map_err(|e| anyhow::anyhow!("template {name}: {e:#}"))
    }

    /// The locales of this run, for stages that word their own documents
    /// (the records of processing activities).
    pub fn locales(&self) -> &Locales {
        &self.locales
    }

    /// Renders the template `name` (built-in or the project's) with
    /// `context`, escaped for the template's format like every page.
    pub fn page<T: serde::Serialize>(&self, name: &str, context: &T) -> anyhow::Result<String> {
        let mut out = self.render_template(
            name,
            minijinja::Value::from(minijinja::value::Serde(context)),
        )?;
        if !out.ends_with('\n') {
            out.push('\n');
        }
        Ok(out)
    }

    fn render_template(&self, name: &str, ctx: minijinja::Value) -> anyhow::Result<String> {
        let page = memo::PageGuard::enter(ctx.clone());
        Ok(self.render_page(name, ctx, &page)?.text)
    }

    /// Renders a notice's page from its context, whose fields `memo()`
    /// compares by their fingerprints, with the spans of it that the
    /// service's other customers share: the runs of its own `memo()` calls
    /// whose output depends on none of the fields that name the customer
    /// ([`view::CUSTOMER_FIELDS`]). Which calls those are follows from the
    /// templates alone, so the spans of a page are the same in every run.
    fn render_context(&self, name: &str, ctx: context::PageContext) -> anyhow::Result<NoticePage> {
        let page = memo::PageGuard::with_fields(ctx.root.clone(), ctx.fingerprints);
        let frame::Framed { text, written } = self.render_page(name, ctx.root, &page)?;
        let calls = page.take_calls();
        let shared = memo::spans(&text, &calls, &written, |call| {
            call.depends().is_some_and(|deps| {
                !deps
                    .iter()
                    .any(|d| view::CUSTOMER_FIELDS.contains(&d.as_str()))
            })
        });
        Ok(NoticePage { text, shared })
    }

    /// Renders `name` with `ctx` while `page` tells `memo()` what page it
    /// is: by its frame in code where it has one, which also says where
    /// the sections went.
    fn render_page(
        &self,
        name: &str,
        ctx: minijinja::Value,
        page: &memo::PageGuard,
    ) -> anyhow::Result<frame::Framed> {
        if let Some(frame) = self.built_in.frame(name) {
            match frame::render(
                frame,
                &self.env,
                &self.built_in,
                &self.memo,
                &self.locales,
                &ctx,
            ) {
                Ok(Some(framed)) => {
                    self.frame_pages[0].fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    #[cfg(debug_assertions)]
                    self.assert_frame_as_template(name, &ctx, page, &framed);
                    return Ok(framed);
                }
                // The template renders the page, or says what is wrong
                // with it in its own words.
                Ok(None) | Err(_) => {
                    self.frame_pages[1].fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    self.memo.restart(page);
                }
            }
        }
        let text = memo::render(&self.memo, &self.env, name, &ctx, page)
            .map_err(|e| anyhow::anyhow!("template {name}: {e:#}"))?;
        Ok(frame::Framed {
            text,
            written: Vec::new(),
        })
    }

    /// Every test that renders a notice checks its frame's page against
    /// the template's, byte for byte, and the sections each noted.
    #[cfg(debug_assertions)]
    fn assert_frame_as_template(
        &self,
        name: &str,
        ctx: &minijinja::Value,
        page: &memo::PageGuard,
        framed: &frame::Framed,
    ) {
        let text = framed.text.as_str();
        let frame_calls = page.take_calls();
        // Where the frame says its sections went is where the search finds
        // them.
        assert_eq!(
            memo::spans(text, &frame_calls, &framed.written, |_| true),
            memo::spans(text, &frame_calls, &[], |_| true),
            "the frame of {name} notes its sections elsewhere than they are"
        );
        let expected = self
            .env
            .get_template(name)
            .and_then(|t| t.render(ctx))
            .unwrap_or_else(|e| panic!("template {name} fails where its frame did not: {e:#}"));
        assert_eq!(
            text, expected,
            "the frame of {name} differs from the template"
        );
        let template_calls = page.replace_calls(frame_calls.clone());
        let outputs = |calls: &[memo::Call]| -> Vec<String> {
            calls.iter().map(|c| c.output.to_string()).collect()
        };
        assert_eq!(
            outputs(&frame_calls),
            outputs(&template_calls),
            "the frame of {name} calls memo() otherwise than the template"
        );
    }

    /// The languages `n` is rendered in under `sel`.
    pub fn languages_of(n: &Notice, sel: &Selection, defaults: &[Lang]) -> Vec<Lang> {
        let own = n.language_list();
        // Each list holds a language once: the loader reports and drops a
        // second entry (Q010), in notices, customers and seloste.toml.
        let own = if own.is_empty() {
            defaults.to_vec()
        } else {
            own
        };
        if sel.languages.is_empty() {
            own
        } else {
            own.into_iter()
                .filter(|l| sel.languages.contains(l))
                .collect()
        }
    }

    fn render_view(
        &self,
        n: &Notice,
        lang: &Lang,
        view: &view::NoticeView,
    ) -> anyhow::Result<NoticePage> {
        self.render_notice_page(n, lang, &view.format, self.fields.context(view)?)
    }

    /// A notice's page in the format named `format`, from its context.
    fn render_notice_page(
        &self,
        n: &Notice,
        lang: &Lang,
        format: &str,
        ctx: context::PageContext,
    ) -> anyhow::Result<NoticePage> {
        let template = Format::parse(format).map_or("notice.html", Format::template);
        let mut out = self
            .render_context(template, ctx)
            .with_context(|| format!("notice {} ({lang}, {format})", n.id_str()))?;
        if !out.text.ends_with('\n') {
            out.text.push('\n');
        }
        Ok(out)
    }

    /// One notice in one language and format. `languages` and `formats` are
    /// those built, for the links to the other versions.
    pub fn notice(
        &self,
        n: &Notice,
        lang: &Lang,
        format: Format,
        languages: &[Lang],
        formats: &[Format],
    ) -> anyhow::Result<String> {
        let resolver = Resolver {
            locales: &self.locales,
            lang,
            format,
        };
        let view = resolver
            .notice(n, languages, formats)
            .with_context(|| format!("notice {} ({lang})", n.id_str()))?;
        Ok(self.render_view(n, lang, &view)?.text)
    }

    /// The part of `n`'s view that every notice with its
    /// [`resolve::shared_key`] `shared_key` shares ([`Resolver::shared`]),
    /// with its fields as pages take them: made for the first of them and
    /// kept from the second on.
    fn shared_part(
        &self,
        resolver: &Resolver,
        n: &Notice,
        shared_key: u128,
    ) -> anyhow::Result<Arc<SharedPart>> {
        let key =
            crate::fingerprint::of(&(shared_key, resolver.lang, resolver.format == Format::Md));
        if let Some(kept) = self.shared_views.get(key) {
            return Ok(kept);
        }
        let part = self.new_part(resolver, n)?;
        self.shared_views.offer(key, &part);
        Ok(part)
    }

    /// The [`Resolver::shared`] part of `n`'s view, made anew.
    fn new_part(&self, resolver: &Resolver, n: &Notice) -> anyhow::Result<Arc<SharedPart>> {
        let view = resolver.shared(n)?;
        let fields = self.fields.known(&view)?;
        Ok(Arc::new(SharedPart { view, fields }))
    }

    /// The view of `n` in `lang` and `format`; for a notice bound to a
    /// customer, completed from the part its service's customers share
    /// ([`Renderer::shared_part`]).
    /// `shared` is the notice's [`shared_key`], taken once for all its
    /// views.
    pub fn view(
        &self,
        n: &Notice,
        shared: Option<u128>,
        lang: &Lang,
        format: Format,
        languages: &[Lang],
        formats: &[Format],
    ) -> anyhow::Result<view::NoticeView> {
        let resolver = Resolver {
            locales: &self.locales,
            lang,
            format,
        };
        let Some(shared_key) = shared else {
            return resolver.notice(n, languages, formats);
        };
        let part = self.shared_part(&resolver, n, shared_key)?;
        let view = resolver.finish(part.view.clone(), n, languages, formats)?;
        // As for the pages (`notice_files`), tests check the shortcut.
        #[cfg(debug_assertions)]
        assert_eq!(
            serde_json::to_value(&view)?,
            serde_json::to_value(resolver.notice(n, languages, formats)?)?,
            "{}'s view from its shared part differs from its whole resolution",
            n.id_str()
        );
        Ok(view)
    }

    /// A notice in one language, in each of `formats`. Each page is
    /// rendered from the part of the notice's view that does not name its
    /// own parties ([`Resolver::shared`]), converted for templates once
    /// and shared by the HTML and print pages, and from the rest
    /// ([`Resolver::own`]). With `shared`, the notice's [`shared_key`], that
    /// part is also shared with the other customers of its service
    /// ([`Renderer::shared_part`]): in a fleet, resolving and converting
    /// the whole view for every customer was about a sixth of the time
    /// (issue: fleet performance).
    fn notice_files(
        &self,
        n: &Notice,
        shared: Option<u128>,
        lang: &Lang,
        languages: &[Lang],
        formats: &[Format],
    ) -> anyhow::Result<Vec<RenderedFile>> {
        let mut files = Vec::new();
        let mut html: Option<(Arc<SharedPart>, view::OwnView)> = None;
        for &format in formats {
            let resolver = Resolver {
                locales: &self.locales,
                lang,
                format,
            };
            let (part, own) = match (format, &html) {
                (Format::Html | Format::Print | Format::Pdf | Format::Fragment, Some((p, o))) => {
                    let mut own = o.clone();
                    resolver.link_own(&mut own, n, languages, formats)?;
                    (p.clone(), own)
                }
                _ => {
                    let part = match shared {
                        Some(key) => self.shared_part(&resolver, n, key),
                        None => self.new_part(&resolver, n),
                    }
                    .with_context(|| format!("notice {} ({lang})", n.id_str()))?;
                    let own = resolver
                        .own(&part.view, n, languages, formats)
                        .with_context(|| format!("notice {} ({lang})", n.id_str()))?;
                    if format != Format::Md {
                        html = Some((part.clone(), own.clone()));
                    }
                    (part, own)
                }
            };
            let ctx = self.fields.context_parts(&part.fields, &own)?;
            let page = self.render_notice_page(n, lang, &own.format, ctx)?;
            files.push(RenderedFile {
                path: notice_path(n, lang, format),
                contents: page.text.into_bytes(),
                shared: page.shared,
            });
        }
        // Every test that renders a notice checks these pages against
        // those of its whole view, byte for byte.
        #[cfg(debug_assertions)]
        assert_eq!(
            files,
            self.whole_notice_files(n, lang, languages, formats)?,
            "{}'s pages from the parts of its view differ from those of its whole view",
            n.id_str()
        );
        Ok(files)
    }

    /// The pages of [`Renderer::notice_files`] from the notice's whole view,
    /// resolved anew: what debug builds compare them with.
    #[cfg(debug_assertions)]
    fn whole_notice_files(
        &self,
        n: &Notice,
        lang: &Lang,
        languages: &[Lang],
        formats: &[Format],
    ) -> anyhow::Result<Vec<RenderedFile>> {
        let mut files = Vec::new();
        let mut html_view: Option<view::NoticeView> = None;
        for &format in formats {
            let resolver = Resolver {
                locales: &self.locales,
                lang,
                format,
            };
            let view = match (format, &mut html_view) {
                (Format::Html | Format::Print | Format::Pdf | Format::Fragment, Some(v)) => {
                    resolver.link(v, n, languages, formats)?;
                    v.clone()
                }
                _ => {
                    let v = resolver.notice(n, languages, formats)?;
                    if format != Format::Md {
                        html_view = Some(v.clone());
                    }
                    v
                }
            };
            let page = self.render_view(n, lang, &view)?;
            files.push(RenderedFile {
                path: notice_path(n, lang, format),
                contents: page.text.into_bytes(),
                shared: page.shared,
            });
        }
        Ok(files)
    }

    /// Every file of a site: each notice in each language and format, and
    /// an index page per language. Sorted by path, so output is stable.
    pub fn site(
        &self,
        notices: &[Notice],
        sel: &Selection,
        defaults: &[Lang],
    ) -> anyhow::Result<Vec<RenderedFile>> {
        self.site_keyed(notices, &shared_keys(notices), sel, defaults)
    }

    /// [`Renderer::site`] with the notices' [`shared_key`]s taken already,
    /// in the same order: a bundle needs them for its processor record too.
    pub fn site_keyed(
        &self,
        notices: &[Notice],
        keys: &[Option<u128>],
        sel: &Selection,
        defaults: &[Lang],
    ) -> anyhow::Result<Vec<RenderedFile>> {
        let rendered = std::sync::Mutex::new(Vec::new());
        self.site_each_keyed(notices, keys, sel, defaults, |files| {
            rendered
                .lock()
                .map_err(|_| anyhow::anyhow!("a rendering thread failed"))?
                .extend(files);
            Ok(())
        })?;
        let mut files = rendered
            .into_inner()
            .map_err(|_| anyhow::anyhow!("a rendering thread failed"))?;
        files.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(files)
    }

    /// The files of [`Renderer::site`], handed to `sink` a notice and
    /// language at a time as they are rendered, from several threads, in
    /// no fixed order: `build` writes them at once instead of holding the
    /// whole site. Stops at the first error, of a notice or of `sink`.
    pub fn site_each(
        &self,
        notices: &[Notice],
        sel: &Selection,
        defaults: &[Lang],
        sink: impl Fn(Vec<RenderedFile>) -> anyhow::Result<()> + Sync,
    ) -> anyhow::Result<()> {
        self.site_each_keyed(notices, &shared_keys(notices), sel, defaults, sink)
    }

    fn site_each_keyed(
        &self,
        notices: &[Notice],
        keys: &[Option<u128>],
        sel: &Selection,
        defaults: &[Lang],
        sink: impl Fn(Vec<RenderedFile>) -> anyhow::Result<()> + Sync,
    ) -> anyhow::Result<()> {
        anyhow::ensure!(
            keys.len() == notices.len(),
            "a shared key for each notice of the site"
        );
        // Ids become file names and links. The lint stage refuses invalid
        // ones with a rule that cannot be lowered; this is the last line
        // should a caller skip it.
        for n in notices {
            let id = n.id_str();
            if !crate::model::is_valid_id(id) || crate::model::RESERVED_NOTICE_IDS.contains(&id) {
                anyhow::bail!(
                    "refusing to render a notice with the id `{id}`: it is not a valid id (Q012)"
                );
            }
        }
        let jobs: Vec<(&Notice, Option<u128>, Lang, Vec<Lang>)> = notices
            .iter()
            .zip(keys)
            .flat_map(|(n, &shared)| {
                let langs = Self::languages_of(n, sel, defaults);
                langs
                    .clone()
                    .into_iter()
                    .map(move |l| (n, shared, l, langs.clone()))
            })
            .collect();
        // The index pages beside the notices, not after them: alone at the
        // end they kept one core idle (a twentieth of a 1,000-notice build).
        let (pages, indexes) = rayon::join(
            || {
                jobs.par_iter().try_for_each(|(n, shared, lang, langs)| {
                    sink(self.notice_files(n, *shared, lang, langs, &sel.formats)?)
                })
            },
            || self.indexes(notices, sel, defaults),
        );
        pages?;
        let mut files = indexes?;
        if sel.formats.contains(&Format::Fragment) && !notices.is_empty() {
            files.push(self.fragment_stylesheet()?);
        }
        sink(files)
    }

    fn indexes(
        &self,
        notices: &[Notice],
        sel: &Selection,
        defaults: &[Lang],
    ) -> anyhow::Result<Vec<RenderedFile>> {
        let mut all_langs: Vec<Lang> = notices
            .iter()
            .flat_map(|n| Self::languages_of(n, sel, defaults))
            .collect();
        all_langs.sort_by_key(|l| Lang::SUPPORTED.iter().position(|s| *s == l.as_str()));
        all_langs.dedup();
        let mut files = Vec::new();
        for lang in &all_langs {
            let resolver = Resolver {
                locales: &self.locales,
                lang,
                format: Format::Html,
            };
            let mut entries = Vec::new();
            for n in notices
                .iter()
                .filter(|n| Self::languages_of(n, sel, defaults).contains(lang))
            {
                let links = sel
                    .formats
                    .iter()
                    .filter(|f| **f != Format::Fragment)
                    .map(|f| {
                        Ok(FormatLink {
                            format: f.name().to_string(),
                            label: self
                                .locales
                                .get(lang.as_str(), &format!("label-format-{}", f.name()))?,
                            href: format!("{}.{}", n.id_str(), f.extension()),
                        })
                    })
                    .collect::<anyhow::Result<Vec<_>>>()?;
                entries.push(IndexEntry {
                    id: n.id_str().to_string(),
                    draft: n.is_draft(),
                    title: n
                        .title
                        .as_ref()
                        .and_then(|t| t.get(lang))
                        .unwrap_or_default()
                        .to_string(),
                    controller: n
                        .controller
                        .as_ref()
                        .and_then(|c| c.name.as_ref())
                        .and_then(|t| t.get(lang))
                        .map(str::to_string),
                    updated: n
                        .updated
                        .as_ref()
                        .map(|d| resolver.date(d.value))
                        .transpose()?,
                    updated_iso: n.updated.as_ref().map(|d| d.value.to_string()),
                    links,
                });
            }
            let view = IndexView {
                lang: lang.to_string(),
                title: self.locales.get(lang.as_str(), "index-title")?,
                notices: entries,
                alternates: resolver.alternates(&all_langs, "index.html")?,
            };
            let html = self.render_template(
                "index.html",
                minijinja::Value::from(minijinja::value::Serde(&view)),
            )?;
            files.push(RenderedFile {
                path: format!("{lang}/index.html"),
                contents: html.into_bytes(),
                shared: Vec::new(),
            });
        }
        if let Some(root) = self.languages_page(&all_langs)? {
            files.push(root);
        }
        Ok(files)
    }

    /// The fragments' stylesheet: the project's screen style (`style.css`),
    /// scoped to the fragment's wrapper so that it styles nothing else of
    /// the page it is pasted into.
    fn fragment_stylesheet(&self) -> anyhow::Result<RenderedFile> {
        let css = self.render_template("style.css", minijinja::context! { lang => "en" })?;
        Ok(RenderedFile {
            path: FRAGMENT_STYLESHEET.to_string(),
            contents: fragment::scope_css(&css, fragment::SCOPE).into_bytes(),
            shared: Vec::new(),
        })
    }

    /// `index.html` at the root: a link to each language's index, each
    /// named in its own language, so that a site's or bundle's address
    /// leads somewhere without choosing a language for the reader.
    fn languages_page(&self, langs: &[Lang]) -> anyhow::Result<Option<RenderedFile>> {
        let Some(first) = langs.first() else {
            return Ok(None);
        };
        let languages = langs
            .iter()
            .map(|l| {
                let get = |key: &str| self.locales.get(l.as_str(), key);
                Ok(LanguageChoice {
                    lang: l.to_string(),
                    name: get(&l.label_key())?,
                    title: get("index-title")?,
                    intro: get("languages-intro")?,
                    href: format!("{l}/index.html"),
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        let view = LanguagesView {
            lang: first.to_string(),
            title: languages
                .iter()
                .map(|l| l.title.as_str())
                .collect::<Vec<_>>()
                .join(" · "),
            // The navigation is named in every language, like the page.
            choose: langs
                .iter()
                .map(|l| self.locales.get(l.as_str(), "languages-choose"))
                .collect::<anyhow::Result<Vec<_>>>()?
                .join(" · "),
            languages,
        };
        let html = self.render_template(
            "languages.html",
            minijinja::Value::from(minijinja::value::Serde(&view)),
        )?;
        Ok(Some(RenderedFile {
            path: "index.html".to_string(),
            contents: html.into_bytes(),
            shared: Vec::new(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A bound notice of one customer: the service's purposes, `name` as
    /// its controller and `dpo` as its DPO's address.
    fn bound(name: &str, dpo: &str, purpose: &str) -> Notice {
        let source = format!(
            "id = \"service\"\ntitle = {{ fi = \"Palvelu\", sv = \"Tjänst\", en = \"Service\" }}\n\
             languages = [\"fi\", \"sv\"]\ncollected_from = \"data-subject\"\n\
             [controller]\nname = \"{name}\"\nemail = \"kirjaamo@{name}.example\"\n\
             [dpo]\nemail = \"{dpo}\"\n\
             [processor]\nname = \"Vendor Oy\"\n\
             [[purposes]]\nid = \"p\"\ndescription = {{ fi = \"{purpose}\", sv = \"{purpose}\" }}\n\
             legal_basis = \"public-task\"\n"
        );
        let loaded = crate::load::load_bytes(crate::source::FileId(0), 0, source.as_bytes());
        let mut notice = loaded.document.expect("a notice");
        notice.customer_span = Some(0..0);
        notice
    }

    fn pages(renderer: &Renderer, notice: &Notice) -> Vec<RenderedFile> {
        let selection = Selection {
            languages: Vec::new(),
            formats: vec![Format::Html, Format::Print, Format::Md],
        };
        renderer
            .site(std::slice::from_ref(notice), &selection, &[])
            .expect("renders")
    }

    /// Guards the shared part of bound notices' views (`Renderer::resolve`):
    /// a customer whose shared part is taken from earlier customers gets
    /// the pages a renderer of its own makes, with its own controller, DPO
    /// and processor statement and nothing of theirs.
    #[test]
    fn a_customer_rendered_after_others_of_its_service_gets_its_own_pages() {
        let renderer = Renderer::new(None).expect("renderer");
        for name in ["alpha", "beta"] {
            pages(
                &renderer,
                &bound(name, &format!("dpo@{name}.example"), "Opetus."),
            );
        }
        let gamma = bound("gamma", "dpo@gamma.example", "Opetus.");
        let shared = pages(&renderer, &gamma);
        let alone = pages(&Renderer::new(None).expect("renderer"), &gamma);
        assert_eq!(shared, alone);
        let page = shared
            .iter()
            .find(|f| f.path == "fi/service.html")
            .expect("the Finnish page");
        let html = String::from_utf8_lossy(&page.contents);
        assert!(
            html.contains("dpo@gamma.example") && html.contains("gamma"),
            "{html}"
        );
        assert!(!html.contains("alpha") && !html.contains("beta"), "{html}");
        // A customer whose service part differs takes none of it.
        let other = bound("delta", "dpo@delta.example", "Toinen tarkoitus.");
        let md = pages(&renderer, &other)
            .into_iter()
            .find(|f| f.path == "fi/service.md")
            .expect("the Finnish Markdown");
        let md = String::from_utf8_lossy(&md.contents);
        assert!(
            md.contains("Toinen tarkoitus") && !md.contains("Opetus."),
            "{md}"
        );
    }

    /// The spans a zip compresses once for the fleet: every notice page
    /// has them, they hold the same text in two customers' pages, none of
    /// either customer's details, and the spans of a page do not depend on
    /// whether its sections were rendered or reused.
    #[test]
    fn shared_spans_hold_what_two_customers_pages_say_alike() {
        let renderer = Renderer::new(None).expect("renderer");
        let alpha = pages(
            &renderer,
            &bound("qorvola", "dpo@qorvola.example", "Opetus."),
        );
        let beta = pages(
            &renderer,
            &bound("vexmund", "dpo@vexmund.example", "Opetus."),
        );
        let again = pages(
            &renderer,
            &bound("qorvola", "dpo@qorvola.example", "Opetus."),
        );
        assert_eq!(alpha, again);
        let alone = pages(
            &Renderer::new(None).expect("renderer"),
            &bound("qorvola", "dpo@qorvola.example", "Opetus."),
        );
        assert_eq!(alpha, alone);
        let text = |f: &RenderedFile| -> Vec<String> {
            f.shared
                .iter()
                .map(|r| String::from_utf8_lossy(&f.contents[r.clone()]).into_owned())
                .collect()
        };
        let mut notice_pages = 0;
        for (a, b) in alpha.iter().zip(&beta) {
            assert_eq!(a.path, b.path);
            if a.path.ends_with("index.html") {
                continue;
            }
            notice_pages += 1;
            let spans = text(a);
            assert!(
                spans.iter().map(String::len).sum::<usize>() > 500,
                "{}: {spans:?}",
                a.path
            );
            assert_eq!(spans, text(b), "{}", a.path);
            for span in &spans {
                assert!(
                    !span.contains("qorvola") && !span.contains("vexmund"),
                    "{span}"
                );
            }
        }
        assert_eq!(notice_pages, 6);
    }

    /// The shared key follows every key but the notice's own parties.
    #[test]
    fn the_shared_key_ignores_the_own_parties_and_nothing_else() {
        let key = |n: &Notice| resolve::shared_key(n);
        let a = bound("alpha", "dpo@alpha.example", "Opetus.");
        assert_eq!(key(&a), key(&bound("beta", "dpo@beta.example", "Opetus.")));
        assert_ne!(
            key(&a),
            key(&bound("alpha", "dpo@alpha.example", "Opetus!"))
        );
        let mut languages = a.clone();
        languages.languages = None;
        assert_eq!(key(&a), key(&languages));
        let mut draft = a.clone();
        draft.draft = Some(crate::model::Located::new(true, 0..0));
        assert_ne!(key(&a), key(&draft));
    }

    /// Regression test for defect 3 of the outside attack: a lowered id
    /// rule let `javascript:alert(document.domain)//` become a link. The
    /// rule can no longer be lowered; the renderer refuses such ids too.
    #[test]
    fn defect_3_the_renderer_refuses_ids_that_are_not_valid() {
        let renderer = Renderer::new(None).expect("renderer");
        let selection = Selection {
            languages: Vec::new(),
            formats: vec![Format::Html],
        };
        let fi = [Lang::parse("fi").expect("fi")];
        for id in ["javascript:alert(document.domain)//", "../x", "index", ""] {
            let notice = Notice {
                id: Some(crate::model::Located::new(id.to_string(), 0..0)),
                ..Notice::default()
            };
            let e = renderer
                .site(&[notice], &selection, &fi)
                .expect_err("refused");
            assert!(
                e.to_string().contains("is not a valid id (Q012)"),
                "{id}: {e}"
            );
        }
    }
}
