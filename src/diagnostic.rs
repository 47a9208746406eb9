//! Diagnostics: what every stage reports about the sources.
//!
//! A diagnostic names the rule it comes from (so it has a stable code, an
//! article and an explanation), where it points (file and byte span), what is
//! wrong and how to fix it. Stages collect them and carry on; the command
//! decides the exit code once everything has been reported.

use std::fmt;

use crate::source::Span;

/// How serious a finding is. `Allow` silences a rule through configuration.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Allow,
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Allow => "allow",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "allow" => Some(Severity::Allow),
            "info" => Some(Severity::Info),
            "warning" => Some(Severity::Warning),
            "error" => Some(Severity::Error),
            _ => None,
        }
    }

    pub const NAMES: &'static [&'static str] = &["allow", "info", "warning", "error"];
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A rule: one kind of finding, with everything about it that does not
/// depend on where it is found. Each is a constant declared with [`rule!`]
/// next to the code that reports it, so a diagnostic names its rule by a
/// Rust item: a misspelt code does not compile.
#[derive(Debug)]
pub struct Rule {
    /// Stable code, e.g. `G003`: never reused for another meaning.
    pub code: &'static str,
    /// Kebab-case name, e.g. `dpo-contact`; accepted wherever a code is.
    pub name: &'static str,
    pub severity: Severity,
    /// The article it enforces, or `-`.
    pub article: &'static str,
    /// One line, for `seloste rules` and SARIF.
    pub summary: &'static str,
    /// The full text of `seloste explain`.
    pub explanation: &'static str,
}

/// The rule a diagnostic comes from.
pub type Code = &'static Rule;

impl Rule {
    /// Why a rule's severity cannot be changed, for rules that cannot:
    /// loader errors (a file that does not parse cannot be checked at all)
    /// and the id rule (ids become file names and links, and only a valid
    /// id is safe as either).
    pub fn fixed_because(&self) -> Option<&'static str> {
        if self.code == "Q012" {
            Some(
                "ids become file names and links: an id that is not lower-case letters, digits and hyphens could name a path outside the output or a `javascript:` link",
            )
        } else if self.code.starts_with('L') && self.severity == Severity::Error {
            Some("a file that cannot be read cannot be checked; loader errors always stay errors")
        } else {
            None
        }
    }
}

impl PartialEq for Rule {
    fn eq(&self, other: &Rule) -> bool {
        self.code == other.code
    }
}

impl Eq for Rule {}

impl PartialOrd for Rule {
    fn partial_cmp(&self, other: &Rule) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Rule {
    fn cmp(&self, other: &Rule) -> std::cmp::Ordering {
        self.code.cmp(other.code)
    }
}

/// So that tests and tools can name a rule by its code: `d.code == "G003"`.
impl PartialEq<&str> for &Rule {
    fn eq(&self, other: &&str) -> bool {
        self.code == *other
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code)
    }
}

/// Declares rules as constants, each `CODE "name" Severity "article",
/// "summary", "explanation";`. The constant's name is the code, so the two
/// cannot disagree.
macro_rules! rule {
    ($($code:ident $name:literal $sev:ident $article:literal, $summary:literal, $expl:literal;)+) => {
        $(
            #[doc = $summary]
            pub const $code: $crate::diagnostic::Code = &$crate::diagnostic::Rule {
                code: stringify!($code),
                name: $name,
                severity: $crate::diagnostic::Severity::$sev,
                article: $article,
                summary: $summary,
                explanation: $expl,
            };
        )+
    };
}
pub(crate) use rule;

/// A secondary location, e.g. the first definition of a duplicated id.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// The rule, e.g. `G003`, with its name, article and default severity.
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    /// Where it points, in the global offset space of the run's
    /// [`SourceMap`](crate::source::SourceMap): the span says the file.
    pub span: Span,
    /// Shown under the caret.
    pub label: Option<String>,
    pub help: Option<String>,
    pub secondary: Vec<Label>,
}

impl Diagnostic {
    /// A diagnostic with the rule's default severity. The rule is a
    /// constant, so a misspelt code does not compile:
    ///
    /// ```compile_fail
    /// seloste::diagnostic::Diagnostic::new("G003", 0..0, "a string is not a rule");
    /// ```
    /// ```
    /// use seloste::diagnostic::Diagnostic;
    /// let d = Diagnostic::new(seloste::lint::gdpr::G003, 0..0, "no DPO");
    /// assert_eq!(d.code, "G003");
    /// ```
    pub fn new(code: Code, span: Span, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: code.severity,
            message: message.into(),
            span,
            label: None,
            help: None,
            secondary: Vec::new(),
        }
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn secondary(mut self, span: Span, message: impl Into<String>) -> Self {
        self.secondary.push(Label {
            span,
            message: message.into(),
        });
        self
    }
}

/// Counts of what a run found, for the summary line and the exit code.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

/// The findings already reported in a run. A bundle checks each shared
/// service once per customer, so the same finding at the same place comes
/// back with every customer; a reader wants it once.
#[derive(Debug, Default)]
pub struct Reported(std::collections::HashSet<(&'static str, Span, String)>);

impl Reported {
    /// Those of `diags` not reported before, now counted as reported.
    pub fn fresh(&mut self, diags: &[Diagnostic]) -> Vec<Diagnostic> {
        diags
            .iter()
            .filter(|d| {
                self.0
                    .insert((d.code.code, d.span.clone(), d.message.clone()))
            })
            .cloned()
            .collect()
    }
}

impl Tally {
    pub fn of(diags: &[Diagnostic]) -> Tally {
        let mut t = Tally::default();
        for d in diags {
            match d.severity {
                Severity::Error => t.errors += 1,
                Severity::Warning => t.warnings += 1,
                Severity::Info => t.infos += 1,
                Severity::Allow => {}
            }
        }
        t
    }
}
