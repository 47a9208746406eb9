# seloste diff: selosteen kahden version välisten muutosten sanamuodot, suomi.
#
# Termit noudattavat EU:n yleisen tietosuoja-asetuksen virallista suomenkielistä
# versiota, kuten notice.ftl:ssä; otsikot, oikeusperusteet, siirtoperusteet,
# roolit, maat, päivämäärät ja säilytysajat tulevat tiedostoista notice.ftl ja
# countries.ftl.
# Kukin rivi kertoo yhdestä muutoksesta muutoslokia varten: lyhyesti, muodossa
# "lisätty", "poistettu", "muutettu".
# Arvot ovat pelkkää tekstiä ilman Markdownia. Jokaisen avaimen on oltava myös
# tiedostoissa locales/sv/diff.ftl ja locales/en/diff.ftl.

## Kehys

diff-header = { $title }: { $old } → { $new }
diff-version-date = versio { $version }, { $date }
diff-sec-notice = Selosteen tiedot
diff-no-material = Ei olennaisia muutoksia.
diff-summary =
    { $count ->
        [one] { $count } olennainen muutos.
       *[other] { $count } olennaista muutosta.
    }

## Rivin osat

diff-quote = ”{ $text }”
diff-paren = { $text } ({ $detail })
diff-none = (ei ilmoitettu)
diff-yes = kyllä
diff-no = ei
diff-entry = kohta { $n }
diff-eea = EU/ETA-alue (maata ei ilmoitettu)

## Mitä muuttui: yksi rivi kustakin

diff-added = { $item } lisätty.
diff-removed = { $item } poistettu.
diff-text = { $item }: { $field } muutettu ({ $langs }).
diff-value = { $item }: { $field } muutettu, aiemmin { $old }, nyt { $new }.
diff-top-text = { $field } muutettu ({ $langs }).
diff-top-value = { $field } muutettu, aiemmin { $old }, nyt { $new }.
diff-period = { $item } muutettu, aiemmin { $old }, nyt { $new }.
diff-purpose-added = { $item } lisätty, oikeusperuste: { $basis }.
diff-recipient-added-third = { $item } lisätty. Vastaanottaja on kolmannessa maassa EU:n ja ETA:n ulkopuolella: { $country }.
diff-recipient-removed-third = { $item } poistettu. Vastaanottaja oli kolmannessa maassa EU:n ja ETA:n ulkopuolella: { $country }.
diff-recipient-to-third = { $item } käsittelee tietoja nyt kolmannessa maassa EU:n ja ETA:n ulkopuolella: { $new } (aiemmin { $old }).
diff-transfer-added = { $item } lisätty, siirron peruste: { $mechanism }.
diff-recipients-none = Selosteessa todetaan nyt, ettei tietoja luovuteta kenellekään.
diff-recipients-unstated = Selosteessa ei enää kerrota, kenelle tietoja luovutetaan.
diff-automated-on = Nyt tehdään päätöksiä, jotka perustuvat yksinomaan automaattiseen käsittelyyn.
diff-automated-off = Enää ei tehdä päätöksiä, jotka perustuvat yksinomaan automaattiseen käsittelyyn.
diff-profiling-on = Profilointia käytetään nyt.
diff-profiling-off = Profilointia ei enää käytetä.

## Kohteet rivin alussa

diff-item-controller = Rekisterinpitäjä
diff-item-representative = Rekisterinpitäjän edustaja EU:ssa
diff-item-processor = Henkilötietojen käsittelijä
diff-item-records = Seloste käsittelytoimista
diff-item-contact = Yhteyshenkilö
diff-item-dpo = Tietosuojavastaava
diff-item-purpose = Käsittelyn tarkoitus { $name }
diff-item-subject = Rekisteröityjen ryhmä { $name }
diff-item-category = Henkilötietoryhmä { $name }
diff-item-source = Tietolähde { $name }
diff-item-recipient = Vastaanottaja { $name }
diff-item-transfer = Siirto EU:n ja ETA:n ulkopuolelle ({ $country }, { $recipient })
diff-item-retention = Säilytysaika ({ $name })
diff-item-provision = Tietojen antamisen velvollisuutta koskeva selvitys
diff-item-automated = Automaattista päätöksentekoa koskeva selvitys
diff-item-rights = Ohjeet oikeuksien käyttämiseen
diff-item-role = Käyttäjärooli { $name }
diff-item-related = Linkki { $name }
diff-item-restriction = Rajoitus { $name }

## Kentät

diff-field-title = rekisterin nimi
diff-field-description = kuvaus
diff-field-summary = lyhyt kuvaus tiivistelmässä
diff-field-draft = luonnostila
diff-field-languages = kielet
diff-field-version = versio
diff-field-updated = päivämäärä
diff-field-collected = tietojen alkuperä
diff-field-authority = valvontaviranomainen
diff-field-security = suojauksen periaatteiden kuvaus
diff-field-processing = rekisterinpitäjän puolesta suoritettavien käsittelyjen ryhmät
diff-field-cookies = evästeiden kuvaus
diff-field-name = nimi
diff-field-address = osoite
diff-field-email = sähköposti
diff-field-phone = puhelin
diff-field-web = verkkosivut
diff-field-business-id = Y-tunnus
diff-field-country = maa
diff-field-country-unknown = maa ei tiedossa
diff-field-public-authority = viranomaisasema
diff-field-role = rooli
diff-field-law = lainsäädäntö
diff-field-legal-basis = oikeusperuste
diff-field-legitimate-interests = oikeutettujen etujen kuvaus
diff-field-special-category-condition = erityisiin henkilötietoryhmiin kuuluvien tietojen käsittelyperuste
diff-field-withdrawal = suostumuksen peruuttamisohje
diff-field-items = tietosisältö
diff-field-special-category = erityinen henkilötietoryhmä
diff-field-criminal-offences = rikostuomioihin ja rikkomuksiin liittyvät tiedot
diff-field-editable-by-subject = rekisteröidyn itse päivitettävissä
diff-field-subjects = rekisteröityjen ryhmät
diff-field-purposes = käsittelyn tarkoitukset
diff-field-kind = lähteen tyyppi
diff-field-categories = henkilötietoryhmät
diff-field-purpose = luovutuksen tarkoitus
diff-field-recipient = vastaanottaja
diff-field-mechanism = siirron peruste
diff-field-safeguard-copy = ohje suojatoimien jäljennöksen saamiseen
diff-field-rule = säilytysajan määräytyminen
diff-field-period = säilytysaika
diff-field-used = automatisoitu päätöksenteko
diff-field-profiling = profilointi
diff-field-applies-to = soveltamisala
diff-field-requirement = tietojen antamisen pakollisuus
diff-field-consequences = seuraukset
diff-field-logic = päätöksenteon logiikka
diff-field-how = ohjeet
diff-field-sees = näkyvät tiedot
diff-field-url = verkko-osoite
diff-field-notice = linkitetty seloste
diff-field-right = oikeus
diff-field-ground = peruste

## Lyhyet arvot

diff-collected-data-subject = rekisteröity itse
diff-collected-other-sources = muut lähteet
diff-collected-both = rekisteröity itse ja muut lähteet
diff-provision-statutory = lakisääteinen vaatimus
diff-provision-contractual = sopimukseen perustuva vaatimus
diff-provision-contract-prerequisite = sopimuksen tekemisen edellytys
diff-provision-voluntary = vapaaehtoinen
diff-provision-mixed = osittain pakollinen, osittain vapaaehtoinen
