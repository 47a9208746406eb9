# seloste diff: the wording of a change list between two versions of a notice, English.
#
# Terms follow the official English version of the GDPR, as in notice.ftl; section
# headings, legal bases, transfer mechanisms, roles, countries, dates and storage
# periods come from notice.ftl and countries.ftl.
# Each line describes one change, for a change log: short, in the past tense.
# Values are plain text with no Markdown. Every key here must also exist in
# locales/fi/diff.ftl and locales/sv/diff.ftl.

## Frame

diff-header = { $title }: { $old } → { $new }
diff-version-date = version { $version }, { $date }
diff-sec-notice = About this notice
diff-no-material = No material changes.
diff-summary =
    { $count ->
        [one] { $count } material change.
       *[other] { $count } material changes.
    }

## Pieces of a line

diff-quote = “{ $text }”
diff-paren = { $text } ({ $detail })
diff-none = (not stated)
diff-yes = yes
diff-no = no
diff-entry = entry { $n }
diff-eea = the EU/EEA (no country given)

## What changed: one line each

diff-added = { $item } added.
diff-removed = { $item } removed.
diff-text = { $item }: { $field } changed ({ $langs }).
diff-value = { $item }: { $field } changed from { $old } to { $new }.
diff-top-text = { $field } changed ({ $langs }).
diff-top-value = { $field } changed from { $old } to { $new }.
diff-period = { $item } changed from { $old } to { $new }.
diff-purpose-added = { $item } added, with the legal basis { $basis }.
diff-recipient-added-third = { $item } added. The recipient is in a third country outside the EU/EEA: { $country }.
diff-recipient-removed-third = { $item } removed. The recipient was in a third country outside the EU/EEA: { $country }.
diff-recipient-to-third = { $item } now processes the data in a third country outside the EU/EEA: { $new } (previously { $old }).
diff-transfer-added = { $item } added, with the transfer mechanism { $mechanism }.
diff-recipients-none = The notice now states that the data is not disclosed to anyone.
diff-recipients-unstated = The notice no longer says to whom the data is disclosed.
diff-automated-on = Decisions based solely on automated processing are now made.
diff-automated-off = Decisions based solely on automated processing are no longer made.
diff-profiling-on = Profiling is now used.
diff-profiling-off = Profiling is no longer used.

## Items, as the subject of a line

diff-item-controller = Controller
diff-item-representative = Representative in the EU
diff-item-processor = Processor
diff-item-records = Record of processing activities
diff-item-contact = Contact person
diff-item-dpo = Data protection officer
diff-item-purpose = Purpose { $name }
diff-item-subject = Group of data subjects { $name }
diff-item-category = Category of personal data { $name }
diff-item-source = Source { $name }
diff-item-recipient = Recipient { $name }
diff-item-transfer = Transfer to { $country } ({ $recipient })
diff-item-retention = Storage period for { $name }
diff-item-provision = Statement on the obligation to provide data
diff-item-automated = Statement on automated decision-making
diff-item-rights = Instructions for exercising your rights
diff-item-role = Access role { $name }
diff-item-related = Link { $name }
diff-item-restriction = Restriction { $name }

## Fields

diff-field-title = name of the register
diff-field-description = description
diff-field-summary = short line in the summary
diff-field-draft = draft status
diff-field-languages = languages
diff-field-version = version
diff-field-updated = date
diff-field-collected = origin of the data
diff-field-authority = supervisory authority
diff-field-security = description of the security measures
diff-field-processing = categories of processing carried out for the controller
diff-field-cookies = description of cookies
diff-field-name = name
diff-field-address = address
diff-field-email = email
diff-field-phone = phone
diff-field-web = website
diff-field-business-id = business ID
diff-field-country = country
diff-field-country-unknown = country not known
diff-field-public-authority = public authority status
diff-field-role = role
diff-field-law = legislation
diff-field-legal-basis = legal basis
diff-field-legitimate-interests = description of the legitimate interests
diff-field-special-category-condition = condition for processing special categories of personal data
diff-field-withdrawal = how to withdraw consent
diff-field-items = data items
diff-field-special-category = special category of personal data
diff-field-criminal-offences = data on criminal convictions and offences
diff-field-editable-by-subject = editable by the data subject
diff-field-subjects = groups of data subjects
diff-field-purposes = purposes
diff-field-kind = type of source
diff-field-categories = categories of personal data
diff-field-purpose = purpose of the disclosure
diff-field-recipient = recipient
diff-field-mechanism = transfer mechanism
diff-field-safeguard-copy = how to get a copy of the safeguards
diff-field-rule = how the period is determined
diff-field-period = storage period
diff-field-used = automated decision-making
diff-field-profiling = profiling
diff-field-applies-to = data covered
diff-field-requirement = whether providing the data is required
diff-field-consequences = consequences
diff-field-logic = logic involved
diff-field-how = instructions
diff-field-sees = what the role can see
diff-field-url = web address
diff-field-notice = linked notice
diff-field-right = right
diff-field-ground = ground

## Short values

diff-collected-data-subject = the data subject
diff-collected-other-sources = other sources
diff-collected-both = the data subject and other sources
diff-provision-statutory = statutory requirement
diff-provision-contractual = contractual requirement
diff-provision-contract-prerequisite = requirement for entering into a contract
diff-provision-voluntary = voluntary
diff-provision-mixed = partly required, partly voluntary
