//! Restrictions of the data subject's rights and exemptions from informing:
//! each must say which right, on what ground and under which law, and the
//! ground must allow limiting that right.

use super::{Annotate, Ctx};
use crate::diagnostic::rule;
use crate::model::{LimitedRight, RestrictionGround};

rule! {
    G040 "restriction-stated" Error "Art. 23(2), 89(2), 14(5)",
    "A restriction of a right does not say which right, on what ground or under which law.",
    "A notice may say that a right is limited in its register: by a national law (Art. 23, in \
Finland e.g. Tietosuojalaki 1050/2018, 31-34 §), for scientific or historical research or \
statistics (Art. 89(2)), for archiving in the public interest (Art. 89(3)), or that the person \
is not informed individually (Art. 14(5)). Each `[[restrictions]]` entry names the `right`, \
the `ground` and the `law` that sets the limit: a limit that rests on no law is no limit, and \
a research purpose that restricts rights without the law is unlawful. Only the \
disproportionate-effort exemption (Art. 14(5)(b)) rests on the facts instead; it needs a \
`description` of why informing each person is not possible.\n\nFix: add the missing `right`, \
`ground` or `law` (with the section, e.g. `Tietosuojalaki (1050/2018) 31 §`).";

    G041 "restriction-scope" Error "Art. 89(2), 89(3), 14(5)",
    "The ground given does not allow limiting that right.",
    "The GDPR says which rights each ground may limit: research and statistics may derogate \
only from the rights of access, rectification, restriction and objection (Art. 89(2)); \
archiving in the public interest from those and portability (Art. 89(3)), not from erasure; \
the exemptions of Art. 14(5) concern only the duty to inform, and only for data not obtained \
from the person. A restriction outside that scope misleads the reader about a right they \
have.\n\nFix: choose the ground that the law really gives for that right, or remove the \
restriction.";
}

/// G040, G041.
pub fn restrictions(cx: &mut Ctx<'_>) {
    let n = cx.notice;
    for r in &n.restrictions {
        for key in ["right", "ground"] {
            let missing = match key {
                "right" => r.right.is_none(),
                _ => r.ground.is_none(),
            };
            if missing && n.absent(&r.span, key) {
                cx.report(
                    G040,
                    r.span.clone(),
                    format!("a restriction does not say its `{key}`"),
                )
                .label(format!("this restriction needs `{key}`"))
                .help(match key {
                    "right" => format!(
                        "add `right = \"...\"` with one of: {}",
                        LimitedRight::codes().join(", ")
                    ),
                    _ => format!(
                        "add `ground = \"...\"` with one of: {}",
                        RestrictionGround::codes().join(", ")
                    ),
                });
            }
        }
        let ground = r.ground.as_ref().map(|g| g.value);
        let needs_law = ground != Some(RestrictionGround::DisproportionateEffort);
        if needs_law && r.law.is_none() && n.absent(&r.span, "law") {
            cx.report(G040, r.span.clone(), "a restriction does not name the law that sets it")
                .label("this restriction needs `law`")
                .help("name the act and its section, e.g. `law = { fi = \"Tietosuojalaki (1050/2018) 31 §\", ... }`");
        }
        if !needs_law && r.description.is_none() && n.absent(&r.span, "description") {
            cx.report(G040, r.span.clone(), "an exemption for disproportionate effort does not say why")
                .label("this exemption needs `description`")
                .help("say why informing each person is impossible or would take disproportionate effort, and how the information is made public instead");
        }
        let (Some(right), Some(ground)) = (&r.right, &r.ground) else {
            continue;
        };
        let problem = match (ground.value, right.value) {
            (g, LimitedRight::Information) if !g.is_exemption() => Some(format!(
                "`{}` limits a right; the duty to inform is exempted only by disproportionate-effort, required-by-law or professional-secrecy (Art. 14(5))",
                g.code()
            )),
            (g, r) if g.is_exemption() && r != LimitedRight::Information => Some(format!(
                "`{}` exempts from informing (Art. 14(5)), not from the right `{}`",
                g.code(),
                r.code()
            )),
            (g, _) if g.is_exemption() && !n.art14() => Some(
                "Art. 14(5) exempts only for data not obtained from the person, and the notice says the data comes from the person".to_string(),
            ),
            (RestrictionGround::ResearchStatistics, r) if !r.research_may_limit() => Some(format!(
                "research and statistics may not limit the right `{}` (Art. 89(2) allows access, rectification, restriction and objection)",
                r.code()
            )),
            (RestrictionGround::Archiving, r) if !r.archiving_may_limit() => Some(format!(
                "archiving may not limit the right `{}` (Art. 89(3))",
                r.code()
            )),
            _ => None,
        };
        if let Some(message) = problem {
            cx.report(G041, ground.span.clone(), message)
                .label("this ground does not allow it")
                .help("choose the ground the law gives for this right, or remove the restriction");
        }
    }
}
