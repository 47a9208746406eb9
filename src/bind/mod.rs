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

use std::collections::HashMap;

use crate::diagnostic::Diagnostic;
use crate::model::{Customer, Located, Notice};

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

/// Applies `extends` to every notice. Returns the notices to check and
/// publish (fragments left out) and the problems found: unknown fragments
/// and cycles.
pub fn compose(notices: Vec<Notice>) -> (Vec<Notice>, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let by_id: HashMap<String, &Notice> = notices
        .iter()
        .filter_map(|n| n.id.as_ref().map(|id| (id.value.clone(), n)))
        .collect();
    let fragment_ids: Vec<&str> = notices
        .iter()
        .filter(|n| n.is_fragment())
        .filter_map(|n| n.id.as_ref().map(|i| i.value.as_str()))
        .collect();
    let mut composed = Vec::new();
    for n in &notices {
        if n.is_fragment() {
            continue;
        }
        // The chain of fragments from the notice outwards.
        let mut chain: Vec<&Notice> = Vec::new();
        let mut next = n.extends.as_ref();
        let mut broken = false;
        while let Some(target) = next {
            match by_id.get(target.value.as_str()) {
                Some(base) if base.is_fragment() => {
                    if chain.iter().any(|c| std::ptr::eq(*c, *base)) {
                        diagnostics.push(
                            Diagnostic::new(
                                "L009",
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
                    chain.push(base);
                    next = base.extends.as_ref();
                }
                found => {
                    let mut d = Diagnostic::new(
                        "Q011",
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
        let mut notice = n.clone();
        if !broken {
            for base in chain {
                inherit(&mut notice, base);
            }
        }
        composed.push(notice);
    }
    // Cycles between fragments that no notice extends are still errors.
    for f in notices.iter().filter(|n| n.is_fragment()) {
        let mut seen = vec![f as *const Notice];
        let mut next = f.extends.as_ref();
        while let Some(target) = next {
            let Some(base) = by_id.get(target.value.as_str()) else {
                break;
            };
            if seen.contains(&(*base as *const Notice)) {
                if std::ptr::eq(*base, f) {
                    diagnostics.push(
                        Diagnostic::new(
                            "L009",
                            target.span.clone(),
                            format!("`{}` extends itself through this chain", f.id_str()),
                        )
                        .label("this `extends` closes a circle")
                        .help("remove one `extends` of the circle, or merge the fragments"),
                    );
                }
                break;
            }
            seen.push(*base);
            next = base.extends.as_ref();
        }
    }
    diagnostics.sort_by_key(|d| d.span.start);
    diagnostics.dedup_by(|a, b| a.span == b.span && a.code == b.code);
    (composed, diagnostics)
}

/// Fills every top-level item `n` does not set from `base`.
fn inherit(n: &mut Notice, base: &Notice) {
    fn take<T: Clone>(own: &mut Option<T>, base: &Option<T>) {
        if own.is_none() {
            own.clone_from(base);
        }
    }
    fn take_list<T: Clone>(own: &mut Vec<T>, base: &[T]) {
        if own.is_empty() {
            own.extend_from_slice(base);
        }
    }
    take(&mut n.title, &base.title);
    take(&mut n.description, &base.description);
    take(&mut n.version, &base.version);
    take(&mut n.updated, &base.updated);
    take(&mut n.languages, &base.languages);
    take(&mut n.collected_from, &base.collected_from);
    take(&mut n.supervisory_authority, &base.supervisory_authority);
    if n.controller.is_none() && n.open_controller.is_none() {
        take(&mut n.controller, &base.controller);
        take(&mut n.open_controller, &base.open_controller);
    }
    take(&mut n.representative, &base.representative);
    take(&mut n.processor, &base.processor);
    take(&mut n.contact, &base.contact);
    take(&mut n.dpo, &base.dpo);
    take(&mut n.purposes, &base.purposes);
    take_list(&mut n.data_subjects, &base.data_subjects);
    take(&mut n.data_categories, &base.data_categories);
    take(&mut n.sources, &base.sources);
    take(&mut n.recipients, &base.recipients);
    take_list(&mut n.transfers, &base.transfers);
    take(&mut n.retention, &base.retention);
    take(&mut n.provision, &base.provision);
    take(&mut n.automated_decisions, &base.automated_decisions);
    take(&mut n.rights, &base.rights);
    take(&mut n.security, &base.security);
    take(&mut n.cookies, &base.cookies);
    take_list(&mut n.access_roles, &base.access_roles);
    take_list(&mut n.related, &base.related);
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
        append(&mut n.recipients, &a.recipients, a.span.clone());
        n.access_roles.extend(a.access_roles.iter().cloned());
        append(&mut n.retention, &a.retention, a.span.clone());
    }
    n.invalid.extend(customer.invalid.iter().cloned());
    n
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

/// Problems in a customer file itself: what it must supply, and references
/// to services and additions that do not exist.
pub fn check_customer(customer: &Customer, services: &[Notice]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let c = customer;
    let top = c.span.clone();
    let absent = |key: &str| !c.invalid.iter().any(|(s, k)| *s == top.start && *k == key);
    if c.id.is_none() && absent("id") {
        out.push(
            Diagnostic::new("Q001", top.clone(), "the customer has no `id`")
                .label("add `id` at the top of this file")
                .help("e.g. `id = \"esimerkkila\"`: it names the customer's bundle"),
        );
    }
    if let Some(id) = &c.id
        && !crate::lint::quality::is_valid_id(&id.value)
    {
        out.push(
            Diagnostic::new(
                "Q012",
                id.span.clone(),
                format!("`{}` is not a valid id", id.value),
            )
            .label("lower-case letters, digits and hyphens only")
            .help("the id names the customer's bundle folder and zip; e.g. `esimerkkila`"),
        );
    }
    if c.languages.is_none() && absent("languages") {
        out.push(
            Diagnostic::new("Q001", top.clone(), "the customer has no `languages`")
                .label("add `languages` at the top of this file")
                .help("e.g. `languages = [\"fi\", \"sv\"]` for a bilingual municipality, primary language first"),
        );
    }
    if c.controller.is_none() && absent("controller") {
        out.push(
            Diagnostic::new("G001", top.clone(), "the customer file does not describe the controller")
                .label("no [controller] table in this file")
                .help("add a [controller] table with `name`, `public_authority` and contact details: the customer is the controller of its registers"),
        );
    }
    let ids: Vec<&str> = services
        .iter()
        .filter_map(|s| s.id.as_ref())
        .map(|i| i.value.as_str())
        .collect();
    match &c.services {
        None if absent("services") => out.push(
            Diagnostic::new("Q001", top.clone(), "the customer uses no services")
                .label("add `services` at the top of this file")
                .help("list the ids of the service notices the customer uses, e.g. `services = [\"opinsys-user-management\"]`"),
        ),
        _ => {}
    }
    let used: Vec<&str> = c.service_ids().iter().map(|s| s.value.as_str()).collect();
    let unknown = |id: &crate::model::Id, what: &str| {
        let mut d = Diagnostic::new(
            "Q011",
            id.span.clone(),
            format!("no service notice has the id `{}`", id.value),
        )
        .help(format!(
            "{what} names a notice among the service paths given to `seloste bundle`"
        ));
        d = match crate::load::decode::did_you_mean(&id.value, &ids) {
            Some(s) => d.label(format!("did you mean `{s}`?")),
            None => d.label("unknown service"),
        };
        d
    };
    for s in c.service_ids() {
        if !ids.contains(&s.value.as_str()) {
            out.push(unknown(s, "`services`"));
        }
    }
    for a in &c.additions {
        let Some(s) = &a.service else {
            out.push(
                Diagnostic::new(
                    "Q001",
                    a.span.clone(),
                    "the additions do not say which service they belong to",
                )
                .label("needs `service`")
                .help("add `service = \"<id of a service in `services`>\"`"),
            );
            continue;
        };
        if !ids.contains(&s.value.as_str()) {
            out.push(unknown(s, "`service`"));
        } else if !used.contains(&s.value.as_str()) {
            out.push(
                Diagnostic::new(
                    "Q011",
                    s.span.clone(),
                    format!("the customer does not use `{}`", s.value),
                )
                .label("not in `services`")
                .help("add the service to `services`, or remove these additions"),
            );
        }
    }
    if let Some(colour) = c.branding.as_ref().and_then(|b| b.colour.as_ref()) {
        out.extend(check_brand_colour(colour));
    }
    out
}

/// L007 for a brand colour that is not `#rrggbb`, Q015 for one too light
/// for the white header text.
fn check_brand_colour(colour: &Located<String>) -> Option<Diagnostic> {
    if !crate::render::resolve::is_colour(&colour.value) {
        return Some(
            Diagnostic::new(
                "L007",
                colour.span.clone(),
                format!("`{}` is not a colour", colour.value),
            )
            .label("expected #rrggbb")
            .help("write the brand colour as six hex digits, e.g. \"#005a9c\""),
        );
    }
    let rgb = Rgb::parse(&colour.value)?;
    let contrast = rgb.contrast_with_white();
    if contrast >= MIN_CONTRAST {
        return None;
    }
    let mut d = Diagnostic::new(
        "Q015",
        colour.span.clone(),
        format!(
            "white text on `{}` has a contrast of {contrast:.1}:1; WCAG 2.1 AA needs {MIN_CONTRAST}:1",
            colour.value
        ),
    )
    .label("too light for the white header text");
    if let Some(darker) = rgb.lightest_passing_shade() {
        d = d.help(format!(
            "use a darker shade, e.g. \"{darker}\" (the same hue, contrast {:.1}:1)",
            darker.contrast_with_white()
        ));
    }
    Some(d)
}

/// The contrast WCAG 2.1 AA asks of normal text (success criterion 1.4.3).
const MIN_CONTRAST: f64 = 4.5;

/// A `#rrggbb` colour.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Rgb([u8; 3]);

impl Rgb {
    fn parse(s: &str) -> Option<Rgb> {
        let hex = s.strip_prefix('#').filter(|h| h.len() == 6)?;
        let channel = |i: usize| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok();
        Some(Rgb([channel(0)?, channel(2)?, channel(4)?]))
    }

    /// Relative luminance, as WCAG defines it from sRGB.
    fn luminance(self) -> f64 {
        let linear = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        let [r, g, b] = self.0;
        0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
    }

    fn contrast_with_white(self) -> f64 {
        1.05 / (self.luminance() + 0.05)
    }

    /// The lightest shade of this colour (its channels scaled down alike)
    /// that white text passes on.
    fn lightest_passing_shade(self) -> Option<Rgb> {
        (0..=100).rev().find_map(|percent| {
            let scale = |c: u8| (u32::from(c) * percent / 100) as u8;
            let shade = Rgb(self.0.map(scale));
            (shade.contrast_with_white() >= MIN_CONTRAST).then_some(shade)
        })
    }
}

impl std::fmt::Display for Rgb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let [r, g, b] = self.0;
        write!(f, "#{r:02x}{g:02x}{b:02x}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contrast_matches_known_wcag_values() {
        let white = Rgb::parse("#ffffff").unwrap();
        let black = Rgb::parse("#000000").unwrap();
        assert!((black.contrast_with_white() - 21.0).abs() < 0.01);
        assert!((white.contrast_with_white() - 1.0).abs() < 0.01);
        // #767676 is the classic lightest grey that passes on white.
        assert!(Rgb::parse("#767676").unwrap().contrast_with_white() >= MIN_CONTRAST);
        assert!(Rgb::parse("#777777").unwrap().contrast_with_white() < MIN_CONTRAST);
    }

    #[test]
    fn a_suggested_shade_passes_and_keeps_the_hue() {
        let light = Rgb::parse("#7fb3e0").unwrap();
        let shade = light.lightest_passing_shade().unwrap();
        assert!(shade.contrast_with_white() >= MIN_CONTRAST);
        let [r, g, b] = shade.0;
        assert!(r < g && g < b, "{shade}");
        assert_eq!(Rgb::parse(&shade.to_string()), Some(shade));
    }

    #[test]
    fn malformed_colours_do_not_parse() {
        for bad in ["", "#fff", "005a9c", "#05a9cg", "#ääää"] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
    }
}
