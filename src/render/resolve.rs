//! Resolution: a checked notice, one language and one format -> its view.
//!
//! This is where the compiler writes what the author does not: the official
//! wording of each legal basis, the rights that apply to the bases used
//! (GDPR reference, section 3), the objection right apart (Art. 21(4)), the
//! supervisory authority and its contact details, dates and durations in the
//! language's own style.

use fluent::FluentValue;
use pulldown_cmark::{Event, Parser, TagEnd};

use super::locale::Locales;
use super::markdown;
use super::view::*;
use crate::model::codes::Section;
use crate::model::format::{Kind, Record, TextKind, Value};
use crate::model::{
    Art9Condition, Date, Duration, Lang, LegalBasis, Notice, SourceKind, SupervisoryAuthority, Text,
};

/// An output format of a notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Format {
    Html,
    Print,
    Md,
    /// Made from print HTML by the `pdf` stage, not by a template.
    Pdf,
    /// The notice's body as an HTML fragment for a CMS page: no `<html>`,
    /// no `<style>`; its classes are styled by one stylesheet,
    /// [`super::FRAGMENT_STYLESHEET`], scoped to the fragment.
    Fragment,
}

impl Format {
    pub const ALL: [Format; 5] = [
        Format::Html,
        Format::Print,
        Format::Md,
        Format::Pdf,
        Format::Fragment,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Print => "print",
            Format::Md => "md",
            Format::Pdf => "pdf",
            Format::Fragment => "fragment",
        }
    }

    pub fn parse(s: &str) -> Option<Format> {
        Self::ALL.into_iter().find(|f| f.name() == s)
    }

    /// File extension of a notice in this format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Print => "print.html",
            Format::Md => "md",
            Format::Pdf => "pdf",
            Format::Fragment => "fragment.html",
        }
    }

    /// The template that renders a notice in this format.
    pub fn template(self) -> &'static str {
        match self {
            Format::Html => "notice.html",
            Format::Md => "notice.md",
            Format::Fragment => "notice.fragment.html",
            // The PDF is printed from the print HTML.
            Format::Print | Format::Pdf => "notice.print.html",
        }
    }
}

/// Contact details of the supervisory authorities seloste knows. Names and
/// addresses are localised in the Fluent files; these are the same in every
/// language except the web address.
struct AuthorityContact {
    phone: Option<&'static str>,
    email: Option<&'static str>,
    web: fn(&str) -> &'static str,
}

fn authority_contact(a: SupervisoryAuthority) -> AuthorityContact {
    match a {
        SupervisoryAuthority::Finland => AuthorityContact {
            phone: Some("+358 29 566 6700"),
            email: Some("tietosuoja@om.fi"),
            web: |lang| match lang {
                "sv" => "https://tietosuoja.fi/sv",
                "en" => "https://tietosuoja.fi/en",
                _ => "https://tietosuoja.fi",
            },
        },
        SupervisoryAuthority::Sweden => AuthorityContact {
            // Phone and e-mail are not confirmed in the project's reference.
            phone: None,
            email: None,
            web: |_| "https://www.imy.se",
        },
    }
}

pub struct Resolver<'a> {
    pub locales: &'a Locales,
    pub lang: &'a Lang,
    pub format: Format,
}

type Result<T> = anyhow::Result<T>;

impl Resolver<'_> {
    fn l(&self) -> &str {
        self.lang.as_str()
    }

    fn t(&self, key: &str) -> Result<String> {
        self.locales.get(self.l(), key)
    }

    fn t_args(&self, key: &str, args: &[(&str, FluentValue<'_>)]) -> Result<String> {
        self.locales.message(self.l(), key, args)
    }

    fn text(&self, t: &Option<Text>) -> Option<String> {
        t.as_ref()
            .and_then(|t| t.get(self.lang))
            .map(str::to_string)
    }

    /// Every localised text of `record` but the keys `except`, as
    /// templates receive them (see [`Texts`]).
    fn texts(&self, record: &dyn Record, except: &[&str]) -> Texts {
        let mut out = std::collections::BTreeMap::new();
        for (field, value) in record.layout().fields.iter().zip(record.values()) {
            let Value::Text(t) = value else {
                continue;
            };
            if except.contains(&field.key) {
                continue;
            }
            let shown = match field.kind {
                Kind::Text(TextKind::Prose) => self.markup_of(t).map(Shown::Markup),
                _ => self.text_of(t).map(Shown::Plain),
            };
            out.insert(field.key, shown);
        }
        Texts(out)
    }

    fn text_of(&self, t: Option<&Text>) -> Option<String> {
        t.and_then(|t| t.get(self.lang)).map(str::to_string)
    }

    fn markup_of(&self, t: Option<&Text>) -> Option<Markup> {
        let source = t.and_then(|t| t.get(self.lang))?;
        // Once per text and format in a process: a vendor's fleet repeats
        // the service's texts for every customer.
        static CONVERTED: crate::fingerprint::TextCache<String> =
            crate::fingerprint::TextCache::new();
        // Every format but Markdown takes HTML.
        let md = self.format == Format::Md;
        Some(Markup(CONVERTED.get_or(
            crate::fingerprint::of(&(md, source)),
            || {
                if md {
                    markdown::to_markdown(source)
                } else {
                    markdown::to_html(source)
                }
            },
        )))
    }

    pub fn date(&self, d: Date) -> Result<String> {
        let key = crate::fingerprint::of(&("date", self.l(), d));
        self.locales.remembered(key, || self.word_date(d))
    }

    fn word_date(&self, d: Date) -> Result<String> {
        let monthname = self.t(&format!("month-{}", d.month))?;
        self.t_args(
            "date",
            &[
                ("day", FluentValue::from(d.day.to_string())),
                ("month", FluentValue::from(d.month.to_string())),
                ("monthname", FluentValue::from(monthname)),
                ("year", FluentValue::from(d.year.to_string())),
            ],
        )
    }

    pub fn duration(&self, d: Duration) -> Result<String> {
        let key = crate::fingerprint::of(&("duration", self.l(), d));
        self.locales.remembered(key, || self.word_duration(d))
    }

    fn word_duration(&self, d: Duration) -> Result<String> {
        let mut parts = Vec::new();
        for (n, key) in [
            (d.years, "duration-years"),
            (d.months, "duration-months"),
            (d.weeks, "duration-weeks"),
            (d.days, "duration-days"),
        ] {
            if n > 0 {
                parts.push(self.t_args(key, &[("count", FluentValue::from(n))])?);
            }
        }
        Ok(parts.join(" "))
    }

    fn country(&self, c: &crate::model::Country) -> Result<String> {
        self.t(c.label_key())
    }

    /// The view of `n`. `languages` are those the notice is published in,
    /// for the links to the other versions.
    pub fn notice(&self, n: &Notice, languages: &[Lang], formats: &[Format]) -> Result<NoticeView> {
        let view = self.shared(n)?;
        self.finish(view, n, languages, formats)
    }

    /// Completes a view from its [`Resolver::shared`] part: the notice's own
    /// parties, the sections present and the links.
    pub fn finish(
        &self,
        mut view: NoticeView,
        n: &Notice,
        languages: &[Lang],
        formats: &[Format],
    ) -> Result<NoticeView> {
        let own = self.own(&view, n, languages, formats)?;
        own.apply(&mut view);
        Ok(view)
    }

    /// What [`Resolver::finish`] sets on the shared part `part` of the view
    /// of `n`: the notice's own parties ([`OWN_KEYS`]), the processor's
    /// statement and the summary's controller and contact, which name
    /// them, the customer's look, the sections present and the links.
    pub fn own(
        &self,
        part: &NoticeView,
        n: &Notice,
        languages: &[Lang],
        formats: &[Format],
    ) -> Result<OwnView> {
        let controller_name = n.controller.as_ref().and_then(|c| self.text(&c.name));
        let mut processor = part.processor.clone();
        if let Some(p) = &mut processor {
            p.statement = match (p.texts.get("name"), &controller_name) {
                (Some(pn), Some(cn)) => Some(self.t_args(
                    "processor-statement",
                    &[
                        ("processor", FluentValue::from(pn.to_string())),
                        ("controller", FluentValue::from(cn.clone())),
                    ],
                )?),
                _ => None,
            };
        }
        let mut summary = part.summary.clone();
        summary.contact = part
            .rights_how
            .email
            .clone()
            .or_else(|| {
                n.dpo
                    .as_ref()
                    .and_then(|d| d.email.as_ref())
                    .map(|e| e.value.clone())
            })
            .or_else(|| {
                n.controller
                    .as_ref()
                    .and_then(|c| c.email.as_ref())
                    .map(|e| e.value.clone())
            });
        summary.controller = controller_name;
        let (format, alternates, format_links) = self.links(n, languages, formats)?;
        let mut own = OwnView {
            format,
            alternates,
            formats: format_links,
            brand_colour: n
                .branding
                .as_ref()
                .and_then(|b| b.colour.as_ref())
                .map(|c| c.value.clone())
                .filter(|c| is_colour(c)),
            logo: n
                .branding
                .as_ref()
                .and_then(|b| b.logo_file.as_ref())
                .map(|(name, _)| format!("../{name}")),
            sections: Vec::new(),
            summary,
            controller: n
                .controller
                .as_ref()
                .map(|c| {
                    self.party(
                        c,
                        c.email.as_ref(),
                        c.phone.as_ref(),
                        c.web.as_ref(),
                        c.business_id.as_ref(),
                        c.country.as_ref(),
                    )
                })
                .transpose()?,
            representative: n
                .representative
                .as_ref()
                .map(|p| self.other_party(p))
                .transpose()?,
            processor,
            contact: n.contact.as_ref().map(|c| self.contact(c)),
            dpo: n.dpo.as_ref().map(|c| self.contact(c)),
            related: part.related.clone(),
        };
        self.link_related(&mut own.related);
        own.sections = self.sections(part, &own)?;
        Ok(own)
    }

    /// Everything of the view of `n` that reads none of [`OWN_KEYS`]: a
    /// function of the other keys alone (see [`shared_key`]). Its own
    /// parties, sections and links are left empty for
    /// [`Resolver::finish`].
    pub fn shared(&self, n: &Notice) -> Result<NoticeView> {
        let automated_used = n
            .automated_decisions
            .as_ref()
            .and_then(|a| a.used.as_ref())
            .is_some_and(|u| u.value);

        let purposes = n
            .purposes()
            .iter()
            .map(|p| {
                let basis = p.legal_basis.as_ref().map(|b| b.value);
                Ok(PurposeView {
                    texts: self.texts(p, &[]),
                    id: p.id.as_ref().map(|i| i.value.clone()),
                    basis: basis.map(|b| self.t(b.label_key())).transpose()?,
                    basis_ref: basis.map(|b| self.t(b.reference_key())).transpose()?,
                    special_condition: p
                        .special_category_condition
                        .as_ref()
                        .map(|c| self.t(c.value.label_key()))
                        .transpose()?,
                    consent: basis == Some(LegalBasis::Consent)
                        || p.special_category_condition
                            .as_ref()
                            .is_some_and(|c| c.value == Art9Condition::ExplicitConsent),
                })
            })
            .collect::<Result<Vec<_>>>()?;

        let data_categories = n
            .data_categories()
            .iter()
            .map(|c| {
                Ok(CategoryView {
                    texts: self.texts(c, &[]),
                    id: c.id.as_ref().map(|i| i.value.clone()),
                    special: c
                        .special_category
                        .as_ref()
                        .map(|s| self.t(s.value.label_key()))
                        .transpose()?,
                    criminal: c.criminal_offences.as_ref().is_some_and(|f| f.value),
                    editable: c.editable_by_subject.as_ref().is_some_and(|f| f.value),
                })
            })
            .collect::<Result<Vec<_>>>()?;

        let name_of = |id: &str| -> Option<String> {
            n.purposes()
                .iter()
                .find(|p| p.id.as_ref().is_some_and(|i| i.value == id))
                .and_then(|p| {
                    self.text(&p.summary)
                        .filter(|s| !s.trim().is_empty())
                        .or_else(|| self.text(&p.description).map(|d| first_sentence(&d)))
                })
                .or_else(|| {
                    n.data_categories()
                        .iter()
                        .find(|c| c.id.as_ref().is_some_and(|i| i.value == id))
                        .and_then(|c| self.text(&c.name))
                })
        };

        let recipients = n
            .recipients()
            .iter()
            .map(|r| {
                Ok(RecipientView {
                    texts: self.texts(r, &[]),
                    id: r.id.as_ref().map(|i| i.value.clone()),
                    role: r
                        .role
                        .as_ref()
                        .map(|x| self.t(x.value.label_key()))
                        .transpose()?,
                    country: r
                        .country
                        .as_ref()
                        .map(|c| self.country(&c.value))
                        .transpose()?,
                    third_country: r.country.as_ref().is_some_and(|c| !c.value.in_eea()),
                })
            })
            .collect::<Result<Vec<_>>>()?;

        let transfers = n
            .transfers
            .iter()
            .map(|t| {
                let mechanism = t
                    .mechanism
                    .as_ref()
                    .and_then(|m| m.value.first())
                    .map(|m| m.value);
                let recipient = t.recipient.as_ref().and_then(|id| {
                    n.recipients()
                        .iter()
                        .find(|r| r.id.as_ref().is_some_and(|i| i.value == id.value))
                        .and_then(|r| self.text(&r.name))
                });
                Ok(TransferView {
                    texts: self.texts(t, &[]),
                    id: t.id.as_ref().map(|i| i.value.clone()),
                    recipient,
                    country: match (&t.country, &t.country_unknown) {
                        (Some(c), _) => Some(self.country(&c.value)?),
                        (None, Some(u)) if u.value => Some(self.t("transfer-country-unknown")?),
                        (None, _) => None,
                    },
                    mechanism: mechanism.map(|m| self.t(m.label_key())).transpose()?,
                    mechanism_ref: mechanism.map(|m| self.t(m.reference_key())).transpose()?,
                })
            })
            .collect::<Result<Vec<_>>>()?;

        let retention = n
            .retention()
            .iter()
            .map(|r| {
                Ok(RetentionView {
                    texts: self.texts(r, &[]),
                    id: r.id.as_ref().map(|i| i.value.clone()),
                    applies_to: r
                        .applies_to
                        .iter()
                        .filter_map(|a| name_of(&a.value))
                        .collect(),
                    period: r
                        .period
                        .as_ref()
                        .map(|p| self.duration(p.value))
                        .transpose()?,
                })
            })
            .collect::<Result<Vec<_>>>()?;

        let (rights, objection) = self.rights(n, automated_used)?;
        let restrictions = n
            .restrictions
            .iter()
            .map(|r| -> Result<RestrictionView> {
                let ground = r.ground.as_ref().map(|g| g.value);
                Ok(RestrictionView {
                    texts: self.texts(r, &[]),
                    right: r
                        .right
                        .as_ref()
                        .map(|x| self.t(x.value.label_key()))
                        .transpose()?,
                    ground: ground.map(|g| self.t(g.label_key())).transpose()?,
                    reference: ground.map(|g| self.t(g.reference_key())).transpose()?,
                })
            })
            .collect::<Result<Vec<_>>>()?;

        let rights_how = RightsHowView {
            texts: match &n.rights {
                Some(r) => self.texts(r, &[]),
                None => self.texts(&crate::model::RightsExercise::default(), &[]),
            },
            email: n
                .rights
                .as_ref()
                .and_then(|r| r.email.as_ref())
                .map(|e| e.value.clone()),
            phone: n
                .rights
                .as_ref()
                .and_then(|r| r.phone.as_ref())
                .map(|e| e.value.clone()),
            web: n
                .rights
                .as_ref()
                .and_then(|r| r.web.as_ref())
                .map(|e| e.value.clone()),
            reply_time: self.t("rights-reply-time")?,
        };

        let authority = n
            .supervisory_authority
            .as_ref()
            .map_or(SupervisoryAuthority::Finland, |a| a.value);
        let contact = authority_contact(authority);
        let complaint = ComplaintView {
            text: self.t("complaint-text")?,
            authority: self.t(authority.label_key())?,
            visiting_address: authority
                .has_visiting_address()
                .then(|| self.t(authority.visiting_key()))
                .transpose()?,
            postal_address: Some(self.t(authority.postal_key())?),
            phone: contact.phone.map(str::to_string),
            email: contact.email.map(str::to_string),
            web: Some((contact.web)(self.l()).to_string()),
        };

        // Its statement names the controller: see `own`.
        let processor = n
            .processor
            .as_ref()
            .map(|p| self.other_party(p))
            .transpose()?;

        let automated = n
            .automated_decisions
            .as_ref()
            .map(|a| -> Result<AutomatedView> {
                let used = a.used.as_ref().is_some_and(|u| u.value);
                let profiling = a.profiling.as_ref().is_some_and(|u| u.value);
                let mut statement = self.t(if used {
                    "automated-used"
                } else {
                    "automated-none"
                })?;
                if profiling {
                    statement = format!("{statement} {}", self.t("profiling-used")?);
                }
                Ok(AutomatedView {
                    texts: self.texts(a, &[]),
                    used,
                    profiling,
                    statement,
                })
            })
            .transpose()?;

        // The first layer: the author's own short line where there is one,
        // else the description shortened at a boundary; at most
        // SUMMARY_PURPOSES lines, the rest counted and linked.
        // When every purpose rests on one basis, it is said once under the
        // list rather than after each line (on a phone, the difference
        // between one screen and two).
        let bases: Vec<&Option<String>> = purposes.iter().map(|v| &v.basis).collect();
        let common_basis = match bases.first() {
            Some(Some(b)) if bases.iter().all(|x| x.as_ref() == Some(b)) => Some(b.clone()),
            _ => None,
        };
        let lines: Vec<String> = n
            .purposes()
            .iter()
            .zip(&purposes)
            .filter_map(|(p, v)| {
                let short = match self.text(&p.summary) {
                    Some(s) if !s.trim().is_empty() => s.trim().to_string(),
                    _ => shortened_plain_text(&self.text(&p.description)?, SUMMARY_CHARS),
                };
                let short = short.trim_end_matches('.');
                Some(match (&v.basis, &common_basis) {
                    (Some(b), None) => format!("{short} ({b})"),
                    _ => short.to_string(),
                })
            })
            .collect();
        let (shown, more) = if lines.len() > SUMMARY_PURPOSES {
            (SUMMARY_PURPOSES - 1, lines.len() - (SUMMARY_PURPOSES - 1))
        } else {
            (lines.len(), 0)
        };
        let summary = Summary {
            // The controller and the contact are the notice's own: see `own`.
            controller: None,
            purposes: lines.into_iter().take(shown).collect(),
            purposes_basis: common_basis,
            purposes_more: (more > 0)
                .then(|| {
                    self.t_args(
                        "summary-more-purposes",
                        &[("count", FluentValue::from(more))],
                    )
                })
                .transpose()?,
            data: data_categories
                .iter()
                .filter_map(|c| c.texts.get("name").map(str::to_string))
                .collect(),
            rights: rights
                .iter()
                .chain(&objection)
                .filter(|r| r.applies)
                .map(|r| r.title.clone())
                .collect(),
            contact: None,
        };

        let collection = n
            .collected_from
            .as_ref()
            .map(|c| self.t(c.value.statement_key()))
            .transpose()?;

        let view = NoticeView {
            lang: self.l().to_string(),
            format: self.format.name().to_string(),
            id: n.id_str().to_string(),
            title: self.text(&n.title).unwrap_or_default(),
            texts: self.texts(n, &["title"]),
            version: n.version.as_ref().map(|v| v.value.clone()),
            updated: n.updated.as_ref().map(|d| self.date(d.value)).transpose()?,
            updated_iso: n.updated.as_ref().map(|d| d.value.to_string()),
            alternates: Vec::new(),
            formats: Vec::new(),
            draft: n.is_draft(),
            brand_colour: None,
            logo: None,
            sections: Vec::new(),
            summary,
            controller: None,
            representative: None,
            processor,
            contact: None,
            dpo: None,
            collection,
            purposes,
            data_subjects: n
                .data_subjects
                .iter()
                .map(|s| SubjectView {
                    texts: self.texts(s, &[]),
                    id: s.id.as_ref().map(|i| i.value.clone()),
                })
                .collect(),
            data_categories,
            sources: n
                .sources()
                .iter()
                .map(|s| {
                    Ok(SourceView {
                        texts: self.texts(s, &[]),
                        id: s.id.as_ref().map(|i| i.value.clone()),
                        kind: s
                            .kind
                            .as_ref()
                            .map(|k| self.t(k.value.label_key()))
                            .transpose()?,
                        public: s
                            .kind
                            .as_ref()
                            .is_some_and(|k| k.value == SourceKind::PublicSource),
                    })
                })
                .collect::<Result<Vec<_>>>()?,
            recipients_none: n.recipients.as_ref().is_some_and(|r| r.value.is_empty()),
            recipients,
            transfers,
            retention,
            provision: n
                .provision
                .as_ref()
                .map(|p| -> Result<ProvisionView> {
                    Ok(ProvisionView {
                        texts: self.texts(p, &[]),
                        requirement: p
                            .requirement
                            .as_ref()
                            .map(|r| self.t(r.value.statement_key()))
                            .transpose()?,
                    })
                })
                .transpose()?,
            automated,
            access_roles: n
                .access_roles
                .iter()
                .map(|a| AccessRoleView {
                    texts: self.texts(a, &[]),
                    id: a.id.as_ref().map(|i| i.value.clone()),
                })
                .collect(),
            related: n
                .related
                .iter()
                .map(|r| RelatedView {
                    texts: self.texts(r, &[]),
                    url: r.url.as_ref().map(|u| u.value.clone()),
                    notice: r.notice.as_ref().map(|id| id.value.clone()),
                })
                .collect(),
            rights,
            objection,
            restrictions,
            rights_how,
            complaint,
        };
        Ok(view)
    }

    /// Sets what depends on the output format but not on how texts are
    /// rendered: the format name and the links to other versions. A view
    /// resolved for HTML serves print HTML too after this, so the texts of
    /// a notice are converted once for both.
    pub fn link(
        &self,
        view: &mut NoticeView,
        n: &Notice,
        languages: &[Lang],
        formats: &[Format],
    ) -> Result<()> {
        (view.format, view.alternates, view.formats) = self.links(n, languages, formats)?;
        self.link_related(&mut view.related);
        Ok(())
    }

    /// [`Resolver::link`] for the own part of a view.
    pub fn link_own(
        &self,
        own: &mut OwnView,
        n: &Notice,
        languages: &[Lang],
        formats: &[Format],
    ) -> Result<()> {
        (own.format, own.alternates, own.formats) = self.links(n, languages, formats)?;
        self.link_related(&mut own.related);
        Ok(())
    }

    /// The format's name, the same page in the other languages and the
    /// same notice in the other formats.
    fn links(
        &self,
        n: &Notice,
        languages: &[Lang],
        formats: &[Format],
    ) -> Result<(String, Vec<Alternate>, Vec<FormatLink>)> {
        let alternates = self.alternates(
            languages,
            &format!("{}.{}", n.id_str(), self.format.extension()),
        )?;
        // A fragment is for a CMS, not for readers: never linked.
        let links = formats
            .iter()
            .filter(|f| **f != self.format && **f != Format::Fragment)
            .map(|f| {
                Ok(FormatLink {
                    format: f.name().to_string(),
                    label: self.t(&format!("label-format-{}", f.name()))?,
                    href: format!("{}.{}", n.id_str(), f.extension()),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        Ok((self.format.name().to_string(), alternates, links))
    }

    /// Related notices named by id link to their page in this format; a
    /// link set before (by the format the view was first linked for) stays.
    fn link_related(&self, related: &mut [RelatedView]) {
        for r in related {
            if r.url.is_none()
                && let Some(id) = &r.notice
            {
                r.url = Some(format!("{id}.{}", self.format.extension()));
            }
        }
    }

    /// A party other than the controller (a representative, a processor),
    /// which has no business id of its own in the format.
    fn other_party(&self, p: &crate::model::Party) -> Result<PartyView> {
        self.party(
            p,
            p.email.as_ref(),
            p.phone.as_ref(),
            p.web.as_ref(),
            None,
            p.country.as_ref(),
        )
    }

    fn party(
        &self,
        party: &dyn Record,
        email: Option<&crate::model::Located<String>>,
        phone: Option<&crate::model::Located<String>>,
        web: Option<&crate::model::Located<String>>,
        business_id: Option<&crate::model::Located<String>>,
        country: Option<&crate::model::Located<crate::model::Country>>,
    ) -> Result<PartyView> {
        let mut texts = self.texts(party, &[]);
        // One template shows every party; the controller has no description.
        texts.0.entry("description").or_insert(None);
        Ok(PartyView {
            texts,
            email: email.map(|e| e.value.clone()),
            phone: phone.map(|e| e.value.clone()),
            web: web.map(|e| e.value.clone()),
            business_id: business_id.map(|e| e.value.clone()),
            country: country.map(|c| self.country(&c.value)).transpose()?,
            statement: None,
        })
    }

    fn contact(&self, c: &crate::model::Contact) -> ContactView {
        ContactView {
            texts: self.texts(c, &[]),
            email: c.email.as_ref().map(|e| e.value.clone()),
            phone: c.phone.as_ref().map(|e| e.value.clone()),
        }
    }

    /// Links to the same page in the other languages.
    pub fn alternates(&self, languages: &[Lang], file: &str) -> Result<Vec<Alternate>> {
        languages
            .iter()
            .filter(|l| *l != self.lang)
            .map(|l| {
                Ok(Alternate {
                    lang: l.to_string(),
                    name: self.t(&l.label_key())?,
                    href: format!("../{l}/{file}"),
                })
            })
            .collect()
    }

    /// The rights that apply to the legal bases used (GDPR reference,
    /// section 3), and the objection right separately (Art. 21(4)). A right
    /// that applies to some purposes only names them.
    fn rights(&self, n: &Notice, automated: bool) -> Result<(Vec<RightView>, Option<RightView>)> {
        use LegalBasis::*;
        let purposes = n.purposes();
        let basis = |p: &crate::model::Purpose| p.legal_basis.as_ref().map(|b| b.value);
        let is_consent = |p: &crate::model::Purpose| {
            basis(p) == Some(Consent)
                || p.special_category_condition
                    .as_ref()
                    .is_some_and(|c| c.value == Art9Condition::ExplicitConsent)
        };
        // The purposes matching `f`, or nothing when every purpose does.
        let scope = |f: &dyn Fn(&crate::model::Purpose) -> bool| -> Vec<String> {
            if purposes.iter().all(f) {
                return Vec::new();
            }
            purposes
                .iter()
                .filter(|p| f(p))
                .filter_map(|p| {
                    self.text(&p.summary)
                        .filter(|s| !s.trim().is_empty())
                        .or_else(|| self.text(&p.description).map(|d| first_sentence(&d)))
                })
                .collect()
        };
        let right = |id: &str, text: String, applies_to: Vec<String>| -> Result<RightView> {
            Ok(RightView {
                id: id.to_string(),
                title: self.t(&format!("right-{id}-title"))?,
                text,
                reference: self.t(&format!("right-{id}-ref"))?,
                applies_to,
                applies: true,
            })
        };
        let body = |id: &str| self.t(&format!("right-{id}-text"));
        let yes_no = |b: bool| FluentValue::from(if b { "yes" } else { "no" });
        let mut rights = vec![
            right("access", body("access")?, Vec::new())?,
            right("rectification", body("rectification")?, Vec::new())?,
        ];

        // Erasure is limited where the law or a public task requires the
        // processing (Art. 17(3)(b)); say so when such a basis is used.
        let limited = purposes
            .iter()
            .any(|p| matches!(basis(p), Some(LegalObligation | PublicTask)));
        let full = purposes.iter().any(|p| {
            matches!(
                basis(p),
                Some(Consent | Contract | VitalInterests | LegitimateInterests)
            ) || is_consent(p)
        });
        // Withdrawing consent is a ground for erasure (Art. 17(1)(b)) only
        // where some purpose rests on consent.
        let erasure_body = || {
            self.t_args(
                "right-erasure-text",
                &[("consent", yes_no(purposes.iter().any(is_consent)))],
            )
        };
        let mut erasure = match (full, limited) {
            (true, true) => right(
                "erasure",
                format!(
                    "{} {}",
                    erasure_body()?,
                    self.t("right-erasure-limited-text")?
                ),
                Vec::new(),
            )?,
            (false, true) => right("erasure", self.t("right-erasure-limited-text")?, Vec::new())?,
            _ => right("erasure", erasure_body()?, Vec::new())?,
        };
        // Every purpose is a legal obligation or a public task: the body
        // says only that erasure does not apply (Art. 17(3)(b)).
        erasure.applies = full || !limited;
        rights.push(erasure);
        rights.push(right("restriction", body("restriction")?, Vec::new())?);
        // Portability only for consent or contract (Art. 20(1)), never for
        // public-task processing (Art. 20(3)).
        let portable = |p: &crate::model::Purpose| is_consent(p) || basis(p) == Some(Contract);
        if purposes.iter().any(portable) {
            rights.push(right(
                "portability",
                body("portability")?,
                scope(&portable),
            )?);
        }
        if purposes.iter().any(is_consent) {
            rights.push(right(
                "withdraw-consent",
                body("withdraw-consent")?,
                scope(&is_consent),
            )?);
        }
        if automated {
            rights.push(right(
                "automated-decisions",
                body("automated-decisions")?,
                Vec::new(),
            )?);
        }
        let objectable =
            |p: &crate::model::Purpose| matches!(basis(p), Some(PublicTask | LegitimateInterests));
        // Art. 21(1) covers points (e) and (f) of Art. 6(1): name only the
        // bases the notice uses.
        let public_task = purposes.iter().any(|p| basis(p) == Some(PublicTask));
        let interests = purposes
            .iter()
            .any(|p| basis(p) == Some(LegitimateInterests));
        let bases = match (public_task, interests) {
            (true, false) => "public-task",
            (false, true) => "legitimate-interests",
            _ => "both",
        };
        let objection = if purposes.iter().any(objectable) {
            let text = self.t_args("right-object-text", &[("bases", FluentValue::from(bases))])?;
            Some(right("object", text, scope(&objectable))?)
        } else {
            None
        };
        Ok((rights, objection))
    }

    /// The sections present in the view of `v` completed by `own`, in the
    /// order of [`Section::ALL`], numbered.
    fn sections(&self, v: &NoticeView, own: &OwnView) -> Result<Vec<SectionView>> {
        let present = |s: Section| match s {
            // The title block, not a numbered section.
            Section::Notice => false,
            Section::Controller => own.controller.is_some(),
            Section::Representative => own.representative.is_some(),
            Section::Contact => own.contact.is_some(),
            Section::Dpo => own.dpo.is_some(),
            Section::Processor => own.processor.is_some(),
            Section::Register => true,
            Section::Purposes => !v.purposes.is_empty(),
            Section::Subjects => !v.data_subjects.is_empty(),
            Section::Data => !v.data_categories.is_empty(),
            Section::Sources => !v.sources.is_empty(),
            Section::Recipients => !v.recipients.is_empty() || v.recipients_none,
            Section::Transfers => true,
            Section::Retention => !v.retention.is_empty(),
            Section::Security => v.texts.has("security"),
            Section::Automated => v.automated.is_some(),
            Section::Provision => v.provision.is_some(),
            Section::Access => !v.access_roles.is_empty(),
            Section::Cookies => v.texts.has("cookies"),
            Section::Rights => true,
            Section::Objection => v.objection.is_some(),
            Section::Complaint => true,
            Section::Related => !own.related.is_empty(),
        };
        Section::ALL
            .iter()
            .copied()
            .filter(|s| present(*s))
            .enumerate()
            .map(|(i, s)| {
                Ok(SectionView {
                    id: s.id().to_string(),
                    number: i + 1,
                    heading: self.t(s.label_key())?,
                })
            })
            .collect()
    }
}

/// The keys of a notice that only [`Resolver::finish`] reads: its parties
/// and its languages. In a vendor's fleet they are what each customer
/// supplies; everything else of a bound notice is the service's, so the
/// [`Resolver::shared`] part of its view is the same for every customer
/// (issue: fleet performance).
pub const OWN_KEYS: [&str; 5] = [
    "controller",
    "representative",
    "contact",
    "dpo",
    "languages",
];

/// A fingerprint of every key of `n` but [`OWN_KEYS`], values only (not
/// where they were written): equal for two notices whose
/// [`Resolver::shared`] views are equal in every language and format.
/// Taken from the format's own list of keys, so a key added to the format
/// is covered without a change here.
pub fn shared_key(n: &Notice) -> u128 {
    let mut h = crate::fingerprint::Gathered(Vec::with_capacity(32 * 1024));
    hash_record(n, &OWN_KEYS, &mut h);
    h.finish128()
}

fn hash_record(record: &dyn Record, skip: &[&str], h: &mut crate::fingerprint::Gathered) {
    use std::hash::Hash;
    for (field, value) in record.layout().fields.iter().zip(record.values()) {
        if skip.contains(&field.key) {
            continue;
        }
        field.key.hash(h);
        match value {
            Value::Text(t) => {
                0u8.hash(h);
                if let Some(t) = t {
                    t.neutral.as_ref().map(|n| n.value.as_str()).hash(h);
                    t.translations.len().hash(h);
                    for (lang, text) in &t.translations {
                        lang.hash(h);
                        text.value.hash(h);
                    }
                    t.reviewed.as_ref().map(|d| d.value).hash(h);
                } else {
                    None::<()>.hash(h);
                }
            }
            Value::String(v) => (1u8, v.map(|v| v.value.as_str())).hash(h),
            Value::Bool(v) => (2u8, v.map(|v| v.value)).hash(h),
            Value::Date(v) => (3u8, v.map(|v| v.value)).hash(h),
            Value::Duration(v) => (4u8, v.map(|v| v.value)).hash(h),
            Value::Country(v) => (5u8, v.map(|v| v.value)).hash(h),
            Value::Code(v) => (6u8, v.map(|v| v.code_str())).hash(h),
            Value::Codes(v) => {
                7u8.hash(h);
                v.map(|v| v.iter().map(|c| c.code_str()).collect::<Vec<_>>())
                    .hash(h);
            }
            Value::Ids(ids) => {
                8u8.hash(h);
                ids.len().hash(h);
                for id in ids {
                    id.value.hash(h);
                }
            }
            Value::Table(t) => {
                9u8.hash(h);
                t.is_some().hash(h);
                if let Some(t) = t {
                    hash_record(t, &[], h);
                }
            }
            Value::List(items) => {
                10u8.hash(h);
                items.as_ref().map(Vec::len).hash(h);
                for t in items.into_iter().flatten() {
                    hash_record(t, &[], h);
                    0xffu8.hash(h);
                }
            }
        }
    }
}

/// `#rrggbb`: the only form of colour put into a style attribute.
pub fn is_colour(s: &str) -> bool {
    s.len() == 7 && s.starts_with('#') && s[1..].chars().all(|c| c.is_ascii_hexdigit())
}

/// At most this many purposes are listed in the first layer; with more,
/// one fewer is listed and the rest are counted ("and 6 more purposes"),
/// so that the count never stands for a single line.
pub const SUMMARY_PURPOSES: usize = 5;

/// The longest line, in characters, the first layer takes from a purpose's
/// description (the legal basis follows it).
pub const SUMMARY_CHARS: usize = 100;

/// A Markdown text as plain text on one line: block ends and line breaks
/// separate words, inline ends (emphasis, links) don't.
pub fn plain_text(markdown: &str) -> String {
    let mut plain = String::new();
    for e in Parser::new(markdown) {
        match e {
            // Raw HTML is text, as everywhere else (`markdown.rs`).
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                plain.push_str(&t)
            }
            Event::SoftBreak
            | Event::HardBreak
            | Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_) | TagEnd::TableCell,
            ) => plain.push(' '),
            _ => {}
        }
    }
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The end of the first sentence of `plain` (a full stop, question or
/// exclamation mark followed by a space and a capital or a digit, so that
/// "esim. kaupunki" or "e.g. the school" do not end it), or its length.
fn sentence_end(plain: &str) -> usize {
    for (i, c) in plain.char_indices() {
        if !matches!(c, '.' | '?' | '!') {
            continue;
        }
        let rest = &plain[i + c.len_utf8()..];
        let mut after = rest.chars();
        if after.next() == Some(' ')
            && after
                .next()
                .is_some_and(|n| n.is_uppercase() || n.is_ascii_digit())
        {
            return i + c.len_utf8();
        }
    }
    plain.len()
}

/// `plain` shortened for the first layer to about `max` characters, never
/// inside a word: its first sentence when that is short enough; else the
/// phrase before a colon, semicolon or dash when that says enough on its
/// own (a heading-like start, "Perusopetuksen järjestäminen: ..."); else
/// as many whole words as fit, with an ellipsis, never after a word that
/// leaves the text hanging ("och", "via", "the": `hanging_words.toml`). A
/// single word longer than `max` is kept whole.
pub fn shorten(plain: &str, max: usize) -> String {
    let sentence = plain[..sentence_end(plain)].trim();
    if sentence.chars().count() <= max {
        return sentence.to_string();
    }
    // The byte index of the `max`-th character: everything before fits.
    let limit = sentence
        .char_indices()
        .nth(max)
        .map_or(sentence.len(), |(i, _)| i);
    let head = &sentence[..limit];
    for separator in [": ", "; ", " – ", " — "] {
        if let Some(at) = head.find(separator)
            && head[..at].chars().count() >= 12
        {
            return head[..at].trim_end().to_string();
        }
    }
    // Room for the ellipsis: cut at the last space before the limit.
    let cut = match head.rfind(' ') {
        Some(at) if at > 0 => at,
        // One long word: keep it whole.
        _ => sentence.find(' ').unwrap_or(sentence.len()),
    };
    let kept = sentence[..cut].trim_end_matches(TRAILING);
    if kept.len() == sentence.len() {
        return kept.to_string();
    }
    format!("{}…", without_hanging_words(kept))
}

/// What a cut text may not end in before its ellipsis.
const TRAILING: [char; 8] = [',', ';', ':', ' ', '–', '—', '(', '/'];

/// `kept` without the words at its end that announce something the cut
/// left out ("och", "via", "the"; `hanging_words.toml`), keeping at least
/// its first word.
fn without_hanging_words(mut kept: &str) -> &str {
    static HANGING: std::sync::LazyLock<std::collections::HashSet<String>> =
        std::sync::LazyLock::new(|| {
            let lists: std::collections::BTreeMap<String, Vec<String>> =
                toml::from_str(include_str!("hanging_words.toml"))
                    .expect("src/render/hanging_words.toml is valid (tested)");
            lists.into_values().flatten().collect()
        });
    while let Some(space) = kept.rfind(' ') {
        let last = &kept[space + 1..];
        if !HANGING.contains(&last.to_lowercase()) {
            break;
        }
        kept = kept[..space].trim_end_matches(TRAILING);
    }
    kept
}

/// The first sentence of a Markdown text, as plain text, shortened at a
/// word boundary: how a purpose is named where a text refers to it (the
/// storage periods' "applies to").
pub fn first_sentence(markdown: &str) -> String {
    shortened_plain_text(markdown, 160)
}

/// [`plain_text`] [`shorten`]ed to `max` characters, once per text and
/// length in a process: each notice's view is resolved for HTML and for
/// Markdown, a storage period names its purposes again, and a vendor's
/// customers share the service's texts. Parsing the Markdown anew each
/// time was a twentieth of a build.
fn shortened_plain_text(markdown: &str, max: usize) -> String {
    static SHORTENED: crate::fingerprint::TextCache<String> = crate::fingerprint::TextCache::new();
    SHORTENED.get_or(crate::fingerprint::of(&(max, markdown)), || {
        shorten(&plain_text(markdown), max)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_sentence_is_plain_and_short() {
        assert_eq!(first_sentence("**Bold** start. Second one."), "Bold start.");
        // Regression: inline ends added a space before punctuation.
        assert_eq!(first_sentence("To **subscribers**."), "To subscribers.");
        assert_eq!(first_sentence("- a\n- b"), "a b");
        // Never inside a word: a single long word is kept whole.
        assert_eq!(first_sentence(&"x".repeat(500)), "x".repeat(500));
        assert!(first_sentence(&"word ".repeat(100)).ends_with("word…"));
    }

    /// Every word of `hanging_words.toml`, in each language: a text cut
    /// right after it ends in the word before it, and the text cut there
    /// is never left empty. Regression: "... Haka och, via…" in a first
    /// layer.
    #[test]
    fn no_shortened_text_ends_in_a_hanging_word() {
        let lists: std::collections::BTreeMap<String, Vec<String>> =
            toml::from_str(include_str!("hanging_words.toml")).expect("valid TOML");
        assert_eq!(
            lists.keys().map(String::as_str).collect::<Vec<_>>(),
            ["en", "fi", "sv"]
        );
        for (lang, words) in &lists {
            assert!(!words.is_empty(), "{lang}");
            let distinct: std::collections::BTreeSet<&String> = words.iter().collect();
            assert_eq!(distinct.len(), words.len(), "{lang}: a word listed twice");
            for word in words {
                assert_eq!(word, &word.to_lowercase(), "{lang}: lower case");
                // The cut falls after `word` (the limit is inside the next
                // word), and again with the word capitalised.
                for w in [word.clone(), capitalised(word)] {
                    let text =
                        format!("Rekisterinpitäjä käsittelee tietoja, {w} loppuosa jatkuu pitkään");
                    let max = text.find(" loppuosa").expect("marker") + 3;
                    let short = shorten(&text, text[..max].chars().count());
                    assert_eq!(
                        short, "Rekisterinpitäjä käsittelee tietoja…",
                        "{lang}: `{w}`"
                    );
                }
            }
        }
        // Only hanging words: the first word stays.
        assert_eq!(shorten("Via och the and loppu", 15), "Via…");
        // A word that carries meaning ends the cut as before.
        assert_eq!(
            shorten("Oppilaan tiedot tallennetaan rekisteriin ja arkistoon", 40),
            "Oppilaan tiedot tallennetaan…"
        );
    }

    fn capitalised(word: &str) -> String {
        let mut chars = word.chars();
        chars.next().map_or_else(String::new, |c| {
            c.to_uppercase().collect::<String>() + chars.as_str()
        })
    }

    /// A small notice with one purpose per `(id, basis, extra TOML)`, in
    /// three languages, rendered as HTML in each: `(lang, html)`.
    fn rendered(purposes: &[(&str, &str)], top: &str) -> Vec<(&'static str, String)> {
        let mut source = format!(
            "id = \"n\"\n{top}\ntitle = {{ fi = \"Rekisteri\", sv = \"Register\", en = \"Register\" }}\n\
             version = \"1\"\nupdated = 2026-01-10\nlanguages = [\"fi\", \"sv\", \"en\"]\n\
             collected_from = \"data-subject\"\n"
        );
        for (i, (basis, extra)) in purposes.iter().enumerate() {
            source.push_str(&format!(
                "\n[[purposes]]\nid = \"p{i}\"\ndescription = {{ fi = \"Tarkoitus {i}.\", \
                 sv = \"Ändamål {i}.\", en = \"Purpose {i}.\" }}\nlegal_basis = \"{basis}\"\n{extra}\n"
            ));
        }
        let loaded = crate::load::load_bytes(crate::source::FileId(0), 0, source.as_bytes());
        assert!(loaded.diagnostics.is_empty(), "{:?}", loaded.diagnostics);
        let notice = loaded.document.expect("a notice");
        let renderer = crate::render::Renderer::new(None).expect("renderer");
        let langs: Vec<Lang> = ["fi", "sv", "en"]
            .iter()
            .map(|l| Lang::parse(l).expect("lang"))
            .collect();
        ["fi", "sv", "en"]
            .into_iter()
            .zip(&langs)
            .map(|(code, lang)| {
                let html = renderer
                    .notice(&notice, lang, Format::Html, &langs, &[Format::Html])
                    .expect("renders");
                (code, html)
            })
            .collect()
    }

    /// The part of `html` from the element with `id` to the end of its
    /// section.
    fn section<'a>(html: &'a str, start: &str) -> &'a str {
        let from = html.find(start).unwrap_or_else(|| panic!("no {start}"));
        let rest = &html[from..];
        &rest[..rest.find("</section>").expect("section end")]
    }

    fn has(html: &str, text: &str) -> bool {
        html.contains(&crate::render::templates::escape_html(text))
    }

    /// Per language: (fi, sv, en).
    fn pick<'a>(lang: &str, fi: &'a str, sv: &'a str, en: &'a str) -> &'a str {
        match lang {
            "fi" => fi,
            "sv" => sv,
            _ => en,
        }
    }

    const CONSENT: &str =
        "withdrawal = { fi = \"Peru.\", sv = \"Återkalla.\", en = \"Withdraw.\" }";
    const INTERESTS: &str =
        "legitimate_interests = { fi = \"Etu.\", sv = \"Intresse.\", en = \"Interest.\" }";
    const LAW: &str = "law = { fi = \"Laki.\", sv = \"Lag.\", en = \"Act.\" }";

    const OBJECT_PUBLIC: (&str, &str, &str) = (
        "Kun käsittelemme tietojasi yleistä etua koskevan tehtävän suorittamiseksi tai julkisen vallan käyttämiseksi, sinulla on oikeus milloin tahansa vastustaa käsittelyä",
        "När vi behandlar dina uppgifter för att utföra en uppgift av allmänt intresse eller som ett led i myndighetsutövning, har du rätt att när som helst invända",
        "When we process your data to carry out a task in the public interest or in the exercise of official authority, you have the right to object at any time",
    );
    const OBJECT_INTERESTS: (&str, &str, &str) = (
        "Kun käsittelemme tietojasi oikeutettujen etujemme perusteella, sinulla on oikeus milloin tahansa vastustaa käsittelyä",
        "När vi behandlar dina uppgifter på grundval av våra berättigade intressen, har du rätt att när som helst invända",
        "When we process your data on the basis of our legitimate interests, you have the right to object at any time",
    );
    const OBJECT_BOTH: (&str, &str, &str) = (
        "Kun käsittelemme tietojasi yleistä etua koskevan tehtävän suorittamiseksi tai julkisen vallan käyttämiseksi taikka oikeutettujen etujemme perusteella, sinulla on oikeus",
        "När vi behandlar dina uppgifter för att utföra en uppgift av allmänt intresse eller som ett led i myndighetsutövning, eller på grundval av våra berättigade intressen, har du rätt",
        "When we process your data to carry out a task in the public interest or in the exercise of official authority, or on the basis of our legitimate interests, you have the right",
    );
    /// "our legitimate interests", as the objection text words it.
    const OUR_INTERESTS: (&str, &str, &str) = (
        "oikeutettujen etujemme",
        "våra berättigade intressen",
        "our legitimate interests",
    );

    #[test]
    fn objection_names_only_the_bases_used() {
        let cases = [
            (vec![("public-task", LAW)], OBJECT_PUBLIC),
            (vec![("legitimate-interests", INTERESTS)], OBJECT_INTERESTS),
            (
                vec![("public-task", LAW), ("legitimate-interests", INTERESTS)],
                OBJECT_BOTH,
            ),
        ];
        for (purposes, (fi, sv, en)) in cases {
            for (lang, html) in rendered(&purposes, "") {
                let objection = section(&html, "id=\"objection\"");
                let want = pick(lang, fi, sv, en);
                assert!(has(objection, want), "{lang} {purposes:?}: no `{want}`");
                for (f, s, e) in [OBJECT_PUBLIC, OBJECT_INTERESTS, OBJECT_BOTH] {
                    let other = pick(lang, f, s, e);
                    if other != want {
                        assert!(!has(objection, other), "{lang}: `{other}`");
                    }
                }
            }
        }
        // A municipality: public task and legal obligation only.
        let municipality = [("public-task", LAW), ("legal-obligation", LAW)];
        for (lang, html) in rendered(&municipality, "") {
            let (fi, sv, en) = OUR_INTERESTS;
            let ours = pick(lang, fi, sv, en);
            assert!(!has(&html, ours), "{lang}: `{ours}` without Art. 6(1)(f)");
        }
        // No Art. 6(1)(e) or (f): no objection section.
        for (lang, html) in rendered(&[("contract", "")], "") {
            assert!(!html.contains("id=\"objection\""), "{lang}");
        }
    }

    const ERASURE_CONSENT: (&str, &str, &str) = (
        "Sinulla on tietyissä tilanteissa oikeus saada henkilötietosi poistetuiksi, esimerkiksi kun niitä ei enää tarvita siihen tarkoitukseen, jota varten ne kerättiin, kun peruutat suostumuksesi tai kun tietoja on käsitelty lainvastaisesti.",
        "Du har i vissa situationer rätt att få dina personuppgifter raderade, till exempel när de inte längre behövs för det ändamål som de samlades in för, när du återkallar ditt samtycke eller när de har behandlats olagligt.",
        "You have the right to have your personal data erased in certain situations, for example when it is no longer needed for the purpose it was collected for, when you withdraw your consent, or when it has been processed unlawfully.",
    );
    const ERASURE_NO_CONSENT: (&str, &str, &str) = (
        "Sinulla on tietyissä tilanteissa oikeus saada henkilötietosi poistetuiksi, esimerkiksi kun niitä ei enää tarvita siihen tarkoitukseen, jota varten ne kerättiin, tai kun tietoja on käsitelty lainvastaisesti.",
        "Du har i vissa situationer rätt att få dina personuppgifter raderade, till exempel när de inte längre behövs för det ändamål som de samlades in för eller när de har behandlats olagligt.",
        "You have the right to have your personal data erased in certain situations, for example when it is no longer needed for the purpose it was collected for or when it has been processed unlawfully.",
    );
    const WITHDRAW: (&str, &str, &str) = (
        "kun peruutat suostumuksesi",
        "när du återkallar ditt samtycke",
        "when you withdraw your consent",
    );

    #[test]
    fn erasure_mentions_consent_only_when_a_purpose_rests_on_it() {
        let explicit = "special_category_condition = \"explicit-consent\"\nwithdrawal = { fi = \"Peru.\", sv = \"Återkalla.\", en = \"Withdraw.\" }";
        let cases = [
            (vec![("consent", CONSENT)], true),
            (vec![("contract", ""), ("consent", CONSENT)], true),
            // Explicit consent of Art. 9(2)(a) on another Art. 6 basis.
            (vec![("contract", explicit)], true),
            (vec![("contract", "")], false),
            (vec![("legitimate-interests", INTERESTS)], false),
            (vec![("contract", ""), ("legal-obligation", LAW)], false),
        ];
        for (purposes, consent) in cases {
            for (lang, html) in rendered(&purposes, "") {
                let erasure = section(&html, "id=\"right-erasure\"");
                let (want, (f, s, e)) = if consent {
                    (ERASURE_CONSENT, WITHDRAW)
                } else {
                    (ERASURE_NO_CONSENT, WITHDRAW)
                };
                let sentence = pick(lang, want.0, want.1, want.2);
                assert!(
                    has(erasure, sentence),
                    "{lang} {purposes:?}: no `{sentence}`"
                );
                let withdraw = pick(lang, f, s, e);
                let erasure = &erasure[..erasure.find("class=\"ref\"").expect("ref")];
                assert_eq!(has(erasure, withdraw), consent, "{lang} {purposes:?}");
            }
        }
    }

    const ERASURE_TITLE: (&str, &str, &str) = (
        "Oikeus tietojen poistamiseen",
        "Rätt till radering",
        "Right to erasure",
    );

    #[test]
    fn summary_lists_exactly_the_rights_that_apply() {
        let titles = |html: &str| -> Vec<String> {
            let summary = section(html, "class=\"summary\"");
            let rights = &summary[summary.rfind("<ul class=\"inline-list\">").expect("rights")..];
            rights
                .split("<li>")
                .skip(1)
                .map(|li| li[..li.find("</li>").expect("li end")].to_string())
                .collect()
        };
        let (fi, sv, en) = ERASURE_TITLE;
        // Every purpose a legal obligation or a public task: erasure does
        // not apply (Art. 17(3)(b)); the body says so, the summary omits it.
        let cases = [
            (vec![("public-task", LAW), ("legal-obligation", LAW)], false),
            (vec![("legal-obligation", LAW)], false),
            (vec![("public-task", LAW), ("consent", CONSENT)], true),
            (vec![("contract", "")], true),
        ];
        for (purposes, erasure) in cases {
            for (lang, html) in rendered(&purposes, "") {
                let title = pick(lang, fi, sv, en);
                let listed = titles(&html);
                assert_eq!(
                    listed.iter().any(|t| t == title),
                    erasure,
                    "{lang} {purposes:?}"
                );
                // The summary lists the titles of the rights the body shows
                // as applying, in the same order.
                let mut shown: Vec<String> = Vec::new();
                for part in html.split("<div class=\"right").skip(1) {
                    let part = &part[..part.find("</div>").expect("div end")];
                    let id = &part[part.find("id=\"right-").expect("id") + 10..];
                    let id = &id[..id.find('"').expect("quote")];
                    let heading = match part.find("<h3>") {
                        Some(i) => part[i + 4..part.find("</h3>").expect("h3")].to_string(),
                        // The objection has the section's heading.
                        None => pick(
                            lang,
                            "Vastustamisoikeus",
                            "Rätt att göra invändningar",
                            "Right to object",
                        )
                        .to_string(),
                    };
                    if id != "erasure" || erasure {
                        shown.push(heading);
                    }
                }
                assert_eq!(listed, shown, "{lang} {purposes:?}");
            }
        }
    }

    #[test]
    fn complaint_names_the_member_state_of_the_eu_or_eea() {
        let (fi, sv, en) = (
            "Voit tehdä valituksen erityisesti siinä EU:n tai Euroopan talousalueen (ETA) jäsenvaltiossa, jossa asut tai työskentelet tai jossa väitetty rikkominen on tapahtunut.",
            "Du kan lämna klagomålet särskilt i den medlemsstat i EU eller Europeiska ekonomiska samarbetsområdet (EES) där du bor eller arbetar eller där den påstådda överträdelsen har skett.",
            "You can lodge it in particular in the Member State of the EU or the European Economic Area (EEA) where you live or work or where the alleged infringement took place.",
        );
        for (lang, html) in rendered(&[("contract", "")], "") {
            let complaint = section(&html, "id=\"complaint\"");
            let want = pick(lang, fi, sv, en);
            assert!(has(complaint, want), "{lang}: no `{want}`");
            for country in ["EU-maassa", "EU-land", "EU country"] {
                assert!(!complaint.contains(country), "{lang}: `{country}`");
            }
        }
    }

    #[test]
    fn imy_box_is_a_postal_address_and_no_visiting_address_is_invented() {
        for (lang, html) in rendered(&[("contract", "")], "supervisory_authority = \"SE\"") {
            let complaint = section(&html, "id=\"complaint\"");
            let postal = pick(lang, "Postiosoite", "Postadress", "Postal address");
            let visiting = pick(lang, "Käyntiosoite", "Besöksadress", "Visiting address");
            let address = pick(
                lang,
                "Box 8114, 104 20 Stockholm, Ruotsi",
                "Box 8114, 104 20 Stockholm",
                "Box 8114, 104 20 Stockholm, Sweden",
            );
            assert!(
                complaint.contains(&format!("<dt>{postal}</dt><dd>{address}</dd>")),
                "{lang}: {complaint}"
            );
            assert!(!complaint.contains(visiting), "{lang}: {complaint}");
            assert_eq!(complaint.matches("Box 8114").count(), 1, "{lang}");
        }
        // Finland's Ombudsman has both.
        for (lang, html) in rendered(&[("contract", "")], "supervisory_authority = \"FI\"") {
            let complaint = section(&html, "id=\"complaint\"");
            let visiting = pick(lang, "Käyntiosoite", "Besöksadress", "Visiting address");
            assert!(complaint.contains(visiting), "{lang}");
        }
    }
}
