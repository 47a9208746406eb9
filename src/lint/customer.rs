//! Rules on a vendor's customer file itself: what a customer must supply
//! (id, languages, controller, services), references to services and
//! additions that do not exist, and its brand colour. The services bound to
//! the customer are checked like any notice by the other rules.

use crate::bind::Q011;
use crate::diagnostic::{Diagnostic, rule};
use crate::lint::gdpr::G001;
use crate::lint::quality::{Q001, Q012};
use crate::load::decode::{L007, did_you_mean};
use crate::model::{Customer, Located, Notice};

rule! {
    Q015 "brand-contrast" Error "Art. 12(1); WCAG 2.1 SC 1.4.3",
    "A customer's brand colour is too light for the white header text.",
    "A bundle's pages show the customer's name and the notice title in white on the brand \
colour. Art. 12(1) asks for information in an easily accessible form, and public bodies in \
Finland must meet WCAG 2.1 level AA (laki digitaalisten palvelujen tarjoamisesta 306/2019), \
which needs a contrast of at least 4.5:1 for text (success criterion 1.4.3). seloste computes \
the contrast of white on the colour from their relative luminance. Fix: use a darker shade of \
the colour; the diagnostic suggests the lightest shade of the same hue that passes.";
}

/// Problems in a customer file itself: what it must supply, and references
/// to services and additions that do not exist.
pub fn check(customer: &Customer, services: &[Notice]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let c = customer;
    let top = c.span.clone();
    let absent = |key: &str| !c.invalid.iter().any(|(s, k)| *s == top.start && *k == key);
    if c.id.is_none() && absent("id") {
        out.push(
            Diagnostic::new(Q001, top.clone(), "the customer has no `id`")
                .label("add `id` at the top of this file")
                .help("e.g. `id = \"esimerkkila\"`: it names the customer's bundle"),
        );
    }
    if let Some(id) = &c.id
        && !crate::model::is_valid_id(&id.value)
    {
        out.push(
            Diagnostic::new(
                Q012,
                id.span.clone(),
                format!("`{}` is not a valid id", id.value),
            )
            .label("lower-case letters, digits and hyphens only")
            .help("the id names the customer's bundle folder and zip; e.g. `esimerkkila`"),
        );
    }
    if c.languages.is_none() && absent("languages") {
        out.push(
            Diagnostic::new(Q001, top.clone(), "the customer has no `languages`")
                .label("add `languages` at the top of this file")
                .help("e.g. `languages = [\"fi\", \"sv\"]` for a bilingual municipality, primary language first"),
        );
    }
    if c.controller.is_none() && absent("controller") {
        out.push(
            Diagnostic::new(G001, top.clone(), "the customer file does not describe the controller")
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
            Diagnostic::new(Q001, top.clone(), "the customer uses no services")
                .label("add `services` at the top of this file")
                .help("list the ids of the service notices the customer uses, e.g. `services = [\"opinsys-user-management\"]`"),
        ),
        _ => {}
    }
    let used: Vec<&str> = c.service_ids().iter().map(|s| s.value.as_str()).collect();
    let unknown = |id: &crate::model::Id, what: &str| {
        let mut d = Diagnostic::new(
            Q011,
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
                    Q001,
                    a.span.clone(),
                    "the additions do not say which service they belong to",
                )
                .label("needs `service`")
                .help("add `service = \"<id of a service in `services`>\"`"),
            );
            continue;
        };
        if let Some(service) = services
            .iter()
            .find(|n| n.id.as_ref().is_some_and(|i| i.value == s.value))
        {
            check_statements(a, service, &mut out);
        }
        if !ids.contains(&s.value.as_str()) {
            out.push(unknown(s, "`service`"));
        } else if !used.contains(&s.value.as_str()) {
            out.push(
                Diagnostic::new(
                    Q011,
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

/// Each purpose statement names a purpose of its service.
fn check_statements(a: &crate::model::Addition, service: &Notice, out: &mut Vec<Diagnostic>) {
    let known: Vec<&str> = service
        .purposes()
        .iter()
        .filter_map(|p| p.id.as_ref().map(|i| i.value.as_str()))
        .collect();
    for statement in &a.purposes {
        let Some(id) = &statement.purpose else {
            out.push(
                Diagnostic::new(
                    Q001,
                    statement.span.clone(),
                    "the statement does not say which purpose of the service it is about",
                )
                .label("needs `purpose`")
                .help(format!(
                    "add `purpose = \"<id>\"` with the id of one of the service's purposes: {}",
                    known.join(", ")
                )),
            );
            continue;
        };
        if known.contains(&id.value.as_str()) {
            continue;
        }
        let d = Diagnostic::new(
            Q011,
            id.span.clone(),
            format!("`{}` is not a purpose of `{}`", id.value, service.id_str()),
        )
        .help(format!("the service's purposes are: {}", known.join(", ")));
        out.push(match did_you_mean(&id.value, &known) {
            Some(best) => d.label(format!("did you mean `{best}`?")),
            None => d.label("unknown purpose"),
        });
    }
}

/// L007 for a brand colour that is not `#rrggbb`, Q015 for one too light
/// for the white header text.
pub fn check_brand_colour(colour: &Located<String>) -> Option<Diagnostic> {
    if !crate::model::is_colour(&colour.value) {
        return Some(
            Diagnostic::new(
                L007,
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
        Q015,
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
