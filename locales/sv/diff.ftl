# seloste diff: formuleringarna i en lista över ändringar mellan två versioner av
# en beskrivning, svenska.
#
# Termerna följer den officiella svenska versionen av dataskyddsförordningen, som
# i notice.ftl; rubriker, rättsliga grunder, överföringsmekanismer, roller,
# länder, datum och lagringstider kommer från notice.ftl och countries.ftl.
# Varje rad beskriver en ändring, för en ändringslogg: kort, i perfekt.
# Värdena är ren text utan Markdown. Varje nyckel här måste också finnas i
# locales/fi/diff.ftl och locales/en/diff.ftl.

## Ram

diff-header = { $title }: { $old } → { $new }
diff-version-date = version { $version }, { $date }
diff-sec-notice = Om beskrivningen
diff-no-material = Inga väsentliga ändringar.
diff-summary =
    { $count ->
        [one] { $count } väsentlig ändring.
       *[other] { $count } väsentliga ändringar.
    }

## Delar av en rad

diff-quote = ”{ $text }”
diff-paren = { $text } ({ $detail })
diff-none = (inte angivet)
diff-yes = ja
diff-no = nej
diff-entry = post { $n }
diff-eea = EU/EES (inget land angivet)

## Vad som har ändrats: en rad för varje

diff-added = { $item } har lagts till.
diff-removed = { $item } har tagits bort.
diff-text = { $item }: { $field } har ändrats ({ $langs }).
diff-value = { $item }: { $field } har ändrats från { $old } till { $new }.
diff-top-text = { $field } har ändrats ({ $langs }).
diff-top-value = { $field } har ändrats från { $old } till { $new }.
diff-period = { $item } har ändrats från { $old } till { $new }.
diff-purpose-added = { $item } har lagts till, med den rättsliga grunden { $basis }.
diff-recipient-added-third = { $item } har lagts till. Mottagaren finns i ett tredjeland utanför EU/EES: { $country }.
diff-recipient-removed-third = { $item } har tagits bort. Mottagaren fanns i ett tredjeland utanför EU/EES: { $country }.
diff-recipient-to-third = { $item } behandlar nu uppgifterna i ett tredjeland utanför EU/EES: { $new } (tidigare { $old }).
diff-transfer-added = { $item } har lagts till. Grund för överföringen: { $mechanism }.
diff-recipients-none = Beskrivningen anger nu att uppgifterna inte lämnas ut till någon.
diff-recipients-unstated = Beskrivningen anger inte längre till vem uppgifterna lämnas ut.
diff-automated-on = Beslut som enbart grundas på automatiserad behandling fattas nu.
diff-automated-off = Beslut som enbart grundas på automatiserad behandling fattas inte längre.
diff-profiling-on = Profilering används nu.
diff-profiling-off = Profilering används inte längre.

## Det som har ändrats, i början av en rad

diff-item-controller = Den personuppgiftsansvarige
diff-item-representative = Företrädaren i EU
diff-item-processor = Personuppgiftsbiträdet
diff-item-records = Register över behandling
diff-item-contact = Kontaktpersonen
diff-item-dpo = Dataskyddsombudet
diff-item-purpose = Ändamålet { $name }
diff-item-subject = Gruppen av registrerade { $name }
diff-item-category = Kategorin av personuppgifter { $name }
diff-item-source = Källan { $name }
diff-item-recipient = Mottagaren { $name }
diff-item-transfer = Överföringen till { $country } ({ $recipient })
diff-item-retention = Lagringstiden för { $name }
diff-item-provision = Uppgiften om skyldigheten att lämna uppgifter
diff-item-automated = Uppgiften om automatiserat beslutsfattande
diff-item-rights = Anvisningarna för att utöva rättigheterna
diff-item-role = Rollen { $name }
diff-item-related = Länken { $name }
diff-item-restriction = Begränsningen { $name }

## Fält

diff-field-title = registrets namn
diff-field-description = beskrivningen
diff-field-summary = den korta beskrivningen i sammanfattningen
diff-field-draft = utkaststatus
diff-field-languages = språken
diff-field-version = versionen
diff-field-updated = datumet
diff-field-collected = uppgifternas ursprung
diff-field-authority = tillsynsmyndigheten
diff-field-security = beskrivningen av skyddsåtgärderna
diff-field-processing = kategorier av behandling som utförs för den personuppgiftsansvariges räkning
diff-field-cookies = beskrivningen av kakor
diff-field-name = namnet
diff-field-address = adressen
diff-field-email = e-postadressen
diff-field-phone = telefonnumret
diff-field-web = webbplatsen
diff-field-business-id = FO-numret
diff-field-country = landet
diff-field-country-unknown = landet okänt
diff-field-public-authority = ställningen som myndighet
diff-field-role = rollen
diff-field-law = lagstiftningen
diff-field-legal-basis = den rättsliga grunden
diff-field-legitimate-interests = beskrivningen av de berättigade intressena
diff-field-special-category-condition = grunden för behandling av särskilda kategorier av personuppgifter
diff-field-withdrawal = anvisningen för att återkalla samtycket
diff-field-items = uppgifterna
diff-field-special-category = den särskilda kategorin av personuppgifter
diff-field-criminal-offences = uppgifter om fällande domar i brottmål och överträdelser
diff-field-editable-by-subject = om den registrerade själv kan uppdatera uppgifterna
diff-field-subjects = grupperna av registrerade
diff-field-purposes = ändamålen
diff-field-kind = typen av källa
diff-field-categories = kategorierna av personuppgifter
diff-field-purpose = syftet med utlämnandet
diff-field-recipient = mottagaren
diff-field-mechanism = grunden för överföringen
diff-field-safeguard-copy = anvisningen för att få en kopia av skyddsåtgärderna
diff-field-rule = hur lagringstiden bestäms
diff-field-period = lagringstid
diff-field-used = automatiserat beslutsfattande
diff-field-profiling = profilering
diff-field-applies-to = vilka uppgifter den gäller
diff-field-requirement = om det är obligatoriskt att lämna uppgifterna
diff-field-consequences = konsekvenserna
diff-field-logic = logiken bakom besluten
diff-field-how = anvisningarna
diff-field-sees = vad rollen ser
diff-field-url = webbadressen
diff-field-notice = den länkade beskrivningen
diff-field-right = rättighet
diff-field-ground = grund

## Korta värden

diff-collected-data-subject = den registrerade
diff-collected-other-sources = andra källor
diff-collected-both = den registrerade och andra källor
diff-provision-statutory = lagstadgat krav
diff-provision-contractual = avtalsenligt krav
diff-provision-contract-prerequisite = krav för att ingå ett avtal
diff-provision-voluntary = frivilligt
diff-provision-mixed = delvis obligatoriskt, delvis frivilligt
