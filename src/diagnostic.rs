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

/// A secondary location, e.g. the first definition of a duplicated id.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub span: Span,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// The rule code, e.g. `G003`; its name, article and default severity
    /// come from the registry.
    pub code: &'static str,
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
    /// A diagnostic with the rule's default severity.
    pub fn new(code: &'static str, span: Span, message: impl Into<String>) -> Self {
        let severity = crate::lint::registry::rule(code).map_or(Severity::Error, |r| r.severity);
        Diagnostic {
            code,
            severity,
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
