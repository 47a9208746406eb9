# seloste: fasta texter i en dataskyddsbeskrivning, svenska (finlandssvenska).
#
# Termerna följer den officiella svenska versionen av EU:s allmänna
# dataskyddsförordning (EU) 2016/679.
# Texterna är skrivna på klart och enkelt språk (artikel 12.1), eftersom också
# elever och vårdnadshavare läser beskrivningarna. Den löpande texten talar för
# den personuppgiftsansvarige ("vi") till den registrerade ("du").
# Värdena är ren text: ingen HTML eller Markdown, de escapas vid utskrift.
# Varje nyckel måste också finnas i locales/fi och locales/en.

## Rubriker (traditionell finländsk ordning, gdpr.md avsnitt 6)

sec-summary = I korthet
sec-toc = Innehåll
sec-controller = Personuppgiftsansvarig
sec-contact = Kontaktperson i ärenden som gäller registret
sec-dpo = Dataskyddsombud
sec-register = Registrets namn
sec-purposes = Ändamål och rättslig grund
sec-subjects = Kategorier av registrerade
sec-data = Registrets datainnehåll
sec-sources = Regelmässiga uppgiftskällor
sec-recipients = Regelmässiga utlämnanden och mottagare
sec-transfers = Överföring utanför EU eller EES
sec-retention = Lagringstid
sec-security = Principer för skyddet av registret
sec-automated = Automatiserat beslutsfattande och profilering
sec-rights = Den registrerades rättigheter
sec-objection = Rätt att göra invändningar
sec-complaint = Rätt att lämna klagomål till tillsynsmyndigheten
sec-provision = Skyldighet att lämna uppgifter
sec-processor = Personuppgiftsbiträde
sec-representative = Företrädare i EU
sec-access = Vem kan se uppgifterna
sec-cookies = Kakor
sec-related = Mer information

## Fältnamn

label-name = Namn
label-address = Adress
label-email = E-post
label-phone = Telefon
label-web = Webbplats
label-business-id = FO-nummer
label-role = Roll
label-version = Version
label-updated = Uppdaterad
label-legal-basis = Rättslig grund
label-law = Lagstiftning
label-legitimate-interests = Berättigade intressen
label-special-condition = Grund för behandling av särskilda kategorier av personuppgifter
label-withdrawal = Så återkallar du samtycket
label-country = Land
label-purpose = Ändamål
label-recipient = Mottagare
label-mechanism = Grund för överföringen
label-safeguard-copy = Så får du en kopia av skyddsåtgärderna
label-period = Lagringstid
label-rule = Hur lagringstiden bestäms
label-applies-to = Gäller
label-items = Innehåller
label-special-category = Särskild kategori av personuppgifter
label-criminal = Uppgifter om fällande domar i brottmål och överträdelser
label-editable = Du kan själv uppdatera de här uppgifterna
label-kind = Typ
label-public-source = Allmänt tillgänglig källa
label-third-country = Tredjeland (utanför EU/EES)
label-other-languages = Den här beskrivningen på andra språk
label-other-formats = Den här beskrivningen i andra format
label-how = Så använder du dina rättigheter
label-visiting-address = Besöksadress
label-postal-address = Postadress
label-description = Beskrivning
label-sees = Ser
label-consequences = Följder
label-logic = Logiken bakom besluten
label-requirement = Är det obligatoriskt att lämna uppgifterna?
label-summary-controller = Vem ansvarar
label-summary-purposes = Varför uppgifterna behandlas
label-summary-data = Vilka uppgifter
label-summary-rights = Dina viktigaste rättigheter
label-summary-contact = Vem du kan kontakta
summary-more-purposes =
    { $count ->
        [one] och ytterligare { $count } ändamål
       *[other] och ytterligare { $count } ändamål
    }
label-page = Sida
label-of = av
label-format-html = Webbsida
label-format-print = Utskriftsversion
label-format-md = Markdown
label-format-pdf = PDF
label-format-fragment = HTML-avsnitt för en webbsida

## Beskrivningen och indexsidan

notice-doc-type = Dataskyddsbeskrivning
draft-label = Utkast
draft-banner = Den här beskrivningen är ett utkast och har inte publicerats. Uppgifterna kan ännu ändras.
notice-version-line = Version { $version }, uppdaterad { $date }
notice-gdpr-basis = Den här beskrivningen innehåller den information som krävs enligt artiklarna 13 och 14 i EU:s allmänna dataskyddsförordning.
index-title = Dataskyddsbeskrivningar
index-intro = I de här dataskyddsbeskrivningarna kan du läsa hur dina personuppgifter behandlas och vilka rättigheter du har.
index-empty = Det finns inga dataskyddsbeskrivningar ännu.
languages-choose = Välj språk
languages-intro = Dataskyddsbeskrivningarna på svenska

## Datum: 21.11.2026

date = { $day }.{ $month }.{ $year }
month-1 = januari
month-2 = februari
month-3 = mars
month-4 = april
month-5 = maj
month-6 = juni
month-7 = juli
month-8 = augusti
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december

## Tidslängder (lagringstider)

duration-years =
    { $count ->
        [one] { $count } år
       *[other] { $count } år
    }
duration-months =
    { $count ->
        [one] { $count } månad
       *[other] { $count } månader
    }
duration-weeks =
    { $count ->
        [one] { $count } vecka
       *[other] { $count } veckor
    }
duration-days =
    { $count ->
        [one] { $count } dag
       *[other] { $count } dagar
    }

## Språkens namn på respektive språk

lang-fi = suomi
lang-sv = svenska
lang-en = English

## Rättsliga grunder, artikel 6.1

basis-consent = samtycke
basis-consent-ref = artikel 6.1 a i dataskyddsförordningen
basis-contract = fullgörande av ett avtal
basis-contract-ref = artikel 6.1 b i dataskyddsförordningen
basis-legal-obligation = rättslig förpliktelse
basis-legal-obligation-ref = artikel 6.1 c i dataskyddsförordningen
basis-vital-interests = intressen av grundläggande betydelse
basis-vital-interests-ref = artikel 6.1 d i dataskyddsförordningen
basis-public-task = uppgift av allmänt intresse eller myndighetsutövning
basis-public-task-ref = artikel 6.1 e i dataskyddsförordningen
basis-legitimate-interests = berättigade intressen
basis-legitimate-interests-ref = artikel 6.1 f i dataskyddsförordningen

## Särskilda kategorier av personuppgifter, artikel 9.1

special-racial-or-ethnic-origin = ras eller etniskt ursprung
special-political-opinions = politiska åsikter
special-religious-or-philosophical-beliefs = religiös eller filosofisk övertygelse
special-trade-union-membership = medlemskap i fackförening
special-genetic = genetiska uppgifter
special-biometric = biometriska uppgifter för att identifiera en person
special-health = uppgifter om hälsa
special-sex-life-or-orientation = uppgifter om sexualliv eller sexuell läggning

## Grunder för behandling av särskilda kategorier, artikel 9.2

cond-explicit-consent = uttryckligt samtycke (artikel 9.2 a i dataskyddsförordningen)
cond-employment-and-social-security = skyldigheter och rättigheter inom arbetsrätten och på området social trygghet (artikel 9.2 b i dataskyddsförordningen)
cond-vital-interests = grundläggande intressen när den registrerade inte kan ge sitt samtycke (artikel 9.2 c i dataskyddsförordningen)
cond-non-profit-body = verksamhet i en stiftelse, förening eller annan ideell organisation som gäller dess medlemmar (artikel 9.2 d i dataskyddsförordningen)
cond-made-public = uppgifter som den registrerade själv på ett tydligt sätt har offentliggjort (artikel 9.2 e i dataskyddsförordningen)
cond-legal-claims = rättsliga anspråk eller domstolarnas dömande verksamhet (artikel 9.2 f i dataskyddsförordningen)
cond-substantial-public-interest = viktigt allmänt intresse enligt lag (artikel 9.2 g i dataskyddsförordningen)
cond-health-or-social-care = hälso- och sjukvård (även förebyggande), yrkesmedicin eller social omsorg (artikel 9.2 h i dataskyddsförordningen)
cond-public-health = allmänt intresse på folkhälsoområdet (artikel 9.2 i i dataskyddsförordningen)
cond-archiving-research-statistics = arkivändamål av allmänt intresse, vetenskaplig eller historisk forskning eller statistik (artikel 9.2 j i dataskyddsförordningen)

## Grunder för överföring, artiklarna 45–49

mech-adequacy = Europeiska kommissionens beslut om adekvat skyddsnivå
mech-adequacy-ref = artikel 45 i dataskyddsförordningen
mech-public-authority-instrument = ett rättsligt bindande och verkställbart instrument mellan myndigheter eller offentliga organ
mech-public-authority-instrument-ref = artikel 46.2 a i dataskyddsförordningen
mech-binding-corporate-rules = bindande företagsbestämmelser
mech-binding-corporate-rules-ref = artiklarna 46.2 b och 47 i dataskyddsförordningen
mech-standard-contractual-clauses = standardiserade dataskyddsbestämmelser (standardavtalsklausuler) som Europeiska kommissionen har antagit
mech-standard-contractual-clauses-ref = artikel 46.2 c i dataskyddsförordningen
mech-authority-clauses = standardiserade dataskyddsbestämmelser som en tillsynsmyndighet har antagit och Europeiska kommissionen har godkänt
mech-authority-clauses-ref = artikel 46.2 d i dataskyddsförordningen
mech-code-of-conduct = godkända uppförandekoder med bindande åtaganden av mottagaren
mech-code-of-conduct-ref = artikel 46.2 e i dataskyddsförordningen
mech-certification = en godkänd certifieringsmekanism med bindande åtaganden av mottagaren
mech-certification-ref = artikel 46.2 f i dataskyddsförordningen
mech-ad-hoc-clauses = avtalsklausuler som tillsynsmyndigheten har godkänt
mech-ad-hoc-clauses-ref = artikel 46.3 a i dataskyddsförordningen
mech-derogation-consent = den registrerades uttryckliga samtycke, som getts efter information om riskerna med överföringen
mech-derogation-consent-ref = artikel 49.1 a i dataskyddsförordningen
mech-derogation-contract = fullgörande av ett avtal mellan den registrerade och den personuppgiftsansvarige eller åtgärder som vidtas på den registrerades begäran innan ett avtal ingås
mech-derogation-contract-ref = artikel 49.1 b i dataskyddsförordningen
mech-derogation-contract-in-interest = ingående eller fullgörande av ett avtal i den registrerades intresse
mech-derogation-contract-in-interest-ref = artikel 49.1 c i dataskyddsförordningen
mech-derogation-public-interest = viktiga skäl som rör allmänintresset
mech-derogation-public-interest-ref = artikel 49.1 d i dataskyddsförordningen
mech-derogation-legal-claims = för att fastställa, göra gällande eller försvara rättsliga anspråk
mech-derogation-legal-claims-ref = artikel 49.1 e i dataskyddsförordningen
mech-derogation-vital-interests = den registrerades eller andra personers grundläggande intressen, när den registrerade inte kan ge sitt samtycke
mech-derogation-vital-interests-ref = artikel 49.1 f i dataskyddsförordningen
mech-derogation-public-register = överföring från ett offentligt register
mech-derogation-public-register-ref = artikel 49.1 g i dataskyddsförordningen
mech-derogation-compelling-interests = den personuppgiftsansvariges tvingande berättigade intressen (en engångsöverföring)
mech-derogation-compelling-interests-ref = artikel 49.1 andra stycket i dataskyddsförordningen

## Mottagarnas roller

role-processor = personuppgiftsbiträde
role-controller = självständig personuppgiftsansvarig
role-joint-controller = gemensamt personuppgiftsansvarig
role-authority = myndighet

## Typer av uppgiftskällor

source-data-subject = den registrerade själv
source-register = ett annat register
source-authority = myndighet
source-public = allmänt tillgänglig källa
source-organisation = annan organisation

## Om det är obligatoriskt att lämna uppgifterna, artikel 13.2 e

provision-statutory = Lagen kräver att uppgifterna lämnas, så det är obligatoriskt att lämna dem.
provision-contractual = Skyldigheten att lämna uppgifterna följer av ett avtal, så du är skyldig att lämna dem.
provision-contract-prerequisite = Uppgifterna behövs för att ingå ett avtal. Du är inte skyldig att lämna dem, men utan dem kan avtalet inte ingås.
provision-voluntary = Det är frivilligt att lämna uppgifterna, och du är inte skyldig att lämna dem.
provision-mixed = En del av uppgifterna måste lämnas enligt lag eller avtal, medan resten är frivilliga att lämna. I det här avsnittet förklaras närmare vilka uppgifter det gäller.

## Varifrån uppgifterna kommer

collected-data-subject = Vi får uppgifterna direkt av dig.
collected-other-sources = Vi får uppgifterna från andra källor, som anges i den här beskrivningen.
collected-both = Vi får en del av uppgifterna direkt av dig och en del från andra källor, som anges i den här beskrivningen.

## Standardmeningar

transfers-none = Vi överför inte personuppgifter till länder utanför Europeiska unionen (EU) eller Europeiska ekonomiska samarbetsområdet (EES).
transfer-country-unknown = okänt: mottagaren har inte uppgett i vilket land uppgifterna behandlas
recipients-none = Uppgifterna lämnas inte ut regelbundet till någon.
processor-statement = { $processor } är personuppgiftsbiträde och behandlar personuppgifter på uppdrag av { $controller }, som är personuppgiftsansvarig.
automated-none = Vi fattar inga beslut som enbart grundas på automatiserad behandling, inbegripet profilering, och som har rättsliga följder för dig eller på liknande sätt i betydande grad påverkar dig.
automated-used = Vi fattar beslut som enbart grundas på automatiserad behandling och som har rättsliga följder för dig eller på liknande sätt i betydande grad påverkar dig. Nedan förklarar vi logiken bakom besluten och vad de betyder för dig.
profiling-used = Vi använder profilering, det vill säga automatisk bedömning av personliga egenskaper, på det sätt som beskrivs nedan.
rights-intro = Nedan beskrivs de rättigheter som du har vid den här behandlingen. Vilka rättigheter som gäller beror på den rättsliga grunden för behandlingen.
rights-how-default = Skicka begäranden som gäller dina rättigheter till kontaktuppgifterna nedan.
rights-reply-time = Vi svarar på din begäran inom en månad från att vi har fått den. Om begäran är komplicerad eller om det finns många begäranden kan tiden förlängas med högst två månader. I så fall meddelar vi dig det och skälen till förlängningen inom en månad från att vi fick begäran.
retention-intro = Vi sparar personuppgifter bara så länge de behövs för de ändamål som beskrivs i den här beskrivningen eller så länge lagen kräver det. Lagringstiderna anges nedan. När lagringstiden har gått ut raderar vi uppgifterna eller, om lagen kräver det, överför dem för permanent arkivering.
complaint-text = Om du anser att behandlingen av dina personuppgifter strider mot EU:s allmänna dataskyddsförordning har du rätt att lämna klagomål till en tillsynsmyndighet. Du kan lämna klagomålet särskilt i den medlemsstat i EU eller Europeiska ekonomiska samarbetsområdet (EES) där du bor eller arbetar eller där den påstådda överträdelsen har skett. Det påverkar inte din rätt att använda andra administrativa rättsmedel eller rättsmedel i domstol.

## Den registrerades rättigheter (gdpr.md avsnitt 3)

right-access-title = Rätt till tillgång
right-access-text = Du har rätt att få veta om vi behandlar personuppgifter om dig. Om vi gör det kan du få en kopia av uppgifterna och information om hur de behandlas, till exempel varför, vem som får dem och hur länge de sparas. Den första kopian är avgiftsfri.
right-access-ref = artikel 15 i dataskyddsförordningen
right-rectification-title = Rätt till rättelse
right-rectification-text = Om dina personuppgifter är felaktiga har du rätt att få dem rättade utan onödigt dröjsmål. Du kan också be oss komplettera uppgifter som är ofullständiga.
right-rectification-ref = artikel 16 i dataskyddsförordningen
right-erasure-title = Rätt till radering
# $consent: "yes" när något ändamål grundas på samtycke (artikel 6.1 a eller 9.2 a).
right-erasure-text =
    { $consent ->
        [yes] Du har i vissa situationer rätt att få dina personuppgifter raderade, till exempel när de inte längre behövs för det ändamål som de samlades in för, när du återkallar ditt samtycke eller när de har behandlats olagligt.
       *[no] Du har i vissa situationer rätt att få dina personuppgifter raderade, till exempel när de inte längre behövs för det ändamål som de samlades in för eller när de har behandlats olagligt.
    } Vi raderar då uppgifterna utan onödigt dröjsmål.
right-erasure-limited-text = Rätten till radering gäller inte uppgifter som vi måste behandla för att fullgöra en rättslig förpliktelse eller för att utföra en uppgift av allmänt intresse eller som ett led i myndighetsutövning. Sådana uppgifter sparas under den lagringstid som anges i den här beskrivningen.
right-erasure-ref = artikel 17 i dataskyddsförordningen
right-restriction-title = Rätt till begränsning av behandling
right-restriction-text = I vissa situationer kan du begära att vi begränsar behandlingen av dina uppgifter, till exempel medan vi kontrollerar om uppgifterna är korrekta. Under begränsningen lagrar vi uppgifterna, men i övrigt använder vi dem bara med ditt samtycke eller av skäl som anges i dataskyddsförordningen, till exempel rättsliga anspråk.
right-restriction-ref = artikel 18 i dataskyddsförordningen
right-portability-title = Rätt till dataportabilitet
right-portability-text = Om vi behandlar dina uppgifter på grundval av ditt samtycke eller ett avtal och behandlingen sker automatiserat, har du rätt att få ut de uppgifter som du själv har lämnat till oss i ett strukturerat, allmänt använt och maskinläsbart format. Du kan också be oss överföra uppgifterna direkt till en annan personuppgiftsansvarig, om det är tekniskt möjligt.
right-portability-ref = artikel 20 i dataskyddsförordningen
right-object-title = Rätt att göra invändningar
# $bases: de rättsliga grunder som rätten gäller och som används: "public-task" (artikel 6.1 e),
# "legitimate-interests" (artikel 6.1 f) eller "both".
right-object-text =
    { $bases ->
        [public-task] När vi behandlar dina uppgifter för att utföra en uppgift av allmänt intresse eller som ett led i myndighetsutövning
        [legitimate-interests] När vi behandlar dina uppgifter på grundval av våra berättigade intressen
       *[both] När vi behandlar dina uppgifter för att utföra en uppgift av allmänt intresse eller som ett led i myndighetsutövning, eller på grundval av våra berättigade intressen
    }, har du rätt att när som helst invända mot behandlingen av skäl som har att göra med din specifika situation. Vi får då inte längre behandla uppgifterna, om vi inte kan visa tvingande berättigade skäl som väger tyngre än dina intressen, rättigheter och friheter, eller om behandlingen behövs för att fastställa, göra gällande eller försvara rättsliga anspråk.
right-object-ref = artikel 21 i dataskyddsförordningen
right-withdraw-consent-title = Rätt att återkalla samtycke
right-withdraw-consent-text = Om vi behandlar dina uppgifter på grundval av ditt samtycke kan du när som helst återkalla samtycket, och det ska vara lika lätt att återkalla som att ge det. Att du återkallar samtycket påverkar inte lagligheten i den behandling som skett innan dess.
right-withdraw-consent-ref = artikel 7.3 i dataskyddsförordningen
right-automated-decisions-title = Rättigheter vid automatiserat individuellt beslutsfattande
right-automated-decisions-text = Du har rätt att inte bli föremål för ett beslut som enbart grundas på automatiserad behandling, inbegripet profilering, och som har rättsliga följder för dig eller på liknande sätt i betydande grad påverkar dig, om inte ett undantag i dataskyddsförordningen gäller. Om ett sådant beslut fattas om dig kan du begära att en människa går igenom ärendet, framföra dina synpunkter och bestrida beslutet.
right-automated-decisions-ref = artikel 22 i dataskyddsförordningen

label-restrictions = Begränsningar av rättigheterna
restrictions-intro = En lag begränsar några av rättigheterna ovan i det här registret, eller så informeras de registrerade inte var för sig:
right-information-title = Rätt till information
ground-national-law = en begränsning som föreskrivs i nationell lag
ground-national-law-ref = artikel 23 i dataskyddsförordningen
ground-research-statistics = ett undantag för vetenskaplig eller historisk forskning eller statistik
ground-research-statistics-ref = artikel 89.2 i dataskyddsförordningen
ground-archiving = ett undantag för arkivändamål av allmänt intresse
ground-archiving-ref = artikel 89.3 i dataskyddsförordningen
ground-disproportionate-effort = att informera varje person skulle vara omöjligt eller kräva en oproportionerlig ansträngning, och informationen görs därför allmänt tillgänglig
ground-disproportionate-effort-ref = artikel 14.5 b i dataskyddsförordningen
ground-required-by-law = hur uppgifterna samlas in eller lämnas ut föreskrivs uttryckligen i lag
ground-required-by-law-ref = artikel 14.5 c i dataskyddsförordningen
ground-professional-secrecy = uppgifterna måste hållas konfidentiella på grund av lagstadgad tystnadsplikt
ground-professional-secrecy-ref = artikel 14.5 d i dataskyddsförordningen

## Tillsynsmyndigheter (gdpr.md avsnitt 5)

authority-FI-name = Dataombudsmannens byrå
authority-FI-visiting = Fågelviksgränden 4, 00530 Helsingfors
authority-FI-postal = PB 800, 00531 Helsingfors
authority-SE-name = Integritetsskyddsmyndigheten (IMY)
authority-SE-postal = Box 8114, 104 20 Stockholm
