//! The change list as the reader gets it: a header naming both versions,
//! the changes under their section headings, and a closing line, as plain
//! text or as Markdown (a list per section, for a change log). Markdown is
//! escaped with the renderer's escaper (`render::markdown`), so that a name
//! or value from a notice shows as written.

use super::DiffFormat;
use super::compare::Change;
use super::words::Words;
use crate::model::{Lang, Notice};
use crate::render::locale::Locales;
use crate::render::markdown::escape_markdown;

/// The change list as text or Markdown: a header naming both versions,
/// the changes under their section headings, and a closing line.
pub fn render(
    old: &Notice,
    new: &Notice,
    changes: &[Change],
    locales: &Locales,
    lang: &Lang,
    format: DiffFormat,
) -> String {
    let w = Words { locales, lang };
    let version = |n: &Notice| {
        if n.version.is_none() && n.updated.is_none() {
            return w.m("diff-none", &[]);
        }
        let date = n.updated.as_ref().map_or_else(
            || w.m("diff-none", &[]),
            |u| {
                w.resolver()
                    .date(u.value)
                    .unwrap_or_else(|_| u.value.to_string())
            },
        );
        let version = n
            .version
            .as_ref()
            .map_or_else(|| w.m("diff-none", &[]), |v| v.value.clone());
        w.m(
            "diff-version-date",
            &[("version", version.into()), ("date", date.into())],
        )
    };
    let title = w
        .show(new.title.as_ref())
        .or_else(|| w.show(old.title.as_ref()))
        .unwrap_or_else(|| new.id_str().to_string());
    let header = w.m(
        "diff-header",
        &[
            ("title", title.into()),
            ("old", version(old).into()),
            ("new", version(new).into()),
        ],
    );
    let material = changes.iter().filter(|c| c.material).count();
    let closing = if material == 0 {
        w.m("diff-no-material", &[])
    } else {
        w.m("diff-summary", &[("count", material.into())])
    };
    let md = format == DiffFormat::Md;
    let esc = |s: &str| {
        if md {
            escape_markdown(s)
        } else {
            s.to_string()
        }
    };
    let mut out = String::new();
    out.push_str(&if md {
        format!("## {}\n", esc(&header))
    } else {
        format!("{header}\n")
    });
    let mut current = None;
    for c in changes {
        if current != Some(c.section) {
            current = Some(c.section);
            let heading = w.m(c.section.label_key(), &[]);
            out.push_str(&if md {
                format!("\n### {}\n\n", esc(&heading))
            } else {
                format!("\n{heading}\n")
            });
        }
        out.push_str(&if md {
            format!("- {}\n", esc(&c.line))
        } else {
            format!("  - {}\n", c.line)
        });
    }
    out.push('\n');
    out.push_str(&esc(&closing));
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::changes;
    use crate::source::FileId;

    fn notice(title: &str) -> Notice {
        let source = format!("id = \"n\"\nversion = \"1\"\ntitle = {{ en = {title:?} }}\n");
        let loaded = crate::load::load_bytes(FileId(0), 0, source.as_bytes());
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        loaded.document.expect("a notice")
    }

    /// Markdown output goes through the renderer's escaper: markup in a
    /// name shows as written, HTML as entities; text output is as written.
    #[test]
    fn names_show_as_written_in_markdown() {
        let old = notice("Register");
        let new = notice("Register <b>x</b> & {y} _z_ [a](b) `c` # | ~ !");
        let locales = Locales::embedded().expect("locales");
        let en = Lang::parse("en").expect("en");
        let found = changes(&old, &new, &locales, &en);
        let md = render(&old, &new, &found, &locales, &en, DiffFormat::Md);
        let line = "- Name of the register changed from “Register” to “Register \
                    &lt;b&gt;x&lt;/b&gt; &amp; \\{y\\} z a c \\# \\| \\~ \\!”.\n";
        assert!(md.contains(line), "{md}");
        assert!(md.starts_with("## Register &lt;b&gt;x"), "{md}");
        assert!(!md.contains(['<', '>']), "{md}");
        let text = render(&old, &new, &found, &locales, &en, DiffFormat::Text);
        let line = "  - Name of the register changed from “Register” to \
                    “Register <b>x</b> & {y} z a c # | ~ !”.\n";
        assert!(text.contains(line), "{text}");
    }
}
