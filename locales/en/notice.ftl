# seloste: fixed strings of a privacy notice, English.
#
# Terms follow the official English version of the GDPR (Regulation (EU) 2016/679).
# Texts are plain language on purpose (Art. 12(1)): pupils and guardians read
# these notices too.
# The running text speaks for the controller ("we") to the data subject ("you").
# Values are plain text: no HTML or Markdown, they are escaped when rendered.
# Every key here must also exist in locales/fi and locales/sv.

## Section headings (traditional Finnish order, gdpr.md section 6)

sec-summary = In brief
sec-toc = Contents
sec-controller = Controller
sec-contact = Contact person
sec-dpo = Data protection officer
sec-register = Name of the register
sec-purposes = Purposes and legal basis
sec-subjects = Data subjects
sec-data = Personal data processed
sec-sources = Sources of data
sec-recipients = Recipients and disclosures
sec-transfers = Transfers outside the EU/EEA
sec-retention = Storage period
sec-security = Security measures
sec-automated = Automated decision-making and profiling
sec-rights = Your rights
sec-objection = Right to object
sec-complaint = Right to lodge a complaint with a supervisory authority
sec-provision = Obligation to provide data
sec-processor = Processor
sec-representative = Representative in the EU
sec-access = Who can see the data
sec-cookies = Cookies
sec-related = Further information

## Field labels

label-name = Name
label-address = Address
label-email = Email
label-phone = Phone
label-web = Website
label-business-id = Business ID
label-role = Role
label-version = Version
label-updated = Updated
label-legal-basis = Legal basis
label-law = Legislation
label-legitimate-interests = Legitimate interests
label-special-condition = Condition for processing special categories of personal data
label-withdrawal = How to withdraw consent
label-country = Country
label-purpose = Purpose
label-recipient = Recipient
label-mechanism = Transfer mechanism
label-safeguard-copy = How to get a copy of the safeguards
label-period = Storage period
label-rule = How the period is determined
label-applies-to = Applies to
label-items = Includes
label-special-category = Special category of personal data
label-criminal = Data on criminal convictions and offences
label-editable = You can update these details yourself
label-kind = Type
label-public-source = Publicly accessible source
label-third-country = Third country (outside the EU/EEA)
label-other-languages = This notice in other languages
label-other-formats = This notice in other formats
label-how = How to use your rights
label-visiting-address = Visiting address
label-postal-address = Postal address
label-description = Description
label-sees = Can see
label-consequences = Consequences
label-logic = Logic involved
label-requirement = Is providing the data required?
label-summary-controller = Who is responsible
label-summary-purposes = Why we process the data
label-summary-data = What data
label-summary-rights = Your key rights
label-summary-contact = Whom to contact
summary-more-purposes =
    { $count ->
        [one] and { $count } more purpose
       *[other] and { $count } more purposes
    }
label-page = Page
label-of = of
label-format-html = Web page
label-format-print = Printable version
label-format-md = Markdown
label-format-pdf = PDF
label-format-fragment = HTML fragment for a web page

## Notice and index

notice-doc-type = Privacy notice
draft-label = Draft
draft-banner = This notice is a draft and has not been published. What it says may still change.
notice-version-line = Version { $version }, updated { $date }
notice-gdpr-basis = This notice gives you the information required by Articles 13 and 14 of the EU General Data Protection Regulation (GDPR).
index-title = Privacy notices
index-intro = These privacy notices explain how your personal data is processed and what rights you have.
index-empty = There are no privacy notices yet.
languages-choose = Choose a language
languages-intro = The privacy notices in English

## Dates: 21 November 2026

date = { $day } { $monthname } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Durations (storage periods)

duration-years =
    { $count ->
        [one] { $count } year
       *[other] { $count } years
    }
duration-months =
    { $count ->
        [one] { $count } month
       *[other] { $count } months
    }
duration-weeks =
    { $count ->
        [one] { $count } week
       *[other] { $count } weeks
    }
duration-days =
    { $count ->
        [one] { $count } day
       *[other] { $count } days
    }

## Language names, each in its own language

lang-fi = suomi
lang-sv = svenska
lang-en = English

## Legal bases, Art. 6(1)

basis-consent = consent
basis-consent-ref = Article 6(1)(a) GDPR
basis-contract = performance of a contract
basis-contract-ref = Article 6(1)(b) GDPR
basis-legal-obligation = legal obligation
basis-legal-obligation-ref = Article 6(1)(c) GDPR
basis-vital-interests = vital interests
basis-vital-interests-ref = Article 6(1)(d) GDPR
basis-public-task = task in the public interest or exercise of official authority
basis-public-task-ref = Article 6(1)(e) GDPR
basis-legitimate-interests = legitimate interests
basis-legitimate-interests-ref = Article 6(1)(f) GDPR

## Special categories of personal data, Art. 9(1)

special-racial-or-ethnic-origin = racial or ethnic origin
special-political-opinions = political opinions
special-religious-or-philosophical-beliefs = religious or philosophical beliefs
special-trade-union-membership = trade union membership
special-genetic = genetic data
special-biometric = biometric data used to identify a person
special-health = data concerning health
special-sex-life-or-orientation = data concerning sex life or sexual orientation

## Conditions for processing special categories, Art. 9(2)

cond-explicit-consent = explicit consent (Article 9(2)(a) GDPR)
cond-employment-and-social-security = obligations and rights under employment and social security law (Article 9(2)(b) GDPR)
cond-vital-interests = vital interests when the data subject cannot give consent (Article 9(2)(c) GDPR)
cond-non-profit-body = activities of a foundation, association or other non-profit body concerning its members (Article 9(2)(d) GDPR)
cond-made-public = data the data subject has manifestly made public (Article 9(2)(e) GDPR)
cond-legal-claims = legal claims or courts acting in their judicial capacity (Article 9(2)(f) GDPR)
cond-substantial-public-interest = substantial public interest laid down by law (Article 9(2)(g) GDPR)
cond-health-or-social-care = preventive or occupational medicine, health care or social care (Article 9(2)(h) GDPR)
cond-public-health = public interest in the area of public health (Article 9(2)(i) GDPR)
cond-archiving-research-statistics = archiving in the public interest, scientific or historical research or statistics (Article 9(2)(j) GDPR)

## Transfer mechanisms, Art. 45 to 49

mech-adequacy = adequacy decision of the European Commission
mech-adequacy-ref = Article 45 GDPR
mech-public-authority-instrument = legally binding and enforceable instrument between public authorities or bodies
mech-public-authority-instrument-ref = Article 46(2)(a) GDPR
mech-binding-corporate-rules = binding corporate rules
mech-binding-corporate-rules-ref = Articles 46(2)(b) and 47 GDPR
mech-standard-contractual-clauses = standard contractual clauses adopted by the European Commission
mech-standard-contractual-clauses-ref = Article 46(2)(c) GDPR
mech-authority-clauses = standard data protection clauses adopted by a supervisory authority and approved by the European Commission
mech-authority-clauses-ref = Article 46(2)(d) GDPR
mech-code-of-conduct = approved code of conduct with binding commitments of the recipient
mech-code-of-conduct-ref = Article 46(2)(e) GDPR
mech-certification = approved certification mechanism with binding commitments of the recipient
mech-certification-ref = Article 46(2)(f) GDPR
mech-ad-hoc-clauses = contractual clauses authorised by the supervisory authority
mech-ad-hoc-clauses-ref = Article 46(3)(a) GDPR
mech-derogation-consent = explicit consent of the data subject, given after being informed of the risks of the transfer
mech-derogation-consent-ref = Article 49(1)(a) GDPR
mech-derogation-contract = performance of a contract between the data subject and the controller, or steps taken at the data subject's request before entering into one
mech-derogation-contract-ref = Article 49(1)(b) GDPR
mech-derogation-contract-in-interest = conclusion or performance of a contract made in the interest of the data subject
mech-derogation-contract-in-interest-ref = Article 49(1)(c) GDPR
mech-derogation-public-interest = important reasons of public interest
mech-derogation-public-interest-ref = Article 49(1)(d) GDPR
mech-derogation-legal-claims = establishment, exercise or defence of legal claims
mech-derogation-legal-claims-ref = Article 49(1)(e) GDPR
mech-derogation-vital-interests = vital interests of the data subject or of other persons, when the data subject cannot give consent
mech-derogation-vital-interests-ref = Article 49(1)(f) GDPR
mech-derogation-public-register = transfer from a public register
mech-derogation-public-register-ref = Article 49(1)(g) GDPR
mech-derogation-compelling-interests = compelling legitimate interests of the controller (a one-off transfer)
mech-derogation-compelling-interests-ref = Article 49(1), second subparagraph, GDPR

## Recipient roles

role-processor = processor
role-controller = independent controller
role-joint-controller = joint controller
role-authority = public authority

## Kinds of source

source-data-subject = the data subject (you)
source-register = another register
source-authority = public authority
source-public = publicly accessible source
source-organisation = other organisation

## Whether providing the data is required, Art. 13(2)(e)

provision-statutory = The law requires the data to be provided, so providing it is mandatory.
provision-contractual = Providing the data is a requirement of a contract, so you are obliged to provide it.
provision-contract-prerequisite = The data is needed to enter into a contract. You are not obliged to provide it, but without it the contract cannot be made.
provision-voluntary = Providing the data is voluntary, and you are not obliged to provide it.
provision-mixed = Some of the data must be provided because the law or a contract requires it, and the rest is voluntary. This section explains which data this concerns.

## Where the data comes from

collected-data-subject = We get the data directly from you.
collected-other-sources = We get the data from other sources, which are listed in this notice.
collected-both = We get some of the data directly from you and some from other sources, which are listed in this notice.

## Standard sentences

transfers-none = We do not transfer personal data outside the European Union (EU) or the European Economic Area (EEA).
transfer-country-unknown = not known: the recipient does not say where it processes the data
recipients-none = The data is not regularly disclosed to anyone.
processor-statement = { $processor } processes personal data on behalf of { $controller } as its processor.
automated-none = We do not make decisions based solely on automated processing, including profiling, that have legal effects on you or similarly significantly affect you.
automated-used = We make decisions based solely on automated processing that have legal effects on you or similarly significantly affect you. Below we explain the logic involved and what the decisions mean for you.
profiling-used = We use profiling, which means evaluating personal aspects automatically, as described below.
rights-intro = Below are the rights you have in this processing. Which rights apply depends on the legal basis for the processing.
rights-how-default = Send requests about your rights to the contact details below.
rights-reply-time = We will reply within one month of receiving your request. If the request is complex or there are many requests, the time may be extended by up to two more months. If so, we will tell you and explain why within one month of receiving the request.
retention-intro = We keep personal data only for as long as it is needed for the purposes described in this notice or as long as the law requires. The storage periods are listed below. When a storage period ends, we delete the data or, where the law requires it, transfer it to be archived permanently.
complaint-text = If you think that the processing of your personal data infringes the EU General Data Protection Regulation, you have the right to lodge a complaint with a supervisory authority. You can lodge it in particular in the Member State of the EU or the European Economic Area (EEA) where you live or work or where the alleged infringement took place. This does not affect your right to use other administrative or judicial remedies.

## Rights of the data subject (gdpr.md section 3)

right-access-title = Right of access
right-access-text = You have the right to know whether we process your personal data. If we do, you can get a copy of the data and information on how it is processed, for example why, who receives it and how long it is kept. The first copy is free of charge.
right-access-ref = Article 15 GDPR
right-rectification-title = Right to rectification
right-rectification-text = If your personal data is inaccurate, you have the right to have it corrected without undue delay. You can also ask us to complete data that is incomplete.
right-rectification-ref = Article 16 GDPR
right-erasure-title = Right to erasure
# $consent: "yes" when some purpose rests on consent (Art. 6(1)(a) or 9(2)(a)).
right-erasure-text =
    { $consent ->
        [yes] You have the right to have your personal data erased in certain situations, for example when it is no longer needed for the purpose it was collected for, when you withdraw your consent, or when it has been processed unlawfully.
       *[no] You have the right to have your personal data erased in certain situations, for example when it is no longer needed for the purpose it was collected for or when it has been processed unlawfully.
    } We then erase the data without undue delay.
right-erasure-limited-text = The right to erasure does not apply to data we must process to comply with a legal obligation or to carry out a task in the public interest or in the exercise of official authority. Such data is kept for the storage period stated in this notice.
right-erasure-ref = Article 17 GDPR
right-restriction-title = Right to restriction of processing
right-restriction-text = In certain situations you can ask us to restrict the processing of your data, for example while we check whether the data is accurate. While processing is restricted, we only store the data, and we use it otherwise only with your consent or for reasons set out in the GDPR, such as legal claims.
right-restriction-ref = Article 18 GDPR
right-portability-title = Right to data portability
right-portability-text = If we process your data on the basis of your consent or a contract, and the processing is carried out by automated means, you have the right to receive the data you have given us in a structured, commonly used and machine-readable format. You can also ask us to transmit it directly to another controller where this is technically feasible.
right-portability-ref = Article 20 GDPR
right-object-title = Right to object
# $bases: the legal bases the right applies to that the notice uses: "public-task"
# (Art. 6(1)(e)), "legitimate-interests" (Art. 6(1)(f)) or "both".
right-object-text =
    { $bases ->
        [public-task] When we process your data to carry out a task in the public interest or in the exercise of official authority
        [legitimate-interests] When we process your data on the basis of our legitimate interests
       *[both] When we process your data to carry out a task in the public interest or in the exercise of official authority, or on the basis of our legitimate interests
    }, you have the right to object at any time on grounds relating to your particular situation. We must then stop processing the data, unless we can show compelling legitimate grounds that override your interests, rights and freedoms, or the processing is needed for legal claims.
right-object-ref = Article 21 GDPR
right-withdraw-consent-title = Right to withdraw consent
right-withdraw-consent-text = If we process your data on the basis of your consent, you can withdraw your consent at any time, and withdrawing it is as easy as giving it. Withdrawing consent does not make the processing carried out before it unlawful.
right-withdraw-consent-ref = Article 7(3) GDPR
right-automated-decisions-title = Rights in automated individual decision-making
right-automated-decisions-text = You have the right not to be subject to a decision based solely on automated processing, including profiling, that has legal effects on you or similarly significantly affects you, unless an exception in the GDPR applies. If such a decision is made about you, you can ask for a person to review it, express your point of view and contest the decision.
right-automated-decisions-ref = Article 22 GDPR

label-restrictions = Limits to these rights
restrictions-intro = A law limits some of the rights above in this register, or the people concerned are not informed one by one:
right-information-title = Right to be informed
ground-national-law = a restriction laid down in national law
ground-national-law-ref = Article 23 GDPR
ground-research-statistics = a derogation for scientific or historical research or statistics
ground-research-statistics-ref = Article 89(2) GDPR
ground-archiving = a derogation for archiving in the public interest
ground-archiving-ref = Article 89(3) GDPR
ground-disproportionate-effort = informing each person would be impossible or take a disproportionate effort, so the information is made public instead
ground-disproportionate-effort-ref = Article 14(5)(b) GDPR
ground-required-by-law = the law expressly lays down how the data is obtained or disclosed
ground-required-by-law-ref = Article 14(5)(c) GDPR
ground-professional-secrecy = the data must be kept confidential under a duty of professional secrecy
ground-professional-secrecy-ref = Article 14(5)(d) GDPR

## Supervisory authorities (gdpr.md section 5)

authority-FI-name = Office of the Data Protection Ombudsman
authority-FI-visiting = Lintulahdenkuja 4, 00530 Helsinki
authority-FI-postal = P.O. Box 800, 00531 Helsinki
authority-SE-name = Swedish Authority for Privacy Protection (IMY)
authority-SE-postal = Box 8114, 104 20 Stockholm, Sweden
