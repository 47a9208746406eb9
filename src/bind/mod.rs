//! Binding: turning loaded sources into the notices that are checked and
//! published.
//!
//! Two steps, both on the model and before any rule runs:
//!
//! - **Composition**: a notice with `extends = "<fragment>"` takes every
//!   top-level item of the fragment that it does not set itself. The rule
//!   is shallow and easy to review: a key the notice sets replaces the
//!   fragment's whole value; nothing is merged inside tables or lists.
//! - **Customer binding**: a service notice with `controller = "customer"`
//!   gets the customer's controller, representative, DPO, contact,
//!   languages and supervisory authority, and its local additions
//!   (recipients, access roles, retention rules) appended.
//!
//! Spans are global (see [`crate::source`]), so a combined notice still
//! knows which file each item came from, and every diagnostic on it lands
//! in the service file, the fragment or the customer file as appropriate.

pub mod revision;

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::diagnostic::rule;
use crate::model::{Customer, Located, Notice};

// The rules this module reports first; `seloste explain CODE` prints
// their explanations.
rule! {
    L009 "fragment-cycle" Error "-",
    "Notices and fragments extend each other in a circle.",
    "A notice may take shared sections from a fragment with `extends = \"<fragment id>\"`, and a \
fragment may extend another. When the chain comes back to where it started there is no \
notice to take the sections from. The diagnostic points at the `extends` that closes the \
circle. Fix: remove one of the `extends`, or move the shared keys into one fragment.";

    L011 "fragment-chain-depth" Error "-",
    "A chain of fragments extending fragments is too long.",
    "A notice may take shared sections from a fragment with `extends`, and a fragment may extend \
another, but a chain of more than 16 fragments is refused. Real sharing needs two or three \
levels (an organisation's common sections, a department's, a service's); a chain of hundreds is \
a generated or broken set of files, and one of thousands took seconds to check. The diagnostic \
points at the `extends` that reaches the 17th fragment, counted from the notice (or the \
fragment no other fragment extends) where the chain starts. Fix: merge fragments so that the \
chain is at most 16 long; a notice takes every section of every fragment in its chain, so \
merging changes nothing it publishes.";

    Q011 "unknown-reference" Error "-",
    "A reference names an id that does not exist.",
    "`applies_to`, `categories`, `subjects`, `purposes` and a transfer's `recipient` refer to \
other items by id. A reference to an id that is not defined is usually a typo or a leftover \
after a rename.";
}

/// Loads the notices under `paths` and composes them: the notices to
/// check and publish. Problems go to `diagnostics`, unreadable paths to
/// `fatal`.
pub fn load_notices(
    paths: &[std::path::PathBuf],
    sources: &mut crate::source::SourceMap,
    diagnostics: &mut Vec<Diagnostic>,
    fatal: &mut Vec<String>,
) -> Vec<Notice> {
    let loaded = crate::load::load(paths, sources);
    fatal.extend(loaded.io_errors);
    diagnostics.extend(loaded.diagnostics);
    let (notices, composition) = compose(loaded.notices);
    diagnostics.extend(composition);
    notices
}

/// The most fragments one chain may hold (the fragment a notice extends,
/// the fragment that one extends, and so on). Sharing needs two or
/// three levels (an organisation's common sections, a department's, a
/// service's); 16 leaves room for any real use and keeps the work per
/// notice small: chains of 4,000 fragments took 6 s to compose and 10,000
/// did not finish.
pub const MAX_CHAIN: usize = 16;

/// L011 at the `extends` that would add fragment `MAX_CHAIN + 1` to a
/// chain. Worded the same from wherever the chain was walked, so that one
/// place is reported once.
fn chain_too_long(target: &crate::model::Id) -> Diagnostic {
    Diagnostic::new(
        L011,
        target.span.clone(),
        format!("the chain of fragments is longer than {MAX_CHAIN}"),
    )
    .label(format!(
        "`{}` would be fragment {} of the chain",
        target.value,
        MAX_CHAIN + 1
    ))
    .help(format!(
        "merge fragments so that no chain holds more than {MAX_CHAIN}; a notice takes the sections of every fragment in its chain, so merging changes nothing it publishes"
    ))
}

/// The circles among `extends` links, each as the fragments on it in
/// order, found in one pass: every fragment extends at most one other
/// (`next`), so following the links from each fragment not yet seen
/// either ends, reaches a fragment seen before, or comes back to itself.
fn circles(next: &[Option<usize>]) -> Vec<Vec<usize>> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        New,
        OnPath,
        Done,
    }
    let mut state = vec![State::New; next.len()];
    let mut found = Vec::new();
    for start in 0..next.len() {
        let mut path = Vec::new();
        let mut at = Some(start);
        while let Some(i) = at {
            match state[i] {
                State::New => {
                    state[i] = State::OnPath;
                    path.push(i);
                    at = next[i];
                }
                State::OnPath => {
                    let from = path.iter().position(|&p| p == i).unwrap_or(0);
                    found.push(path[from..].to_vec());
                    break;
                }
                State::Done => break,
            }
        }
        for i in path {
            state[i] = State::Done;
        }
    }
    found
}

/// Applies `extends` to every notice. Returns the notices to check and
/// publish (fragments left out) and the problems found: unknown fragments,
/// circles and chains longer than [`MAX_CHAIN`]. Every walk along a chain
/// stops after `MAX_CHAIN` fragments, and circles are found in one pass,
/// so the work grows with the number of notices and fragments.
pub fn compose(notices: Vec<Notice>) -> (Vec<Notice>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let by_id: HashMap<&str, usize> = notices
        .iter()
        .enumerate()
        .filter_map(|(i, n)| n.id.as_ref().map(|id| (id.value.as_str(), i)))
        .collect();
    let fragment_ids: Vec<&str> = notices
        .iter()
        .filter(|n| n.is_fragment())
        .filter_map(|n| n.id.as_ref().map(|i| i.value.as_str()))
        .collect();
    // Each notice (not fragment) with the chain it takes sections from;
    // `None` when the chain is broken. The notices are moved into the
    // result at the end: cloning each was a tenth of a build's serial time.
    let mut plans: Vec<(usize, Option<Vec<usize>>)> = Vec::new();
    for (at, n) in notices.iter().enumerate() {
        if n.is_fragment() {
            continue;
        }
        // The chain of fragments from the notice outwards; at most
        // MAX_CHAIN long, so looking through it costs little.
        let mut chain: Vec<usize> = Vec::new();
        let mut next = n.extends.as_ref();
        let mut broken = false;
        while let Some(target) = next {
            let found = by_id.get(target.value.as_str()).map(|&i| (i, &notices[i]));
            match found {
                Some((i, base)) if base.is_fragment() => {
                    if chain.contains(&i) {
                        diagnostics.push(
                            Diagnostic::new(
                                L009,
                                target.span.clone(),
                                format!(
                                    "`{}` is already part of this chain of fragments",
                                    target.value
                                ),
                            )
                            .label("this `extends` closes a circle")
                            .help("remove one `extends` of the circle, or merge the fragments"),
                        );
                        broken = true;
                        break;
                    }
                    if chain.len() == MAX_CHAIN {
                        diagnostics.push(chain_too_long(target));
                        broken = true;
                        break;
                    }
                    chain.push(i);
                    next = base.extends.as_ref();
                }
                found => {
                    let mut d = Diagnostic::new(
                        Q011,
                        target.span.clone(),
                        format!("no fragment has the id `{}`", target.value),
                    );
                    d = match found {
                        Some(_) => d
                            .label("a notice, not a fragment")
                            .help("`extends` names a file with `fragment = true`; notices cannot extend other notices"),
                        None => {
                            let d = d.help("`extends` names a file with `fragment = true` and that `id`, among the paths given");
                            match crate::load::decode::did_you_mean(&target.value, &fragment_ids) {
                                Some(s) => d.label(format!("did you mean `{s}`?")),
                                None => d.label("unknown fragment"),
                            }
                        }
                    };
                    diagnostics.push(d);
                    broken = true;
                    break;
                }
            }
        }
        plans.push((at, (!broken).then_some(chain)));
    }
    // Fragments are checked even when no notice extends them: circles, and
    // chains too long from a fragment that no other fragment extends.
    let next: Vec<Option<usize>> = notices
        .iter()
        .map(|n| {
            let target = n.extends.as_ref().filter(|_| n.is_fragment())?;
            let &i = by_id.get(target.value.as_str())?;
            notices[i].is_fragment().then_some(i)
        })
        .collect();
    let mut on_circle = vec![false; notices.len()];
    for circle in circles(&next) {
        for &i in &circle {
            on_circle[i] = true;
        }
        let closes = |to: usize| {
            let from = circle
                .iter()
                .copied()
                .find(|&f| next[f] == Some(to))
                .unwrap_or(to);
            notices[from].extends.as_ref().map(|t| t.span.clone())
        };
        if circle.len() <= MAX_CHAIN {
            // Every `extends` of a short circle, each naming the fragment
            // that extends itself through it.
            for &f in &circle {
                if let Some(span) = closes(f) {
                    diagnostics.push(
                        Diagnostic::new(
                            L009,
                            span,
                            format!(
                                "`{}` extends itself through this chain",
                                notices[f].id_str()
                            ),
                        )
                        .label("this `extends` closes a circle")
                        .help("remove one `extends` of the circle, or merge the fragments"),
                    );
                }
            }
        } else {
            // A long circle once, at the `extends` back to its first
            // fragment in the order the files were read.
            let first = circle.iter().copied().min().unwrap_or(circle[0]);
            if let Some(span) = closes(first) {
                diagnostics.push(
                    Diagnostic::new(
                        L009,
                        span,
                        format!(
                            "`{}` extends itself through a chain of {} fragments",
                            notices[first].id_str(),
                            circle.len()
                        ),
                    )
                    .label("this `extends` closes a circle")
                    .help("remove one `extends` of the circle, or merge the fragments"),
                );
            }
        }
    }
    let mut extended = vec![false; notices.len()];
    for &i in next.iter().flatten() {
        extended[i] = true;
    }
    for (start, n) in notices.iter().enumerate() {
        if !n.is_fragment() || extended[start] {
            continue;
        }
        let (mut at, mut length) = (start, 1);
        while let Some(i) = next[at] {
            if on_circle[i] {
                break;
            }
            if length == MAX_CHAIN {
                if let Some(target) = &notices[at].extends {
                    diagnostics.push(chain_too_long(target));
                }
                break;
            }
            (at, length) = (i, length + 1);
        }
    }
    diagnostics.sort_by_key(|d| d.span.start);
    diagnostics.dedup_by(|a, b| a.span == b.span && a.code == b.code);
    drop(by_id);
    drop(fragment_ids);
    // Only notices are taken out, and chains hold only fragments: every
    // fragment a chain names is still in its slot.
    let mut slots: Vec<Option<Notice>> = notices.into_iter().map(Some).collect();
    let mut composed = Vec::with_capacity(plans.len());
    for (at, chain) in plans {
        let Some(mut notice) = slots[at].take() else {
            continue;
        };
        for &base in chain.iter().flatten() {
            if let Some(base) = &slots[base] {
                inherit(&mut notice, base);
            }
        }
        composed.push(notice);
    }
    (composed, diagnostics)
}

/// Fills every top-level item `n` does not set from `base`: every key the
/// format declares inherited (all but `id`, `fragment`, `extends`), and the
/// controller, which may also be left open (`controller = "customer"`).
fn inherit(n: &mut Notice, base: &Notice) {
    n.take_missing(base);
    if n.controller.is_none() && n.open_controller.is_none() {
        n.controller.clone_from(&base.controller);
        n.open_controller.clone_from(&base.open_controller);
    }
    // A key invalid in the fragment is invalid in the notice that takes it.
    n.invalid.extend(base.invalid.iter().cloned());
}

/// The notice `service` as published for `customer`.
pub fn bind(service: &Notice, customer: &Customer) -> Notice {
    let mut n = service.clone();
    n.customer_span = Some(customer.span.clone());
    n.branding.clone_from(&customer.branding);
    if n.open_controller.is_some() {
        n.controller.clone_from(&customer.controller);
        // The DPO is the controller's: a service's own `[dpo]` (rule G037)
        // never stands in for a customer that names none, whose missing DPO
        // is then reported in its own file.
        n.dpo.clone_from(&customer.dpo);
        n.open_controller = None;
    }
    // What the customer states wins over what the service assumed.
    if customer.representative.is_some() {
        n.representative.clone_from(&customer.representative);
    }
    if customer.dpo.is_some() {
        n.dpo.clone_from(&customer.dpo);
    }
    if customer.contact.is_some() {
        n.contact.clone_from(&customer.contact);
    }
    if customer.languages.is_some() {
        n.languages.clone_from(&customer.languages);
    }
    if customer.supervisory_authority.is_some() {
        n.supervisory_authority
            .clone_from(&customer.supervisory_authority);
    }
    for a in customer.additions.iter().filter(|a| {
        a.service.as_ref().is_some_and(|s| {
            Some(s.value.as_str()) == service.id.as_ref().map(|i| i.value.as_str())
        })
    }) {
        for statement in &a.purposes {
            state_purpose(&mut n, statement);
        }
        append(&mut n.data_categories, &a.data_categories, a.span.clone());
        append(&mut n.recipients, &a.recipients, a.span.clone());
        n.access_roles.extend(a.access_roles.iter().cloned());
        append(&mut n.retention, &a.retention, a.span.clone());
        if a.provision.is_some() {
            n.provision.clone_from(&a.provision);
        }
        if a.supervisory_authority.is_some() {
            n.supervisory_authority.clone_from(&a.supervisory_authority);
        }
    }
    n.invalid.extend(customer.invalid.iter().cloned());
    n
}

/// A customer's statement of a service's purpose: each key it sets replaces
/// the service's, and the purpose is then reported at the statement, in the
/// customer's file, which is where it can be fixed. A statement naming no
/// purpose of the service is reported by `lint::customer` (`Q011`).
fn state_purpose(n: &mut Notice, statement: &crate::model::PurposeStatement) {
    let Some(id) = &statement.purpose else {
        return;
    };
    let Some(purposes) = n.purposes.as_mut() else {
        return;
    };
    let Some(p) = purposes
        .value
        .iter_mut()
        .find(|p| p.id.as_ref().is_some_and(|i| i.value == id.value))
    else {
        return;
    };
    p.span = statement.span.clone();
    if statement.legal_basis.is_some() {
        p.legal_basis.clone_from(&statement.legal_basis);
        // The service's law and interests were for its own basis.
        p.law = None;
        p.legitimate_interests = None;
        p.withdrawal = None;
    }
    for (own, stated) in [
        (&mut p.law, &statement.law),
        (&mut p.legitimate_interests, &statement.legitimate_interests),
        (&mut p.withdrawal, &statement.withdrawal),
    ] {
        if stated.is_some() {
            own.clone_from(stated);
        }
    }
}

fn append<T: Clone>(list: &mut Option<Located<Vec<T>>>, more: &[T], span: crate::source::Span) {
    if more.is_empty() {
        return;
    }
    match list {
        Some(l) => l.value.extend(more.iter().cloned()),
        None => *list = Some(Located::new(more.to_vec(), span)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Fragment `f{i}` extending `f{i + 1}` for each i below `n - 1`, the
    /// last extending `last` when given; the `extends` of `f{i}` at
    /// 1000 * i + 10.
    fn chain(n: usize, last: Option<&str>) -> Vec<Notice> {
        (0..n)
            .map(|i| {
                let at = 1000 * i;
                let target = if i + 1 < n {
                    Some(format!("f{}", i + 1))
                } else {
                    last.map(str::to_string)
                };
                Notice {
                    span: at..at + 900,
                    id: Some(Located::new(format!("f{i}"), at..at + 5)),
                    fragment: Some(Located::new(true, at + 5..at + 9)),
                    extends: target.map(|t| Located::new(t, at + 10..at + 20)),
                    title: (i == n - 1).then(|| crate::model::Text {
                        neutral: Some(Located::new("shared".to_string(), at + 30..at + 38)),
                        ..Default::default()
                    }),
                    ..Default::default()
                }
            })
            .collect()
    }

    fn notice_extending(target: &str) -> Notice {
        let at = 100_000_000;
        Notice {
            span: at..at + 900,
            id: Some(Located::new("register".to_string(), at..at + 5)),
            extends: Some(Located::new(target.to_string(), at + 10..at + 20)),
            ..Default::default()
        }
    }

    #[test]
    fn defect_10_fragment_chains_are_bounded() {
        // 10,000 fragments in one chain, and a notice at its head: before,
        // the walk along the chain looked through the chain at every step
        // (and each fragment walked its own), which did not finish.
        let mut notices = chain(10_000, None);
        notices.push(notice_extending("f0"));
        let started = std::time::Instant::now();
        let (composed, diagnostics) = compose(notices);
        assert!(started.elapsed().as_secs() < 5, "{:?}", started.elapsed());
        // The notice's chain and the chain from `f0`, which no fragment
        // extends, are the same: one diagnostic, at the `extends` of the
        // 16th fragment.
        assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
        let d = &diagnostics[0];
        assert_eq!(d.code, "L011");
        assert_eq!(d.span, 15_010..15_020);
        assert_eq!(d.message, "the chain of fragments is longer than 16");
        assert_eq!(
            d.label.as_deref(),
            Some("`f16` would be fragment 17 of the chain")
        );
        assert!(
            d.help
                .as_deref()
                .is_some_and(|h| h.starts_with("merge fragments"))
        );
        // The notice takes nothing from a chain that is refused.
        assert_eq!(composed.len(), 1);
        assert!(composed[0].title.is_none());

        // Fragments alone: the same, found from the fragment no other
        // fragment extends.
        let (_, diagnostics) = compose(chain(10_000, None));
        assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
        assert_eq!(
            (diagnostics[0].code.code, diagnostics[0].span.clone()),
            (crate::bind::L011.code, 15_010..15_020)
        );

        // A circle of 10,000 fragments: reported once, at the `extends`
        // back to the first.
        let (_, diagnostics) = compose(chain(10_000, Some("f0")));
        assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
        let d = &diagnostics[0];
        assert_eq!(
            (d.code.code, d.span.clone()),
            ("L009", 9_999_010..9_999_020)
        );
        assert_eq!(
            d.message,
            "`f0` extends itself through a chain of 10000 fragments"
        );
    }

    #[test]
    fn chains_of_up_to_sixteen_fragments_are_composed() {
        let mut notices = chain(MAX_CHAIN, None);
        notices.push(notice_extending("f0"));
        let (composed, diagnostics) = compose(notices);
        assert!(diagnostics.is_empty(), "{diagnostics:#?}");
        // The title of the last fragment reaches the notice.
        assert!(composed[0].title.is_some());

        let mut notices = chain(MAX_CHAIN + 1, None);
        notices.push(notice_extending("f0"));
        let (_, diagnostics) = compose(notices);
        let found: Vec<_> = diagnostics
            .iter()
            .map(|d| (d.code.code, d.span.clone()))
            .collect();
        assert_eq!(found, [("L011", 15_010..15_020)]);
    }

    #[test]
    fn short_circles_are_reported_at_every_extends() {
        // f0 -> f1 -> f2 -> f0, and a notice extending f1.
        let mut notices = chain(3, Some("f0"));
        notices.push(notice_extending("f1"));
        let (_, diagnostics) = compose(notices);
        let found: Vec<_> = diagnostics
            .iter()
            .map(|d| (d.code.code, d.span.clone(), d.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "L009",
                    10..20,
                    "`f1` is already part of this chain of fragments"
                ),
                (
                    "L009",
                    1_010..1_020,
                    "`f2` extends itself through this chain"
                ),
                (
                    "L009",
                    2_010..2_020,
                    "`f0` extends itself through this chain"
                ),
            ]
        );
    }

    /// A customer states its own basis for a service's purpose: the basis
    /// replaces the service's, the law written for the service's basis goes,
    /// and the purpose is reported at the statement, in the customer's file.
    #[test]
    fn a_customer_statement_replaces_the_purpose_basis_and_moves_its_span() {
        use crate::model::{Addition, Customer, LegalBasis, Purpose, PurposeStatement, Text};
        let law = Text {
            neutral: Some(Located::new("Perusopetuslaki (628/1998)".into(), 40..60)),
            ..Default::default()
        };
        let service = Notice {
            id: Some(Located::new("service".into(), 0..7)),
            open_controller: Some(8..16),
            purposes: Some(Located::new(
                vec![
                    Purpose {
                        span: 20..80,
                        id: Some(Located::new("accounts".into(), 25..33)),
                        legal_basis: Some(Located::new(LegalBasis::PublicTask, 34..39)),
                        law: Some(law.clone()),
                        ..Default::default()
                    },
                    Purpose {
                        span: 90..150,
                        id: Some(Located::new("logs".into(), 95..99)),
                        legal_basis: Some(Located::new(LegalBasis::LegalObligation, 100..110)),
                        law: Some(law),
                        ..Default::default()
                    },
                ],
                20..150,
            )),
            ..Default::default()
        };
        let customer = Customer {
            span: 1000..2000,
            additions: vec![Addition {
                span: 1100..1300,
                service: Some(Located::new("service".into(), 1110..1117)),
                purposes: vec![PurposeStatement {
                    span: 1200..1250,
                    purpose: Some(Located::new("accounts".into(), 1210..1218)),
                    legal_basis: Some(Located::new(LegalBasis::Contract, 1220..1230)),
                    ..Default::default()
                }],
                ..Default::default()
            }],
            ..Default::default()
        };
        let bound = bind(&service, &customer);
        let p = bound.purposes();
        assert_eq!(p[0].span, 1200..1250);
        assert_eq!(
            p[0].legal_basis.as_ref().map(|b| b.value),
            Some(LegalBasis::Contract)
        );
        assert!(p[0].law.is_none());
        // The purpose the customer does not state stays the service's.
        assert_eq!(p[1].span, 90..150);
        assert!(p[1].law.is_some());
    }
}
