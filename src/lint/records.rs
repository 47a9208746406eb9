//! The rules of the record of processing activities (Art. 30): items the
//! record needs that a published notice may do without.
//!
//! They run only where a record is written (`seloste records` for the
//! controller's record, `bundle` for each customer's processor record), not
//! in `check`: a notice is complete without them, and a project that keeps
//! its record elsewhere should not be warned on every check. Their severity
//! is set in `seloste.toml`'s `[rules]` like any other rule's.

use super::{Annotate, Ctx};
use crate::diagnostic::{Diagnostic, rule};
use crate::load::config::Readability;
use crate::model::{Lang, Notice};

rule! {
    R001 "record-security" Warning "Art. 30(1)(g), 30(2)(d), 32(1)",
    "The record has no description of the security measures.",
    "The record of processing activities must, where possible, give a general description of \
the technical and organisational security measures of Art. 32(1) (Art. 30(1)(g) for a \
controller, 30(2)(d) for a processor). A notice may leave them out, but the record is then \
incomplete. The record takes `security` of the `[records]` table (internal: never published) \
and, without it, the notice's own `security`.\n\nFix: describe the measures in `[records]`, \
e.g. `security = { fi = \"...\", sv = \"...\", en = \"...\" }` (access control, encryption, \
logging, backups, training), or write a public `security` section.";

    R002 "record-data-subjects" Warning "Art. 30(1)(c)",
    "The record has no categories of data subjects.",
    "Art. 30(1)(c) requires the record to describe the categories of data subjects (pupils, \
guardians, staff...). The notice names none in `[[data_subjects]]`, so the record's column is \
empty. Link the groups to data categories (`subjects` of a `[[data_categories]]` entry) to \
narrow each activity to the groups it concerns.\n\nFix: add a `[[data_subjects]]` entry per \
group, with an `id` and a `name` in each language.";

    R003 "processor-record-processing" Warning "Art. 30(2)(b)",
    "A service notice does not describe the categories of processing carried out for the \
customer.",
    "A processor keeps a record for each controller it works for, with the categories of \
processing carried out on that controller's behalf (Art. 30(2)(b)). `bundle` writes that \
record into each customer's folder; without `processing` in the service's `[records]` table \
it lists the purposes of the service instead, which say why the controller processes the \
data, not what the processor does with it.\n\nFix: add `[records]` with `processing = { fi = \
\"...\", ... }` to the service notice (hosting, storage, user support, backups...).";
}

/// R001: neither an internal nor a published description of the measures.
pub fn record_security(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    let internal = n.records.as_ref().and_then(|r| r.security.as_ref());
    if internal.is_none() && n.security.is_none() && n.absent(&n.span, "security") {
        let at = n
            .records
            .as_ref()
            .map_or(n.span.clone(), |r| r.span.clone());
        cx.report(
            R001,
            at,
            "the record of processing activities has no description of the security measures",
        )
        .label("Art. 30(1)(g) asks for a general description")
        .help("add `security` to a `[records]` table (internal) or a `security` section to the notice");
    }
}

/// R002: no categories of data subjects.
pub fn record_data_subjects(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    if n.data_subjects.is_empty() && n.absent(&n.span, "data_subjects") {
        cx.report(
            R002,
            n.span.clone(),
            "the notice names no categories of data subjects for the record",
        )
        .label("add `[[data_subjects]]`")
        .help("each group of people whose data is processed, e.g. pupils, guardians, staff");
    }
}

/// R003: a service notice without its categories of processing.
pub fn processor_record_processing(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    let processing = n.records.as_ref().and_then(|r| r.processing.as_ref());
    // A service, on its own or bound to a customer.
    let service = n.open_controller.is_some() || n.customer_span.is_some();
    if service && processing.is_none() {
        let at = n
            .records
            .as_ref()
            .map_or(n.span.clone(), |r| r.span.clone());
        cx.report(
            R003,
            at,
            "the service does not describe the categories of processing carried out for each customer",
        )
        .label("the processor record lists the purposes instead")
        .help("add `processing` to the `[records]` table of the service notice");
    }
}

/// Which record is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    /// The controller's record, `seloste records`.
    Controller,
    /// A processor's record for a customer, `bundle`.
    Processor,
}

/// Runs the record rules for `kind` on one notice (in `bundle`: a service
/// bound to a customer).
pub fn check(notice: &Notice, default_languages: &[Lang], kind: RecordKind) -> Vec<Diagnostic> {
    let readability = Readability::new();
    let mut cx = Ctx::new(
        notice,
        default_languages,
        !default_languages.is_empty(),
        &readability,
    );
    record_security(&mut cx);
    match kind {
        RecordKind::Controller => record_data_subjects(&mut cx),
        RecordKind::Processor => processor_record_processing(&mut cx),
    }
    cx.diagnostics
}
