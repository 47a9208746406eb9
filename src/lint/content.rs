//! Rules that judge whether an item says something: an item that is there
//! but empty, a default the law makes matter (`public_authority`), a DPO
//! stated in the wrong notice, a transfer that does not name its country.
//!
//! The Art. 13/14 rules in `gdpr.rs` find what is absent; these find what is
//! present and still says nothing a reader can use.

use super::{Annotate, Ctx};
use crate::diagnostic::rule;

rule! {
    G035 "empty-item" Error "Art. 13(1)(c), 13(1)(e), 14(1)(d)",
    "A data category, data-subject group or recipient says nothing.",
    "An entry of a list must say what it stands for: a data category its `name` and its `items` \
(the categories of personal data, Art. 14(1)(d)), a data-subject group its `name`, a recipient \
its `name` (the recipients or categories of recipients, Art. 13(1)(e)). An entry without them \
renders as an empty heading or an empty row, and the reader learns nothing. A purpose without a \
`description` is reported by `G004`.\n\nFix: write the missing text in each language, or delete \
the entry.";

    G036 "public-authority-stated" Error "Art. 37(1)(a), 6(1) last subparagraph, 21(1)",
    "The controller does not say whether it is a public authority.",
    "Whether the controller is a public authority or body decides what the notice must say: a \
public authority must designate a data protection officer (Art. 37(1)(a)), cannot rely on \
legitimate interests for its tasks (Art. 6(1), last subparagraph) nor on the derogations of \
Art. 49(1)(a)-(c) (Art. 49(3)), and the right to object is worded from the public task. A \
default of \"no\" would let a municipality, school or university skip all of that unnoticed, \
so the controller must state it.\n\nFix: add `public_authority = true` to the `[controller]` \
table of a municipality, joint municipal authority, state agency, public school or university, \
`public_authority = false` to a company's or association's.";

    G037 "service-dpo" Error "Art. 13(1)(b), 14(1)(b), 37",
    "A service notice whose controller is each customer names a DPO.",
    "The data protection officer of Art. 13(1)(b) is the controller's. A vendor's service \
notice with `controller = \"customer\"` is published as each customer's notice, so a `[dpo]` \
written in the service would be printed as every customer's DPO, and would stand in for a \
customer that has not designated one. The vendor's own contact belongs in `[processor]`.\n\n\
Fix: move the vendor's details to `[processor]`, and give each customer's DPO in its customer \
file (`[dpo]`).";

    G038 "transfer-country" Error "Art. 13(1)(f), 14(1)(f)",
    "A transfer does not name the third country.",
    "Art. 13(1)(f) requires the notice to say that data is transferred to a third country; which \
country is what the reader needs to judge it, and the mechanism (an adequacy decision in \
particular) depends on it.\n\nFix: set `country` to the ISO 3166-1 code of the country the \
data goes to. If the recipient does not say where it processes the data, write \
`country_unknown = true` and what is known in `description` (a warning, `G039`).";

    G039 "transfer-country-unknown" Warning "Art. 13(1)(f), 14(1)(f)",
    "A transfer says its country is not known.",
    "`country_unknown = true` states that the controller does not know where the recipient \
processes the data. That is honest, and the rendered notice says so, but a reader cannot \
judge a transfer to an unknown place, and a controller is expected to know where its \
processors send data (Art. 28(3)(a)).\n\nFix: find out from the recipient (its data processing \
agreement usually lists the locations) and set `country`.";
}

/// G035: entries that say nothing.
pub fn empty_item(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    for c in n.data_categories() {
        for key in ["name", "items"] {
            let missing = match key {
                "name" => c.name.is_none(),
                _ => c.items.is_none(),
            };
            if missing && n.absent(&c.span, key) {
                cx.report(G035, c.span.clone(), format!("a data category has no `{key}`"))
                    .label(format!("this category needs `{key}`"))
                    .help(match key {
                        "name" => "name the category, e.g. `name = { fi = \"Yhteystiedot\", ... }`",
                        _ => "list the data items of the category in `items`, in each language (a Markdown list is fine)",
                    });
            }
        }
    }
    for s in &n.data_subjects {
        if s.name.is_none() && n.absent(&s.span, "name") {
            cx.report(G035, s.span.clone(), "a data-subject group has no `name`")
                .label("this group needs `name`")
                .help("name the group, e.g. pupils, guardians or staff, in each language");
        }
    }
    for r in n.recipients() {
        if r.name.is_none() && n.absent(&r.span, "name") {
            cx.report(G035, r.span.clone(), "a recipient has no `name`")
                .label("this recipient needs `name`")
                .help("name the recipient or the category of recipients, e.g. `name = \"Opetushallitus\"`");
        }
    }
}

/// G036: `public_authority` stated for every controller.
pub fn public_authority_stated(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    let Some(c) = &n.controller else {
        return;
    };
    if c.public_authority.is_some() || !n.absent(&c.span, "public_authority") {
        return;
    }
    cx.report(
        G036,
        c.span.clone(),
        "the controller does not say whether it is a public authority",
    )
    .label("this table needs `public_authority = true` or `false`")
    .help("a public authority must have a DPO, cannot use legitimate interests for its tasks and words the right to object from its public task: add `public_authority = true` for a municipality, school or university, `false` for a company");
}

/// G037: a DPO in a service notice whose controller is each customer.
pub fn service_dpo(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    let (Some(_), Some(dpo)) = (&n.open_controller, &n.dpo) else {
        return;
    };
    cx.report(
        G037,
        dpo.span.clone(),
        "a service notice names a DPO, but its controller is each customer",
    )
    .label("this would be printed as every customer's DPO")
    .help("move the vendor's contact to [processor]; each customer gives its own [dpo] in its customer file");
}

/// G038, G039: every transfer names its country, or says it is unknown.
pub fn transfer_country(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    for t in &n.transfers {
        if t.country.is_some() || !n.absent(&t.span, "country") {
            continue;
        }
        match &t.country_unknown {
            Some(u) if u.value => {
                cx.report(G039, u.span.clone(), "the transfer's country is not known")
                    .label("the notice will say the country is not known")
                    .help("ask the recipient where it processes the data and set `country`");
            }
            _ => {
                // The recipient's country, when the transfer names one.
                let hint = t
                    .recipient
                    .as_ref()
                    .and_then(|id| {
                        n.recipients()
                            .iter()
                            .find(|r| r.id.as_ref().is_some_and(|i| i.value == id.value))
                    })
                    .and_then(|r| r.country.as_ref())
                    .map(|c| format!("set `country = \"{}\"` (the recipient's country)", c.value))
                    .unwrap_or_else(|| {
                        "set `country` to the ISO 3166-1 code of the country the data goes to, or `country_unknown = true` if the recipient does not say".to_string()
                    });
                cx.report(
                    G038,
                    t.span.clone(),
                    "a transfer does not name the country the data goes to",
                )
                .label("this transfer needs `country`")
                .help(hint);
            }
        }
    }
}
