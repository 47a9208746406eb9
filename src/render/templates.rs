//! minijinja templates: the defaults compiled into the binary, overridable
//! file by file from a project's `templates/` folder.
//!
//! Auto-escaping is chosen by file extension: `.html` escapes for HTML and
//! `.md` escapes for Markdown (a custom mode, handled by the formatter
//! below), so a value from a source can never form markup in either format
//! unless it went through `render::markdown` and was marked safe. Undefined
//! variables are errors, so a template typo fails the build instead of
//! silently publishing an empty field.

use std::path::Path;
use std::sync::Arc;

use anyhow::Context;
use minijinja::value::{Kwargs, Value};
use minijinja::{AutoEscape, Environment, Error, ErrorKind, State, UndefinedBehavior};

use super::locale::Locales;
use super::markdown::write_escaped_markdown;

/// The default templates, as `(name, source)`.
pub fn defaults() -> &'static [(&'static str, &'static str)] {
    super::embedded::TEMPLATES
}

const MARKDOWN: &str = "markdown";

fn auto_escape(name: &str) -> AutoEscape {
    if name.ends_with(".md") {
        AutoEscape::Custom(MARKDOWN.into())
    } else if name.ends_with(".html") {
        AutoEscape::Html
    } else {
        AutoEscape::None
    }
}

/// Escapes text for HTML content and quoted attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    // Writing to a String cannot fail.
    let _ = write_escaped_html(&mut out, s);
    out
}

/// [`escape_html`] straight into `out`: the runs between the characters
/// to escape are written whole (most texts have none, and are one run).
pub fn write_escaped_html(out: &mut impl std::fmt::Write, s: &str) -> std::fmt::Result {
    let mut run = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        // `i` is at an ASCII byte, so a character boundary.
        out.write_str(&s[run..i])?;
        out.write_str(entity)?;
        run = i + 1;
    }
    out.write_str(&s[run..])
}

/// A value as a quoted CSS string, for `content:` in a style sheet (the
/// print style's running header): quotes and backslashes escaped, and
/// every character that could end the string or the `<style>` element
/// (line breaks and other controls, `<`, `>`, `&`) written as a CSS escape.
/// Braces and semicolons are plain text inside a quoted string. Marked safe: it is already escaped for where it goes.
pub fn css_string(value: &str) -> Value {
    let mut out = String::with_capacity(value.len() + 2);
    out.push('"');
    for c in value.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() || matches!(c, '<' | '>' | '&') => {
                out.push_str(&format!("\\{:x} ", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    Value::from_safe_string(out)
}

/// How a template's values are escaped where they are written: the
/// escaping of its auto-escape mode, by file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Escape {
    Html,
    Markdown,
}

/// Writes `value` as `{{ value }}` writes it in a template escaping for
/// `escape`: nothing for none, a safe string as it is, anything else
/// escaped. Also what the page frames written in Rust write values with
/// ([`super::frame`]), so both write the same bytes.
pub fn write_value(
    out: &mut impl std::fmt::Write,
    escape: Escape,
    value: &Value,
) -> std::fmt::Result {
    if value.is_none() {
        return Ok(());
    }
    match (escape, value.is_safe(), value.as_str()) {
        // Strings are written from where they are: a kept section is
        // kilobytes, which were copied once more for nothing.
        (_, true, Some(text)) => out.write_str(text),
        (_, true, None) => out.write_str(&value.to_string()),
        // minijinja's HTML escaping also escapes `/`, which HTML does not
        // need and which makes every link in the output hard to read.
        (Escape::Html, false, Some(text)) => write_escaped_html(out, text),
        // An integer's digits and sign need no escaping, nor a copy
        // (section numbers, on every page).
        (Escape::Html, false, None) if value.is_integer() => write!(out, "{value}"),
        (Escape::Html, false, None) => write_escaped_html(out, &value.to_string()),
        (Escape::Markdown, false, Some(text)) => write_escaped_markdown(out, text),
        (Escape::Markdown, false, None) => write_escaped_markdown(out, &value.to_string()),
    }
}

/// A keyword argument of `t()` as Fluent takes it: integers as numbers
/// (for plural forms), anything else as its text.
pub fn fluent_argument(value: &Value) -> fluent::FluentValue<'static> {
    match value.as_i64() {
        Some(n) => fluent::FluentValue::from(n),
        None => fluent::FluentValue::from(value.to_string()),
    }
}

/// Builds the template environment: defaults, then overrides from `dir`.
pub fn environment(
    overrides: Option<&Path>,
    locales: Arc<Locales>,
    memo: Arc<super::memo::Memo>,
) -> anyhow::Result<Environment<'static>> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_auto_escape_callback(auto_escape);
    env.set_formatter(|out, state, value| {
        let escape = match state.auto_escape() {
            AutoEscape::Custom(mode) if mode == MARKDOWN => Some(Escape::Markdown),
            AutoEscape::Html if !value.is_safe() => Some(Escape::Html),
            _ => None,
        };
        match escape {
            Some(escape) => write_value(out, escape, value).map_err(Error::from),
            None => minijinja::escape_formatter(out, state, value),
        }
    });
    for (name, source) in defaults() {
        env.add_template_owned(name.to_string(), source.to_string())
            .with_context(|| format!("built-in template {name}"))?;
    }
    if let Some(dir) = overrides {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .with_context(|| format!("cannot read templates folder {}", dir.display()))?
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        entries.sort();
        for path in entries {
            let Some(name) = path
                .file_name()
                .and_then(|n| n.to_str())
                .map(str::to_string)
            else {
                continue;
            };
            let source = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read template {}", path.display()))?;
            env.add_template_owned(name, source)
                .with_context(|| format!("template {}", path.display()))?;
        }
    }
    super::memo::register(&mut env, memo);
    env.add_filter("css_string", css_string);
    env.add_function(
        "t",
        move |state: &State, key: &str, args: Kwargs| -> Result<String, Error> {
            let lang = state
                .lookup("lang")
                .and_then(|l| l.as_str().map(str::to_string))
                .ok_or_else(|| {
                    Error::new(ErrorKind::UndefinedError, "t() needs `lang` in the context")
                })?;
            let mut fargs = Vec::new();
            let names: Vec<String> = args.args().map(str::to_string).collect();
            for name in &names {
                let v: Value = args.get(name)?;
                fargs.push((name.as_str(), fluent_argument(&v)));
            }
            args.assert_all_used()?;
            locales
                .message(&lang, key, &fargs)
                .map_err(|e| Error::new(ErrorKind::InvalidOperation, e.to_string()))
        },
    );
    add_twins_without_imports(&mut env)?;
    Ok(env)
}

/// Adds, for each template that imports modules of macros only to call
/// them through `memo()`, its twin without the imports (see
/// [`super::memo::without_imports`]), which the renderer tries first.
fn add_twins_without_imports(env: &mut Environment<'static>) -> anyhow::Result<()> {
    let twins: Vec<(String, String)> = env
        .templates()
        .filter_map(|(name, template)| {
            let twin = super::memo::without_imports(env, template.source())?;
            Some((super::memo::twin_name(name), twin))
        })
        .collect();
    for (name, source) in twins {
        env.add_template_owned(name.clone(), source)
            .with_context(|| format!("template {name}"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_strings_cannot_end_the_string_the_rule_or_the_style_element() {
        assert_eq!(
            css_string("Koulu \"A\" \\ </style><script>;}\n").to_string(),
            "\"Koulu \\\"A\\\" \\\\ \\3c /style\\3e \\3c script\\3e ;}\\a \""
        );
        assert!(css_string("x").is_safe());
    }

    fn env() -> Environment<'static> {
        environment(
            None,
            Arc::new(Locales::embedded().expect("locales")),
            Arc::default(),
        )
        .expect("env")
    }

    #[test]
    fn each_html_special_character_is_escaped_and_the_rest_kept() {
        for (text, escaped) in [
            ("&", "&amp;"),
            ("<", "&lt;"),
            (">", "&gt;"),
            ("\"", "&quot;"),
            ("'", "&#39;"),
            ("", ""),
            ("äö / € – plain", "äö / € – plain"),
            ("a<b>&\"c'ä", "a&lt;b&gt;&amp;&quot;c&#39;ä"),
        ] {
            assert_eq!(escape_html(text), escaped, "{text}");
        }
    }

    /// Guards `write_value`, which the pages written in code use: what it
    /// writes is what `{{ v }}` writes, for each kind of value and both
    /// escapings.
    #[test]
    fn write_value_writes_what_a_template_writes() {
        let mut e = env();
        e.add_template("x.html", "{{ v }}").unwrap();
        e.add_template("x.md", "{{ v }}").unwrap();
        let values = [
            Value::from(42),
            Value::from(-7_i64),
            Value::from(u64::MAX),
            Value::from(3.0),
            Value::from(2.5),
            Value::from(true),
            Value::from(()),
            Value::from("a<b & *c* 'd'"),
            Value::from_safe_string("<b>safe</b> *x*".to_string()),
            Value::from(vec![Value::from("<x>"), Value::from(1)]),
        ];
        for (template, escape) in [("x.html", Escape::Html), ("x.md", Escape::Markdown)] {
            for v in &values {
                let mut written = String::new();
                write_value(&mut written, escape, v).unwrap();
                let rendered = e
                    .get_template(template)
                    .unwrap()
                    .render(minijinja::context! { v => v.clone() })
                    .unwrap();
                assert_eq!(written, rendered, "{template}: {v:?}");
            }
        }
    }

    #[test]
    fn markdown_templates_escape_plain_values() {
        let mut e = env();
        e.add_template("x.md", "{{ v }}|{{ s|safe }}").unwrap();
        let out = e
            .get_template("x.md")
            .unwrap()
            .render(minijinja::context! { v => "<b>*x*</b>", s => "**ok**" })
            .unwrap();
        assert_eq!(out, "&lt;b&gt;\\*x\\*&lt;/b&gt;|**ok**");
    }

    #[test]
    fn html_templates_escape_and_template_syntax_in_values_is_inert() {
        let mut e = env();
        e.add_template("x.html", "{{ v }}").unwrap();
        let out = e
            .get_template("x.html")
            .unwrap()
            .render(minijinja::context! { v => "<script>{{ 7*7 }}</script>" })
            .unwrap();
        assert_eq!(out, "&lt;script&gt;{{ 7*7 }}&lt;/script&gt;");
    }

    #[test]
    fn undefined_variables_are_errors() {
        let mut e = env();
        e.add_template("x.html", "{{ nope }}").unwrap();
        assert!(
            e.get_template("x.html")
                .unwrap()
                .render(minijinja::context! {})
                .is_err()
        );
    }

    #[test]
    fn t_reads_the_notice_language() {
        let mut e = env();
        e.add_template(
            "x.html",
            "{{ t('lang-fi') }} {{ t('duration-years', count=2) }}",
        )
        .unwrap();
        let out = e
            .get_template("x.html")
            .unwrap()
            .render(minijinja::context! { lang => "sv" })
            .unwrap();
        assert_eq!(out, "suomi 2 år");
    }
}
