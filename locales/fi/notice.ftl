# seloste: tietosuojaselosteen vakiotekstit, suomi.
#
# Termit noudattavat EU:n yleisen tietosuoja-asetuksen (EU) 2016/679 virallista
# suomenkielistä versiota.
# Tekstit on kirjoitettu selkeällä yleiskielellä (12 artiklan 1 kohta), koska
# selosteita lukevat myös oppilaat ja huoltajat. Juokseva teksti puhuu
# rekisterinpitäjän äänellä ("me") rekisteröidylle ("sinä").
# Arvot ovat pelkkää tekstiä: ei HTML:ää eikä Markdownia, ne escapoidaan.
# Jokaisen avaimen on oltava myös tiedostoissa locales/sv ja locales/en.

## Otsikot (perinteinen järjestys, gdpr.md kohta 6)

sec-summary = Lyhyesti
sec-toc = Sisällys
sec-controller = Rekisterinpitäjä
sec-contact = Yhteyshenkilö rekisteriä koskevissa asioissa
sec-dpo = Tietosuojavastaava
sec-register = Rekisterin nimi
sec-purposes = Käsittelyn tarkoitus ja oikeusperuste
sec-subjects = Rekisteröityjen ryhmät
sec-data = Rekisterin tietosisältö
sec-sources = Säännönmukaiset tietolähteet
sec-recipients = Tietojen säännönmukaiset luovutukset ja vastaanottajat
sec-transfers = Tietojen siirto EU:n tai ETA:n ulkopuolelle
sec-retention = Säilytysaika
sec-security = Rekisterin suojauksen periaatteet
sec-automated = Automaattinen päätöksenteko ja profilointi
sec-rights = Rekisteröidyn oikeudet
sec-objection = Vastustamisoikeus
sec-complaint = Oikeus tehdä valitus valvontaviranomaiselle
sec-provision = Velvollisuus antaa tiedot
sec-processor = Henkilötietojen käsittelijä
sec-representative = Rekisterinpitäjän edustaja EU:ssa
sec-access = Ketkä näkevät tiedot
sec-cookies = Evästeet
sec-related = Lisätietoja

## Kenttien nimet

label-name = Nimi
label-address = Osoite
label-email = Sähköposti
label-phone = Puhelin
label-web = Verkkosivut
label-business-id = Y-tunnus
label-role = Rooli
label-version = Versio
label-updated = Päivitetty
label-legal-basis = Käsittelyn oikeusperuste
label-law = Lainsäädäntö
label-legitimate-interests = Oikeutetut edut
label-special-condition = Erityisiin henkilötietoryhmiin kuuluvien tietojen käsittelyperuste
label-withdrawal = Näin peruutat suostumuksen
label-country = Maa
label-purpose = Tarkoitus
label-recipient = Vastaanottaja
label-mechanism = Siirron peruste
label-safeguard-copy = Näin saat jäljennöksen suojatoimista
label-period = Säilytysaika
label-rule = Miten säilytysaika määräytyy
label-applies-to = Koskee
label-items = Sisältää
label-special-category = Erityinen henkilötietoryhmä
label-criminal = Rikostuomioihin ja rikkomuksiin liittyvät tiedot
label-editable = Voit päivittää nämä tiedot itse
label-kind = Tyyppi
label-public-source = Julkisesti saatavilla oleva lähde
label-third-country = Kolmas maa (EU:n ja ETA:n ulkopuolella)
label-other-languages = Tämä seloste muilla kielillä
label-other-formats = Tämä seloste muissa muodoissa
label-how = Näin käytät oikeuksiasi
label-visiting-address = Käyntiosoite
label-postal-address = Postiosoite
label-description = Kuvaus
label-sees = Näkee
label-consequences = Seuraukset
label-logic = Päätöksenteon logiikka
label-requirement = Onko tietojen antaminen pakollista?
label-summary-controller = Kuka vastaa tiedoista
label-summary-purposes = Miksi tietoja käsitellään
label-summary-data = Mitä tietoja käsitellään
label-summary-rights = Tärkeimmät oikeutesi
label-summary-contact = Keneen voit ottaa yhteyttä
summary-more-purposes =
    { $count ->
        [one] ja { $count } muu käyttötarkoitus
       *[other] ja { $count } muuta käyttötarkoitusta
    }
label-page = Sivu
label-of = /
label-format-html = Verkkosivu
label-format-print = Tulostettava versio
label-format-md = Markdown
label-format-pdf = PDF
label-format-fragment = HTML-osa verkkosivulle

## Seloste ja hakemistosivu

notice-doc-type = Tietosuojaseloste
draft-label = Luonnos
draft-banner = Tämä seloste on luonnos, eikä sitä ole julkaistu. Sen tiedot voivat vielä muuttua.
notice-version-line = Versio { $version }, päivitetty { $date }
notice-gdpr-basis = Tässä selosteessa kerrotaan ne tiedot, jotka EU:n yleisen tietosuoja-asetuksen 13 ja 14 artikla edellyttävät.
index-title = Tietosuojaselosteet
index-intro = Näistä tietosuojaselosteista näet, miten henkilötietojasi käsitellään ja mitä oikeuksia sinulla on.
index-empty = Tietosuojaselosteita ei ole vielä julkaistu.
languages-choose = Valitse kieli
languages-intro = Tietosuojaselosteet suomeksi

## Päivämäärät: 21.11.2026

date = { $day }.{ $month }.{ $year }
month-1 = tammikuuta
month-2 = helmikuuta
month-3 = maaliskuuta
month-4 = huhtikuuta
month-5 = toukokuuta
month-6 = kesäkuuta
month-7 = heinäkuuta
month-8 = elokuuta
month-9 = syyskuuta
month-10 = lokakuuta
month-11 = marraskuuta
month-12 = joulukuuta

## Kestot (säilytysajat)

duration-years =
    { $count ->
        [one] { $count } vuosi
       *[other] { $count } vuotta
    }
duration-months =
    { $count ->
        [one] { $count } kuukausi
       *[other] { $count } kuukautta
    }
duration-weeks =
    { $count ->
        [one] { $count } viikko
       *[other] { $count } viikkoa
    }
duration-days =
    { $count ->
        [one] { $count } päivä
       *[other] { $count } päivää
    }

## Kielten nimet omalla kielellään

lang-fi = suomi
lang-sv = svenska
lang-en = English

## Käsittelyn oikeusperusteet, 6 artiklan 1 kohta

basis-consent = suostumus
basis-consent-ref = EU:n yleisen tietosuoja-asetuksen 6 artiklan 1 kohdan a alakohta
basis-contract = sopimuksen täytäntöönpano
basis-contract-ref = EU:n yleisen tietosuoja-asetuksen 6 artiklan 1 kohdan b alakohta
basis-legal-obligation = lakisääteinen velvoite
basis-legal-obligation-ref = EU:n yleisen tietosuoja-asetuksen 6 artiklan 1 kohdan c alakohta
basis-vital-interests = elintärkeät edut
basis-vital-interests-ref = EU:n yleisen tietosuoja-asetuksen 6 artiklan 1 kohdan d alakohta
basis-public-task = yleistä etua koskeva tehtävä tai julkisen vallan käyttäminen
basis-public-task-ref = EU:n yleisen tietosuoja-asetuksen 6 artiklan 1 kohdan e alakohta
basis-legitimate-interests = oikeutetut edut
basis-legitimate-interests-ref = EU:n yleisen tietosuoja-asetuksen 6 artiklan 1 kohdan f alakohta

## Erityiset henkilötietoryhmät, 9 artiklan 1 kohta

special-racial-or-ethnic-origin = rotu tai etninen alkuperä
special-political-opinions = poliittiset mielipiteet
special-religious-or-philosophical-beliefs = uskonnollinen tai filosofinen vakaumus
special-trade-union-membership = ammattiliiton jäsenyys
special-genetic = geneettiset tiedot
special-biometric = biometriset tiedot henkilön tunnistamista varten
special-health = terveyttä koskevat tiedot
special-sex-life-or-orientation = seksuaalista käyttäytymistä tai suuntautumista koskevat tiedot

## Erityisten henkilötietoryhmien käsittelyperusteet, 9 artiklan 2 kohta

cond-explicit-consent = nimenomainen suostumus (EU:n yleisen tietosuoja-asetuksen 9 artiklan 2 kohdan a alakohta)
cond-employment-and-social-security = työoikeuteen ja sosiaaliturvaan liittyvät velvollisuudet ja oikeudet (EU:n yleisen tietosuoja-asetuksen 9 artiklan 2 kohdan b alakohta)
cond-vital-interests = elintärkeät edut, kun rekisteröity ei pysty antamaan suostumustaan (EU:n yleisen tietosuoja-asetuksen 9 artiklan 2 kohdan c alakohta)
cond-non-profit-body = säätiön, yhdistyksen tai muun voittoa tavoittelemattoman elimen toiminta, joka koskee sen jäseniä (EU:n yleisen tietosuoja-asetuksen 9 artiklan 2 kohdan d alakohta)
cond-made-public = tiedot, jotka rekisteröity on itse selvästi saattanut julkisiksi (EU:n yleisen tietosuoja-asetuksen 9 artiklan 2 kohdan e alakohta)
cond-legal-claims = oikeusvaateen laatiminen, esittäminen tai puolustaminen tai tuomioistuinten lainkäyttötehtävät (EU:n yleisen tietosuoja-asetuksen 9 artiklan 2 kohdan f alakohta)
cond-substantial-public-interest = laissa säädetty tärkeä yleinen etu (EU:n yleisen tietosuoja-asetuksen 9 artiklan 2 kohdan g alakohta)
cond-health-or-social-care = ennaltaehkäisevä lääketiede tai työlääketiede, terveydenhuolto tai sosiaalihuolto (EU:n yleisen tietosuoja-asetuksen 9 artiklan 2 kohdan h alakohta)
cond-public-health = kansanterveyteen liittyvä yleinen etu (EU:n yleisen tietosuoja-asetuksen 9 artiklan 2 kohdan i alakohta)
cond-archiving-research-statistics = yleisen edun mukainen arkistointi, tieteellinen tai historiallinen tutkimus tai tilastointi (EU:n yleisen tietosuoja-asetuksen 9 artiklan 2 kohdan j alakohta)

## Siirtoperusteet, 45–49 artikla

mech-adequacy = Euroopan komission tietosuojan riittävyyttä koskeva päätös
mech-adequacy-ref = EU:n yleisen tietosuoja-asetuksen 45 artikla
mech-public-authority-instrument = viranomaisten tai julkisten elinten välinen oikeudellisesti sitova ja täytäntöönpanokelpoinen asiakirja
mech-public-authority-instrument-ref = EU:n yleisen tietosuoja-asetuksen 46 artiklan 2 kohdan a alakohta
mech-binding-corporate-rules = yritystä koskevat sitovat säännöt
mech-binding-corporate-rules-ref = EU:n yleisen tietosuoja-asetuksen 46 artiklan 2 kohdan b alakohta ja 47 artikla
mech-standard-contractual-clauses = Euroopan komission hyväksymät tietosuojaa koskevat vakiolausekkeet
mech-standard-contractual-clauses-ref = EU:n yleisen tietosuoja-asetuksen 46 artiklan 2 kohdan c alakohta
mech-authority-clauses = valvontaviranomaisen hyväksymät ja Euroopan komission vahvistamat tietosuojaa koskevat vakiolausekkeet
mech-authority-clauses-ref = EU:n yleisen tietosuoja-asetuksen 46 artiklan 2 kohdan d alakohta
mech-code-of-conduct = hyväksytyt käytännesäännöt ja vastaanottajan sitovat sitoumukset
mech-code-of-conduct-ref = EU:n yleisen tietosuoja-asetuksen 46 artiklan 2 kohdan e alakohta
mech-certification = hyväksytty sertifiointimekanismi ja vastaanottajan sitovat sitoumukset
mech-certification-ref = EU:n yleisen tietosuoja-asetuksen 46 artiklan 2 kohdan f alakohta
mech-ad-hoc-clauses = valvontaviranomaisen hyväksymät sopimuslausekkeet
mech-ad-hoc-clauses-ref = EU:n yleisen tietosuoja-asetuksen 46 artiklan 3 kohdan a alakohta
mech-derogation-consent = rekisteröidyn nimenomainen suostumus, joka on annettu sen jälkeen, kun hänelle on kerrottu siirron riskeistä
mech-derogation-consent-ref = EU:n yleisen tietosuoja-asetuksen 49 artiklan 1 kohdan a alakohta
mech-derogation-contract = rekisteröidyn ja rekisterinpitäjän välisen sopimuksen täytäntöönpano tai rekisteröidyn pyynnöstä tehtävät sopimusta edeltävät toimenpiteet
mech-derogation-contract-ref = EU:n yleisen tietosuoja-asetuksen 49 artiklan 1 kohdan b alakohta
mech-derogation-contract-in-interest = rekisteröidyn edun mukaisen sopimuksen tekeminen tai täytäntöönpano
mech-derogation-contract-in-interest-ref = EU:n yleisen tietosuoja-asetuksen 49 artiklan 1 kohdan c alakohta
mech-derogation-public-interest = tärkeät yleistä etua koskevat syyt
mech-derogation-public-interest-ref = EU:n yleisen tietosuoja-asetuksen 49 artiklan 1 kohdan d alakohta
mech-derogation-legal-claims = oikeusvaateen laatiminen, esittäminen tai puolustaminen
mech-derogation-legal-claims-ref = EU:n yleisen tietosuoja-asetuksen 49 artiklan 1 kohdan e alakohta
mech-derogation-vital-interests = rekisteröidyn tai muun henkilön elintärkeät edut, kun rekisteröity ei pysty antamaan suostumustaan
mech-derogation-vital-interests-ref = EU:n yleisen tietosuoja-asetuksen 49 artiklan 1 kohdan f alakohta
mech-derogation-public-register = siirto julkisesta rekisteristä
mech-derogation-public-register-ref = EU:n yleisen tietosuoja-asetuksen 49 artiklan 1 kohdan g alakohta
mech-derogation-compelling-interests = rekisterinpitäjän pakottavat oikeutetut edut (kertaluonteinen siirto)
mech-derogation-compelling-interests-ref = EU:n yleisen tietosuoja-asetuksen 49 artiklan 1 kohdan toinen alakohta

## Vastaanottajien roolit

role-processor = henkilötietojen käsittelijä
role-controller = itsenäinen rekisterinpitäjä
role-joint-controller = yhteisrekisterinpitäjä
role-authority = viranomainen

## Tietolähteiden tyypit

source-data-subject = rekisteröity itse
source-register = toinen rekisteri
source-authority = viranomainen
source-public = julkisesti saatavilla oleva lähde
source-organisation = muu organisaatio

## Onko tietojen antaminen pakollista, 13 artiklan 2 kohdan e alakohta

provision-statutory = Laki velvoittaa antamaan tiedot, joten niiden antaminen on pakollista.
provision-contractual = Tietojen antaminen perustuu sopimukseen, ja sopimus velvoittaa sinut antamaan ne.
provision-contract-prerequisite = Tietoja tarvitaan sopimuksen tekemiseen. Sinun ei ole pakko antaa niitä, mutta ilman niitä sopimusta ei voida tehdä.
provision-voluntary = Tietojen antaminen on vapaaehtoista, eikä sinun ole pakko antaa niitä.
provision-mixed = Osa tiedoista on annettava lain tai sopimuksen vuoksi, ja muiden tietojen antaminen on vapaaehtoista. Tässä kohdassa kerrotaan tarkemmin, mitä tietoja tämä koskee.

## Mistä tiedot saadaan

collected-data-subject = Saamme tiedot suoraan sinulta.
collected-other-sources = Saamme tiedot muista lähteistä, jotka on lueteltu tässä selosteessa.
collected-both = Saamme osan tiedoista suoraan sinulta ja osan muista lähteistä, jotka on lueteltu tässä selosteessa.

## Vakiolauseet

transfers-none = Emme siirrä henkilötietoja Euroopan unionin (EU) tai Euroopan talousalueen (ETA) ulkopuolelle.
transfer-country-unknown = ei tiedossa: vastaanottaja ei ole kertonut, missä maassa se käsittelee tietoja
recipients-none = Tietoja ei luovuteta säännönmukaisesti kenellekään.
processor-statement = { $processor } toimii henkilötietojen käsittelijänä ja käsittelee henkilötietoja rekisterinpitäjän ({ $controller }) lukuun.
automated-none = Emme tee päätöksiä, jotka perustuvat pelkästään automaattiseen käsittelyyn, kuten profilointiin, ja joilla on sinua koskevia oikeusvaikutuksia tai jotka vaikuttavat sinuun vastaavalla tavalla merkittävästi.
automated-used = Teemme päätöksiä, jotka perustuvat pelkästään automaattiseen käsittelyyn ja joilla on sinua koskevia oikeusvaikutuksia tai jotka vaikuttavat sinuun vastaavalla tavalla merkittävästi. Alla kerrotaan, mihin logiikkaan päätökset perustuvat ja mitä ne merkitsevät sinulle.
profiling-used = Käytämme profilointia eli henkilökohtaisten ominaisuuksien automaattista arviointia alla kuvatulla tavalla.
rights-intro = Alla kerrotaan oikeuksista, jotka sinulla on tässä käsittelyssä. Se, mitkä oikeudet ovat käytettävissäsi, riippuu käsittelyn oikeusperusteesta.
rights-how-default = Lähetä oikeuksiasi koskevat pyynnöt alla oleviin yhteystietoihin.
rights-reply-time = Vastaamme pyyntöösi kuukauden kuluessa siitä, kun olemme saaneet sen. Jos pyyntö on monimutkainen tai pyyntöjä on paljon, määräaikaa voidaan jatkaa enintään kahdella kuukaudella. Kerromme silloin jatkamisesta ja sen syistä kuukauden kuluessa pyynnön saapumisesta.
retention-intro = Säilytämme henkilötietoja vain niin kauan kuin niitä tarvitaan tässä selosteessa kerrottuihin tarkoituksiin tai kuin laki sitä edellyttää. Säilytysajat on kerrottu alla. Kun säilytysaika päättyy, poistamme tiedot tai, jos laki niin edellyttää, siirrämme ne pysyvästi säilytettäviksi.
complaint-text = Jos katsot, että henkilötietojesi käsittely rikkoo EU:n yleistä tietosuoja-asetusta, sinulla on oikeus tehdä valitus valvontaviranomaiselle. Voit tehdä valituksen erityisesti siinä EU:n tai Euroopan talousalueen (ETA) jäsenvaltiossa, jossa asut tai työskentelet tai jossa väitetty rikkominen on tapahtunut. Valitusoikeus ei rajoita muita hallinnollisia muutoksenhakukeinoja tai oikeussuojakeinoja.

## Rekisteröidyn oikeudet (gdpr.md kohta 3)

right-access-title = Oikeus saada pääsy tietoihin
right-access-text = Sinulla on oikeus saada tietää, käsittelemmekö henkilötietojasi. Jos käsittelemme, saat pyynnöstä jäljennöksen tiedoistasi sekä tietoa siitä, miksi niitä käsitellään, kenelle niitä luovutetaan ja kuinka kauan niitä säilytetään. Ensimmäinen jäljennös on maksuton.
right-access-ref = EU:n yleisen tietosuoja-asetuksen 15 artikla
right-rectification-title = Oikeus tietojen oikaisemiseen
right-rectification-text = Jos henkilötietosi ovat virheellisiä, sinulla on oikeus saada ne oikaistuiksi ilman aiheetonta viivytystä. Voit myös pyytää meitä täydentämään puutteellisia tietoja.
right-rectification-ref = EU:n yleisen tietosuoja-asetuksen 16 artikla
right-erasure-title = Oikeus tietojen poistamiseen
# $consent: "yes", kun jokin käsittely perustuu suostumukseen (6 artiklan 1 kohdan a alakohta tai 9 artiklan 2 kohdan a alakohta).
right-erasure-text =
    { $consent ->
        [yes] Sinulla on tietyissä tilanteissa oikeus saada henkilötietosi poistetuiksi, esimerkiksi kun niitä ei enää tarvita siihen tarkoitukseen, jota varten ne kerättiin, kun peruutat suostumuksesi tai kun tietoja on käsitelty lainvastaisesti.
       *[no] Sinulla on tietyissä tilanteissa oikeus saada henkilötietosi poistetuiksi, esimerkiksi kun niitä ei enää tarvita siihen tarkoitukseen, jota varten ne kerättiin, tai kun tietoja on käsitelty lainvastaisesti.
    } Poistamme tiedot silloin ilman aiheetonta viivytystä.
right-erasure-limited-text = Oikeus tietojen poistamiseen ei koske tietoja, joita meidän on käsiteltävä lakisääteisen velvoitteen noudattamiseksi tai yleistä etua koskevan tehtävän suorittamiseksi tai julkisen vallan käyttämiseksi. Tällaisia tietoja säilytetään tässä selosteessa kerrotun säilytysajan.
right-erasure-ref = EU:n yleisen tietosuoja-asetuksen 17 artikla
right-restriction-title = Oikeus käsittelyn rajoittamiseen
right-restriction-text = Voit tietyissä tilanteissa pyytää, että rajoitamme tietojesi käsittelyä, esimerkiksi sillä aikaa, kun tarkistamme, ovatko tiedot oikeita. Kun käsittelyä on rajoitettu, säilytämme tietoja, mutta muuten käytämme niitä vain suostumuksellasi tai tietosuoja-asetuksessa mainituista syistä, kuten oikeusvaateen vuoksi.
right-restriction-ref = EU:n yleisen tietosuoja-asetuksen 18 artikla
right-portability-title = Oikeus siirtää tiedot järjestelmästä toiseen
right-portability-text = Jos käsittelemme tietojasi suostumuksesi tai sopimuksen perusteella ja käsittely tehdään automaattisesti, sinulla on oikeus saada itse antamasi tiedot jäsennellyssä, yleisesti käytetyssä ja koneluettavassa muodossa. Voit myös pyytää meitä siirtämään tiedot suoraan toiselle rekisterinpitäjälle, jos se on teknisesti mahdollista.
right-portability-ref = EU:n yleisen tietosuoja-asetuksen 20 artikla
right-object-title = Vastustamisoikeus
# $bases: käytetyt oikeusperusteet, joihin oikeus liittyy: "public-task" (6 artiklan 1 kohdan e alakohta),
# "legitimate-interests" (f alakohta) tai "both".
right-object-text =
    { $bases ->
        [public-task] Kun käsittelemme tietojasi yleistä etua koskevan tehtävän suorittamiseksi tai julkisen vallan käyttämiseksi
        [legitimate-interests] Kun käsittelemme tietojasi oikeutettujen etujemme perusteella
       *[both] Kun käsittelemme tietojasi yleistä etua koskevan tehtävän suorittamiseksi tai julkisen vallan käyttämiseksi taikka oikeutettujen etujemme perusteella
    }, sinulla on oikeus milloin tahansa vastustaa käsittelyä henkilökohtaiseen erityiseen tilanteeseesi liittyvällä perusteella. Silloin emme saa enää käsitellä tietoja, ellemme osoita, että käsittelyyn on huomattavan tärkeä ja perusteltu syy, joka syrjäyttää etusi, oikeutesi ja vapautesi, tai että käsittely on tarpeen oikeusvaateen laatimiseksi, esittämiseksi tai puolustamiseksi.
right-object-ref = EU:n yleisen tietosuoja-asetuksen 21 artikla
right-withdraw-consent-title = Oikeus peruuttaa suostumus
right-withdraw-consent-text = Jos käsittelemme tietojasi suostumuksesi perusteella, voit peruuttaa suostumuksesi milloin tahansa, ja peruuttaminen on yhtä helppoa kuin suostumuksen antaminen. Peruuttaminen ei tee sitä edeltänyttä käsittelyä lainvastaiseksi.
right-withdraw-consent-ref = EU:n yleisen tietosuoja-asetuksen 7 artiklan 3 kohta
right-automated-decisions-title = Oikeudet automatisoiduissa yksittäispäätöksissä
right-automated-decisions-text = Sinulla on oikeus olla joutumatta sellaisen päätöksen kohteeksi, joka perustuu pelkästään automaattiseen käsittelyyn, kuten profilointiin, ja jolla on sinua koskevia oikeusvaikutuksia tai joka vaikuttaa sinuun vastaavalla tavalla merkittävästi, ellei tietosuoja-asetuksessa mainittu poikkeus sovellu. Jos sinusta tehdään tällainen päätös, voit vaatia, että asian käsittelee ihminen, esittää oman näkemyksesi ja riitauttaa päätöksen.
right-automated-decisions-ref = EU:n yleisen tietosuoja-asetuksen 22 artikla

label-restrictions = Oikeuksien rajoitukset
restrictions-intro = Laki rajoittaa tässä rekisterissä joitakin edellä kerrottuja oikeuksia, tai rekisteröidyille ei ilmoiteta käsittelystä kullekin erikseen:
right-information-title = Oikeus saada tietoa käsittelystä
ground-national-law = kansallisessa laissa säädetty rajoitus
ground-national-law-ref = EU:n yleisen tietosuoja-asetuksen 23 artikla
ground-research-statistics = poikkeus tieteellistä tai historiallista tutkimusta tai tilastointia varten
ground-research-statistics-ref = EU:n yleisen tietosuoja-asetuksen 89 artiklan 2 kohta
ground-archiving = poikkeus yleisen edun mukaista arkistointia varten
ground-archiving-ref = EU:n yleisen tietosuoja-asetuksen 89 artiklan 3 kohta
ground-disproportionate-effort = jokaiselle henkilölle ilmoittaminen olisi mahdotonta tai vaatisi kohtuuttomasti vaivaa, joten tiedot julkaistaan yleisesti
ground-disproportionate-effort-ref = EU:n yleisen tietosuoja-asetuksen 14 artiklan 5 kohdan b alakohta
ground-required-by-law = tietojen hankkimisesta tai luovuttamisesta säädetään nimenomaisesti laissa
ground-required-by-law-ref = EU:n yleisen tietosuoja-asetuksen 14 artiklan 5 kohdan c alakohta
ground-professional-secrecy = tiedot on pidettävä luottamuksellisina lakisääteisen salassapitovelvollisuuden vuoksi
ground-professional-secrecy-ref = EU:n yleisen tietosuoja-asetuksen 14 artiklan 5 kohdan d alakohta

## Valvontaviranomaiset (gdpr.md kohta 5)

authority-FI-name = Tietosuojavaltuutetun toimisto
authority-FI-visiting = Lintulahdenkuja 4, 00530 Helsinki
authority-FI-postal = PL 800, 00531 Helsinki
authority-SE-name = Integritetsskyddsmyndigheten (IMY), Ruotsi
authority-SE-postal = Box 8114, 104 20 Stockholm, Ruotsi
