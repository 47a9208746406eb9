//! The frames of the built-in notice pages written in Rust: everything of
//! `notice.html`, `notice.print.html` and `notice.md` around their
//! `memo()` calls (the head, the header, the summary's own rows, each
//! section's heading, the footer).
//!
//! In a fleet almost every section of a page is a kept output, and what
//! remained was the template engine walking the frame: looking up each
//! variable by name, calling `t()` through its keyword arguments, looping
//! over the sections. That was a fifth of a fleet's time (issue: fleet
//! performance). Here the same frame is written out once, reading the
//! same context values and writing them with the same escaping
//! ([`super::templates::write_value`]); the sections come from
//! [`Memo::kept`] or, when none is kept, from the template's own macro
//! through `memo()`, exactly as the template would call it.
//!
//! The templates stay the reference. A frame is used only where the
//! page template in effect, and the style sheet it includes, are the
//! built-in ones (a project's own `notice.html` is always rendered by the
//! engine). Anything a frame does not expect (a field missing or of
//! another kind, a section without its macro) makes it give way to the
//! template, which then renders the page or reports the error. Debug
//! builds render every page both ways and compare them byte for byte, so
//! the whole test suite checks each frame against its template.

use minijinja::value::{Value, ValueKind};
use minijinja::{Environment, Error, State};

use super::locale::Locales;
use super::memo::Memo;
use super::templates::{Escape, fluent_argument, write_value};

/// A page template that has a frame here.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// `notice.html`, which includes `style.css`.
    Html,
    /// `notice.print.html`, which includes `print.css`.
    Print,
    /// `notice.md`.
    Markdown,
}

impl Frame {
    const ALL: [Frame; 3] = [Frame::Html, Frame::Print, Frame::Markdown];

    /// The page template the frame stands for.
    pub fn template(self) -> &'static str {
        match self {
            Frame::Html => "notice.html",
            Frame::Print => "notice.print.html",
            Frame::Markdown => "notice.md",
        }
    }

    /// The template the page includes as its style sheet.
    fn style(self) -> Option<&'static str> {
        match self {
            Frame::Html => Some("style.css"),
            Frame::Print => Some("print.css"),
            Frame::Markdown => None,
        }
    }

    /// The module of macros the page imports.
    fn module(self) -> &'static str {
        match self {
            Frame::Html | Frame::Print => "macros.html",
            Frame::Markdown => "macros.md",
        }
    }

    fn escape(self) -> Escape {
        match self {
            Frame::Html | Frame::Print => Escape::Html,
            Frame::Markdown => Escape::Markdown,
        }
    }
}

/// The templates of an environment that are the built-in ones (not a
/// project's own): where a page written in code may stand for its
/// template.
#[derive(Debug, Clone, Default)]
pub struct BuiltIn {
    names: Vec<&'static str>,
    /// What the built-in templates without any template syntax (the
    /// screen style sheet) render as: the same for every page, so written
    /// once.
    fixed: Vec<(&'static str, String)>,
}

impl BuiltIn {
    pub fn of(env: &Environment<'_>) -> BuiltIn {
        let names: Vec<&'static str> = super::templates::defaults()
            .iter()
            .filter(|(name, default)| {
                env.get_template(name)
                    .is_ok_and(|in_effect| in_effect.source() == *default)
            })
            .map(|(name, _)| *name)
            .collect();
        let fixed = super::templates::defaults()
            .iter()
            .filter(|(name, source)| {
                names.contains(name) && !["{{", "{%", "{#"].iter().any(|s| source.contains(s))
            })
            .filter_map(|(name, _)| {
                let text = env.get_template(name).ok()?.render(()).ok()?;
                Some((*name, text))
            })
            .collect();
        BuiltIn { names, fixed }
    }

    /// What the built-in template `name` renders as, if it has no
    /// template syntax (the same whatever the context).
    pub fn fixed(&self, name: &str) -> Option<&str> {
        self.fixed
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, text)| text.as_str())
    }

    /// What `{% include name %}` writes with the context `ctx`: the
    /// output kept for a built-in template without template syntax, or the
    /// template rendered.
    pub fn include<'a>(
        &'a self,
        env: &Environment<'_>,
        name: &str,
        ctx: &Value,
    ) -> Result<std::borrow::Cow<'a, str>, Error> {
        match self.fixed(name) {
            Some(text) => Ok(text.into()),
            None => Ok(env.get_template(name)?.render(ctx)?.into()),
        }
    }

    /// Whether each of `names` is the built-in template.
    pub fn all(&self, names: &[&str]) -> bool {
        names.iter().all(|n| self.names.contains(n))
    }

    /// The frame of the page template `name`, where it and the style
    /// sheet it includes are the built-in ones.
    pub fn frame(&self, name: &str) -> Option<Frame> {
        Frame::ALL.into_iter().find(|f| {
            f.template() == name
                && self.all(&[f.template()])
                && f.style().is_none_or(|s| self.all(&[s]))
        })
    }
}

/// A page written by its frame.
#[derive(Debug)]
pub struct Framed {
    pub text: String,
    /// Where the output of each of the page's `memo()` calls was written
    /// into `text`, in the order of the calls; `None` for one written
    /// otherwise (trimmed with the lines around it). Empty when the calls
    /// could not be told apart. See [`super::memo::spans`].
    pub written: Vec<Option<usize>>,
}

/// Renders a notice page's frame with the context `root`, as its template
/// would (without the template's final line break, which minijinja drops
/// too). `Ok(None)` when the context is not what the frame expects: the
/// template is to render the page instead.
pub fn render<'a>(
    frame: Frame,
    env: &'a Environment<'a>,
    built_in: &BuiltIn,
    memo: &Memo,
    locales: &Locales,
    root: &Value,
) -> Result<Option<Framed>, Error> {
    let page_template = env.get_template(frame.template())?;
    let mut page = Page {
        frame,
        env,
        built_in,
        memo,
        locales,
        root,
        lang: String::new(),
        state: page_template.new_state(),
        module: None,
        written: Some(Vec::with_capacity(32)),
        // Pages are about 30 KB (HTML) and 11 KB (Markdown): room enough
        // not to copy them as they grow.
        out: String::with_capacity(match frame {
            Frame::Html | Frame::Print => 48 * 1024,
            Frame::Markdown => 16 * 1024,
        }),
    };
    let Some(lang) = field(root, "lang") else {
        return Ok(None);
    };
    let Some(lang) = lang.as_str() else {
        return Ok(None);
    };
    page.lang = lang.to_string();
    let written = match frame {
        Frame::Html => page.html(),
        Frame::Print => page.print(),
        Frame::Markdown => page.markdown(),
    };
    Ok(written?.map(|()| Framed {
        text: page.out,
        written: page.written.unwrap_or_default(),
    }))
}

/// `Err` for an error of the engine (a macro failing, a message missing),
/// `Ok(None)` where the frame gives way to the template.
type Step = Result<Option<()>, Error>;

/// A value of the context, `None` if it is undefined (the template's
/// strict mode would fail on it).
fn field(v: &Value, name: &str) -> Option<Value> {
    v.get_attr(name).ok().filter(|v| !v.is_undefined())
}

/// The items of a sequence, `None` for anything else.
fn items(v: &Value) -> Option<Vec<Value>> {
    (v.kind() == ValueKind::Seq).then(|| v.try_iter().ok().map(Iterator::collect))?
}

/// What `{% set doc_title = title or id %}` sets.
fn doc_title(root: &Value) -> Option<Value> {
    let title = field(root, "title")?;
    if title.is_true() {
        Some(title)
    } else {
        field(root, "id")
    }
}

/// What both HTML pages read before they start.
struct Head {
    /// `title or id`.
    doc_title: Value,
    summary: Value,
    controller: Value,
    draft: bool,
    alternates: Vec<Value>,
    version: Value,
    updated: Value,
}

impl Head {
    fn of(root: &Value) -> Option<Head> {
        let summary = field(root, "summary")?;
        Some(Head {
            doc_title: doc_title(root)?,
            controller: field(&summary, "controller")?,
            summary,
            draft: field(root, "draft")?.is_true(),
            alternates: items(&field(root, "alternates")?)?,
            version: field(root, "version")?,
            updated: field(root, "updated")?,
        })
    }
}

/// The sections a Markdown page renders a body for (its `bodies`).
const MARKDOWN_BODIES: [&str; 22] = [
    "controller",
    "representative",
    "contact",
    "dpo",
    "processor",
    "register",
    "purposes",
    "subjects",
    "data",
    "sources",
    "recipients",
    "transfers",
    "retention",
    "security",
    "automated",
    "provision",
    "access",
    "cookies",
    "rights",
    "objection",
    "complaint",
    "related",
];

struct Page<'a, 's> {
    frame: Frame,
    env: &'a Environment<'a>,
    built_in: &'a BuiltIn,
    memo: &'a Memo,
    locales: &'a Locales,
    root: &'a Value,
    lang: String,
    /// The page template's state: the name and escaping `memo()` keys its
    /// outputs by.
    state: State<'s, 'a>,
    /// The imported module, evaluated on the first section not kept.
    module: Option<minijinja::Captured<'a>>,
    /// Where each section's output went ([`Framed::written`]); `None`
    /// once a section noted other than one call.
    written: Option<Vec<Option<usize>>>,
    out: String,
}

/// Gives way to the template where `$e` is `None`.
macro_rules! need {
    ($e:expr) => {
        match $e {
            Some(v) => v,
            None => return Ok(None),
        }
    };
}

impl Page<'_, '_> {
    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    /// `{{ value }}`.
    fn value(&mut self, v: &Value) {
        // Writing to a String cannot fail.
        let _ = write_value(&mut self.out, self.frame.escape(), v);
    }

    /// `{{ t(key) }}`.
    fn t(&mut self, key: &str) -> Result<(), Error> {
        let text = self.message(key, &[])?;
        self.value(&Value::from(text));
        Ok(())
    }

    /// What `t(key, name=value...)` returns.
    fn message(&self, key: &str, args: &[(&str, &Value)]) -> Result<String, Error> {
        let fargs: Vec<_> = args
            .iter()
            .map(|(name, v)| (*name, fluent_argument(v)))
            .collect();
        self.locales
            .message(&self.lang, key, &fargs)
            .map_err(|e| Error::new(minijinja::ErrorKind::InvalidOperation, e.to_string()))
    }

    /// `{{ memo(m.<name>, args...) }}`: the kept output, or the macro's
    /// through `memo()`; `None` if the module has no such macro.
    fn section(&mut self, name: &str, args: &[Value]) -> Result<Option<Value>, Error> {
        let noted = super::memo::calls_noted();
        let out = self.section_output(name, args)?;
        if out.is_some() {
            let one_call = super::memo::calls_noted() == noted + 1;
            match &mut self.written {
                Some(written) if one_call => written.push(None),
                _ => self.written = None,
            }
        }
        Ok(out)
    }

    /// The output of [`Page::section`].
    fn section_output(&mut self, name: &str, args: &[Value]) -> Result<Option<Value>, Error> {
        if let Some(kept) = self.memo.kept(&self.state, name, args) {
            return Ok(Some(kept));
        }
        let module = match &mut self.module {
            Some(m) => m,
            empty => empty.insert(
                self.env
                    .get_template(self.frame.module())?
                    .render_captured(self.root.clone())?,
            ),
        };
        let memo = self.memo;
        module.with_state_mut(|state| {
            // What `m.<name>` finds: the module's exports only.
            if !state.exports().contains(&name) {
                return Ok(None);
            }
            let Some(callee) = state.lookup(name) else {
                return Ok(None);
            };
            memo.call(state, &callee, args).map(Some)
        })
    }

    /// Writes `{{ memo(m.<name>, args...) }}`.
    fn write_section(&mut self, name: &str, args: &[Value]) -> Step {
        let out = need!(self.section(name, args)?);
        // Written as it is (a macro's output is safe markup): noted where.
        if out.is_safe()
            && out.as_str().is_some()
            && let Some(last) = self.written.as_mut().and_then(|w| w.last_mut())
        {
            *last = Some(self.out.len());
        }
        self.value(&out);
        Ok(Some(()))
    }

    /// The included style sheet, rendered by its template (the print
    /// style names the notice in its running header).
    fn style(&mut self) -> Step {
        let name = need!(self.frame.style());
        let css = self.built_in.include(self.env, name, self.root)?;
        self.raw(&css);
        Ok(Some(()))
    }

    /// `<link rel="alternate">` for each of `alternates`.
    fn alternate_links(&mut self, alternates: &[Value]) -> Step {
        for a in alternates {
            self.raw("\n<link rel=\"alternate\" hreflang=\"");
            self.value(&need!(field(a, "lang")));
            self.raw("\" href=\"");
            self.value(&need!(field(a, "href")));
            self.raw("\">");
        }
        Ok(Some(()))
    }

    /// The summary's `<dt>`/`<dd>` rows, as both HTML pages write them.
    fn summary(&mut self, summary: &Value) -> Step {
        self.raw("\n<section class=\"summary\" aria-labelledby=\"summary-heading\">\n<h2 id=\"summary-heading\">");
        self.t("sec-summary")?;
        self.raw("</h2>\n<dl>");
        let controller = need!(field(summary, "controller"));
        if controller.is_true() {
            self.raw("\n<div><dt>");
            self.t("label-summary-controller")?;
            self.raw("</dt><dd>");
            self.value(&controller);
            self.raw("</dd></div>");
        }
        need!(self.write_section("summary_rows", &need!(summary_args(summary)))?);
        let contact = need!(field(summary, "contact"));
        if contact.is_true() {
            self.raw("\n<div><dt>");
            self.t("label-summary-contact")?;
            self.raw("</dt><dd><a href=\"mailto:");
            self.value(&contact);
            self.raw("\">");
            self.value(&contact);
            self.raw("</a></dd></div>");
        }
        self.raw("\n</dl>\n</section>");
        Ok(Some(()))
    }

    /// The table of contents and each section, as both HTML pages write
    /// them.
    fn sections(&mut self) -> Step {
        need!(self.write_section("toc", &[])?);
        for s in need!(items(&need!(field(self.root, "sections")))) {
            let id = need!(field(&s, "id"));
            self.raw("\n<section class=\"sec\" id=\"");
            self.value(&id);
            self.raw("\" aria-labelledby=\"h-");
            self.value(&id);
            self.raw("\">\n<h2 id=\"h-");
            self.value(&id);
            self.raw("\"><span class=\"num\">");
            self.value(&need!(field(&s, "number")));
            self.raw(".</span> ");
            self.value(&need!(field(&s, "heading")));
            self.raw("</h2>");
            let heading_id = Value::from(joined("h-", &id));
            need!(self.write_section(&joined("sec_", &id), &[heading_id])?);
            self.raw("\n</section>");
        }
        Ok(Some(()))
    }

    /// The version and date rows of a page's header (`<dl class="meta">`).
    fn meta(&mut self, version: &Value, updated: &Value) -> Step {
        if !(version.is_true() || updated.is_true()) {
            return Ok(Some(()));
        }
        self.raw("\n<dl class=\"meta\">");
        if version.is_true() {
            self.raw("\n<div><dt>");
            self.t("label-version")?;
            self.raw("</dt><dd>");
            self.value(version);
            self.raw("</dd></div>");
        }
        if updated.is_true() {
            self.raw("\n<div><dt>");
            self.t("label-updated")?;
            self.raw("</dt><dd>");
            let iso = need!(field(self.root, "updated_iso"));
            if iso.is_true() {
                self.raw("<time datetime=\"");
                self.value(&iso);
                self.raw("\">");
                self.value(updated);
                self.raw("</time>");
            } else {
                self.value(updated);
            }
            self.raw("</dd></div>");
        }
        self.raw("\n</dl>");
        Ok(Some(()))
    }

    /// From `<!DOCTYPE html>` to the end of the `<title>` element, as
    /// both HTML pages start.
    fn open_head(&mut self) -> Result<Option<Head>, Error> {
        let Some(head) = Head::of(self.root) else {
            return Ok(None);
        };
        self.raw("<!DOCTYPE html>\n<html lang=\"");
        let lang = Value::from(self.lang.as_str());
        self.value(&lang);
        self.raw("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
        if head.draft {
            self.t("draft-label")?;
            self.raw(": ");
        }
        self.value(&head.doc_title);
        if head.controller.is_true() {
            self.raw(" – ");
            self.value(&head.controller);
        }
        self.raw("</title>");
        Ok(Some(head))
    }

    /// The kind of document, its title and the law it answers, as both
    /// HTML pages head their header.
    fn doc_heading(&mut self, doc_title: &Value) -> Result<(), Error> {
        self.raw("\n<p class=\"doc-type\">");
        self.t("notice-doc-type")?;
        self.raw("</p>\n<h1>");
        self.value(doc_title);
        self.raw("</h1>\n<p class=\"basis\">");
        self.t("notice-gdpr-basis")?;
        self.raw("</p>");
        Ok(())
    }

    /// The draft banner's words, after its `<strong>`.
    fn draft_words(&mut self) -> Result<(), Error> {
        self.t("draft-label")?;
        self.raw(".</strong> ");
        self.t("draft-banner")
    }

    /// The footer's line of version and date, when both are given.
    fn version_line(&mut self, version: &Value, updated: &Value) -> Result<(), Error> {
        self.raw("\n<p>");
        let line = self.message(
            "notice-version-line",
            &[("version", version), ("date", updated)],
        )?;
        self.value(&Value::from(line));
        self.raw("</p>");
        Ok(())
    }

    /// A link to the page in another language, as the header's list and
    /// the footer write it.
    fn language_link(&mut self, a: &Value) -> Step {
        self.raw("<a href=\"");
        self.value(&need!(field(a, "href")));
        self.raw("\" hreflang=\"");
        let lang = need!(field(a, "lang"));
        self.value(&lang);
        self.raw("\" lang=\"");
        self.value(&lang);
        self.raw("\">");
        self.value(&need!(field(a, "name")));
        self.raw("</a>");
        Ok(Some(()))
    }

    /// `notice.html`.
    fn html(&mut self) -> Step {
        let root = self.root;
        let h = need!(self.open_head()?);
        need!(self.alternate_links(&h.alternates)?);
        self.raw("\n<style>\n");
        need!(self.style()?);
        self.raw("\n</style>\n</head>\n<body>");
        if h.draft {
            self.raw("\n<div class=\"draft-banner\" role=\"note\"><div class=\"wrap\"><p><strong>");
            self.draft_words()?;
            self.raw("</p></div></div>");
        }
        self.raw("\n<header class=\"page-header\"");
        let brand = need!(field(root, "brand_colour"));
        if brand.is_true() {
            self.raw(" style=\"background-color: ");
            self.value(&brand);
            self.raw("\"");
        }
        self.raw(">\n<div class=\"wrap\">");
        if !h.alternates.is_empty() {
            self.raw("\n<nav class=\"languages\" aria-label=\"");
            self.t("label-other-languages")?;
            self.raw("\">\n<ul>");
            for a in &h.alternates {
                self.raw("\n<li>");
                need!(self.language_link(a)?);
                self.raw("</li>");
            }
            self.raw("\n</ul>\n</nav>");
        }
        let logo = need!(field(root, "logo"));
        if logo.is_true() {
            self.raw("\n<img class=\"logo\" src=\"");
            self.value(&logo);
            self.raw("\" alt=\"\" height=\"48\">");
        }
        self.doc_heading(&h.doc_title)?;
        need!(self.meta(&h.version, &h.updated)?);
        self.raw("\n</div>\n</header>\n<main id=\"main\" class=\"wrap\">");
        need!(self.summary(&h.summary)?);
        need!(self.sections()?);
        self.raw("\n</main>\n<footer class=\"page-footer\">\n<div class=\"wrap\">\n<p><span class=\"footer-title\">");
        self.value(&h.doc_title);
        self.raw("</span>");
        if h.controller.is_true() {
            self.raw("<br>");
            self.value(&h.controller);
        }
        self.raw("</p>");
        if h.version.is_true() && h.updated.is_true() {
            self.version_line(&h.version, &h.updated)?;
        } else if h.updated.is_true() {
            self.raw("\n<p>");
            self.t("label-updated")?;
            self.raw(": ");
            self.value(&h.updated);
            self.raw("</p>");
        } else if h.version.is_true() {
            self.raw("\n<p>");
            self.t("label-version")?;
            self.raw(": ");
            self.value(&h.version);
            self.raw("</p>");
        }
        let formats = need!(items(&need!(field(root, "formats"))));
        if !formats.is_empty() {
            self.raw("\n<p class=\"formats\">");
            self.t("label-other-formats")?;
            self.raw(":");
            let last = formats.len() - 1;
            for (i, f) in formats.iter().enumerate() {
                self.raw(" <a href=\"");
                self.value(&need!(field(f, "href")));
                self.raw("\"");
                if need!(field(f, "format")) == Value::from("md") {
                    self.raw(" type=\"text/markdown\"");
                }
                self.raw(">");
                self.value(&need!(field(f, "label")));
                self.raw("</a>");
                if i != last {
                    self.raw(",");
                }
            }
            self.raw("</p>");
        }
        if !h.alternates.is_empty() {
            self.raw("\n<p>");
            self.t("label-other-languages")?;
            self.raw(":");
            let last = h.alternates.len() - 1;
            for (i, a) in h.alternates.iter().enumerate() {
                self.raw(" ");
                need!(self.language_link(a)?);
                if i != last {
                    self.raw(",");
                }
            }
            self.raw("</p>");
        }
        self.raw("\n</div>\n</footer>\n</body>\n</html>");
        Ok(Some(()))
    }

    /// `notice.print.html`.
    fn print(&mut self) -> Step {
        let h = need!(self.open_head()?);
        if h.controller.is_true() {
            self.raw("\n<meta name=\"author\" content=\"");
            self.value(&h.controller);
            self.raw("\">");
        }
        need!(self.alternate_links(&h.alternates)?);
        self.raw("\n<style>\n");
        need!(self.style()?);
        self.raw("\n</style>\n</head>\n<body>\n<header class=\"doc-header\">");
        if h.draft {
            self.raw("\n<p class=\"draft-banner\"><strong>");
            self.draft_words()?;
            self.raw("</p>");
        }
        self.doc_heading(&h.doc_title)?;
        need!(self.meta(&h.version, &h.updated)?);
        if !h.alternates.is_empty() {
            self.raw("\n<p class=\"languages\">");
            self.t("label-other-languages")?;
            self.raw(":");
            let last = h.alternates.len() - 1;
            for (i, a) in h.alternates.iter().enumerate() {
                self.raw(" <span lang=\"");
                self.value(&need!(field(a, "lang")));
                self.raw("\">");
                self.value(&need!(field(a, "name")));
                self.raw("</span>");
                if i != last {
                    self.raw(",");
                }
            }
            self.raw("</p>");
        }
        self.raw("\n</header>\n<main>");
        need!(self.summary(&h.summary)?);
        need!(self.sections()?);
        self.raw("\n</main>\n<footer class=\"doc-footer\">\n<p>");
        self.value(&h.doc_title);
        if h.controller.is_true() {
            self.raw(" · ");
            self.value(&h.controller);
        }
        self.raw("</p>");
        if h.version.is_true() && h.updated.is_true() {
            self.version_line(&h.version, &h.updated)?;
        }
        self.raw("\n</footer>\n</body>\n</html>");
        Ok(Some(()))
    }

    /// `item(label, value)` of `notice.md`: a list item with a plain value.
    fn item(&self, lines: &mut String, label: &str, value: &Value) {
        lines.push_str("\n- **");
        let _ = write_value(lines, Escape::Markdown, &Value::from(label));
        if !label.ends_with('?') {
            lines.push(':');
        }
        lines.push_str("** ");
        let _ = write_value(lines, Escape::Markdown, value);
    }

    /// `notice.md`.
    fn markdown(&mut self) -> Step {
        let root = self.root;
        let summary = need!(field(root, "summary"));
        self.raw("# ");
        self.value(&need!(doc_title(root)));
        if need!(field(root, "draft")).is_true() {
            self.raw("\n\n> **");
            self.t("draft-label")?;
            self.raw(".** ");
            self.t("draft-banner")?;
        }
        self.raw("\n\n");
        self.t("notice-doc-type")?;
        self.raw(" · ");
        self.t("notice-gdpr-basis")?;

        let mut lines = String::new();
        let version = need!(field(root, "version"));
        if version.is_true() {
            let label = self.message("label-version", &[])?;
            self.item(&mut lines, &label, &version);
        }
        let updated = need!(field(root, "updated"));
        if updated.is_true() {
            let label = self.message("label-updated", &[])?;
            self.item(&mut lines, &label, &updated);
        }
        let alternates = need!(items(&need!(field(root, "alternates"))));
        if !alternates.is_empty() {
            lines.push_str("\n- **");
            let label = self.message("label-other-languages", &[])?;
            let _ = write_value(&mut lines, Escape::Markdown, &Value::from(label));
            lines.push_str(":**");
            let last = alternates.len() - 1;
            for (i, a) in alternates.iter().enumerate() {
                lines.push_str(" [");
                let _ = write_value(&mut lines, Escape::Markdown, &need!(field(a, "name")));
                lines.push_str("](");
                let _ = write_value(&mut lines, Escape::Markdown, &need!(field(a, "href")));
                lines.push(')');
                if i != last {
                    lines.push(',');
                }
            }
        }
        self.trimmed_block(&lines);

        self.raw("\n\n## ");
        self.t("sec-summary")?;
        let mut lines = String::new();
        let controller = need!(field(&summary, "controller"));
        if controller.is_true() {
            let label = self.message("label-summary-controller", &[])?;
            self.item(&mut lines, &label, &controller);
        }
        let rows = need!(self.section("summary_rows", &need!(summary_args(&summary)))?);
        let _ = write_value(&mut lines, Escape::Markdown, &rows);
        let contact = need!(field(&summary, "contact"));
        if contact.is_true() {
            let label = self.message("label-summary-contact", &[])?;
            self.item(&mut lines, &label, &contact);
        }
        self.trimmed_block(&lines);

        for s in need!(items(&need!(field(root, "sections")))) {
            self.raw("\n\n## ");
            self.value(&need!(field(&s, "number")));
            self.raw(". ");
            self.value(&need!(field(&s, "heading")));
            let id = need!(field(&s, "id"));
            if id.as_str().is_some_and(|id| MARKDOWN_BODIES.contains(&id)) {
                need!(self.write_section(&joined("sec_", &id), &[])?);
            }
        }
        Ok(Some(()))
    }

    /// `{% if lines|trim %}\n\n{{ lines|trim }}{% endif %}`.
    fn trimmed_block(&mut self, lines: &str) {
        let trimmed = lines.trim();
        if !trimmed.is_empty() {
            self.raw("\n\n");
            self.raw(trimmed);
        }
    }
}

/// `prefix ~ value`: the prefix and the value's text.
fn joined(prefix: &str, value: &Value) -> String {
    match value.as_str() {
        Some(text) => [prefix, text].concat(),
        None => format!("{prefix}{value}"),
    }
}

/// The arguments of `memo(m.summary_rows, ...)`.
fn summary_args(summary: &Value) -> Option<Vec<Value>> {
    [
        "purposes",
        "purposes_more",
        "purposes_basis",
        "data",
        "rights",
    ]
    .into_iter()
    .map(|name| field(summary, name))
    .collect()
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::render::{Format, Renderer, Selection};

    fn selection() -> Selection {
        Selection {
            languages: Vec::new(),
            formats: vec![Format::Html, Format::Print, Format::Md],
        }
    }

    fn bundled_notices() -> Vec<crate::model::Notice> {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let checked = crate::project::check(&[root.join("notices")], None);
        assert!(!checked.notices.is_empty(), "the bundled notices load");
        checked.notices
    }

    /// Guards that the frames are used at all: every page of the bundled
    /// notices is written by its frame, none left to the template (debug
    /// builds compare each with the template's, see `Renderer::render_page`).
    /// Debug builds render every notice's pages a second time, from its
    /// whole view (`Renderer::whole_notice_files`).
    const RENDERS: u64 = if cfg!(debug_assertions) { 2 } else { 1 };

    #[test]
    fn the_bundled_notices_pages_are_written_by_their_frames() {
        let notices = bundled_notices();
        let renderer = Renderer::new(None).expect("renderer");
        let files = renderer.site(&notices, &selection(), &[]).expect("renders");
        let pages = files
            .iter()
            .filter(|f| !f.path.ends_with("index.html"))
            .count() as u64;
        assert!(pages >= 3 * notices.len() as u64);
        assert_eq!(renderer.frame_stats(), (RENDERS * pages, 0));
    }

    /// A project's own page template is rendered by the engine, never by
    /// the frame that stands for the built-in one; so is a page whose
    /// style sheet is the project's.
    #[test]
    fn a_projects_own_page_template_or_style_sheet_turns_its_frame_off() {
        let dir = std::env::temp_dir().join(format!("seloste-frames-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp folder");
        std::fs::write(dir.join("notice.md"), "# {{ title }} (own)\n").expect("write");
        std::fs::write(dir.join("print.css"), "body { margin: 0 }\n").expect("write");
        let renderer = Renderer::new(Some(&dir));
        std::fs::remove_dir_all(&dir).expect("clean up");
        let renderer = renderer.expect("renderer");
        assert_eq!(renderer.built_in.frame("notice.html"), Some(Frame::Html));
        assert_eq!(renderer.built_in.frame("notice.md"), None);
        assert_eq!(renderer.built_in.frame("notice.print.html"), None);

        let notices = bundled_notices();
        let files = renderer.site(&notices, &selection(), &[]).expect("renders");
        let md = files
            .iter()
            .find(|f| f.path.ends_with(".md"))
            .expect("a Markdown page");
        assert!(String::from_utf8_lossy(&md.contents).contains("(own)"));
        let print = files
            .iter()
            .find(|f| f.path.ends_with(".print.html"))
            .expect("a print page");
        assert!(String::from_utf8_lossy(&print.contents).contains("body { margin: 0 }"));
        let html = files.iter().filter(|f| {
            f.path.ends_with(".html")
                && !f.path.ends_with(".print.html")
                && !f.path.ends_with("index.html")
        });
        assert_eq!(renderer.frame_stats(), (RENDERS * html.count() as u64, 0));
    }

    /// A notice from the source of a bundled one, changed by `edit`.
    fn variant(edit: impl Fn(&str) -> String) -> crate::model::Notice {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let source = std::fs::read_to_string(root.join("notices/opinsys-koejakaja.toml"))
            .expect("a bundled notice");
        let loaded = crate::load::load_bytes(crate::source::FileId(0), 0, edit(&source).as_bytes());
        loaded.document.expect("a notice")
    }

    /// Guards the frames' branches that the bundled notices do not take:
    /// a draft, a notice without a version or a date or both, one in a
    /// single language (no links to others). Each page is compared with
    /// the one its template writes.
    #[test]
    fn frames_write_what_their_templates_write_for_every_branch() {
        let without = |key: &'static str| {
            move |s: &str| {
                s.lines()
                    .filter(|l| !l.starts_with(key))
                    .collect::<Vec<_>>()
                    .join("\n")
            }
        };
        let variants = [
            variant(|s| s.replacen("version = ", "draft = true\nversion = ", 1)),
            variant(without("version = ")),
            variant(without("updated = ")),
            variant(|s| without("updated = ")(&without("version = ")(s))),
            variant(|s| {
                s.replacen(
                    "languages = [\"fi\", \"sv\", \"en\"]",
                    "languages = [\"sv\"]",
                    1,
                )
            }),
        ];
        let framed = Renderer::new(None).expect("renderer");
        let templated = Renderer::new(None).expect("renderer").without_frames();
        for notice in &variants {
            let pages = framed
                .site(std::slice::from_ref(notice), &selection(), &[])
                .expect("renders");
            assert_eq!(
                pages,
                templated
                    .site(std::slice::from_ref(notice), &selection(), &[])
                    .expect("renders")
            );
            assert!(pages.iter().any(|p| p.path.ends_with(".md")));
        }
        assert_eq!(framed.frame_stats().1, 0, "no page left to its template");
        assert_eq!(templated.frame_stats(), (0, 0));
        // The variants take the branches they are meant to.
        let page = |notice: &crate::model::Notice, path: &str| -> String {
            let pages = framed
                .site(std::slice::from_ref(notice), &selection(), &[])
                .expect("renders");
            let page = pages.iter().find(|p| p.path == path).expect("the page");
            String::from_utf8_lossy(&page.contents).into_owned()
        };
        assert!(
            page(&variants[0], "fi/opinsys-koejakaja.html").contains("<div class=\"draft-banner\"")
        );
        assert!(!page(&variants[3], "fi/opinsys-koejakaja.html").contains("<dl class=\"meta\">"));
        assert!(!page(&variants[4], "sv/opinsys-koejakaja.html").contains("rel=\"alternate\""));
    }

    /// The screen style sheet, which has no template syntax, is rendered
    /// once and written as its template writes it; the print style sheet,
    /// which names the notice, is rendered for each page.
    #[test]
    fn the_screen_style_sheet_is_rendered_once_as_its_template_writes_it() {
        let renderer = Renderer::new(None).expect("renderer");
        let once = renderer.built_in.fixed("style.css").expect("kept");
        let each = renderer
            .env
            .get_template("style.css")
            .and_then(|t| t.render(minijinja::context! { lang => "sv", title => "T" }))
            .expect("renders");
        assert_eq!(once, each);
        assert!(once.contains("font-family"), "{once}");
        assert_eq!(renderer.built_in.fixed("print.css"), None);
    }

    /// A context the frame does not expect (here without `sections`) is
    /// left to the template, which says what is wrong in its own words.
    #[test]
    fn a_context_the_frame_does_not_expect_is_left_to_the_template() {
        let renderer = Renderer::new(None).expect("renderer");
        let root = minijinja::context! { lang => "fi", title => "T", id => "t" };
        for frame in Frame::ALL {
            let rendered = render(
                frame,
                &renderer.env,
                &renderer.built_in,
                &renderer.memo,
                &renderer.locales,
                &root,
            );
            assert!(matches!(rendered, Ok(None)), "{frame:?}: {rendered:?}");
        }
    }
}
