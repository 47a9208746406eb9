# seloste: seloste käsittelytoimista (30 artikla), suomi.
#
# Selosteen ja käsittelijän selosteen sarakkeiden otsikot EU:n yleisen
# tietosuoja-asetuksen suomenkielisen toisinnon termein. Pelkkää tekstiä.
# Jokainen avain on myös tiedostoissa locales/sv ja locales/en.

records-title = Seloste käsittelytoimista
records-title-processor = Seloste rekisterinpitäjän lukuun suoritettavista käsittelytoimista
records-article = { $ref } art.
records-summary = Yhteenveto
records-activities = Käsittelytoimia
records-controller-intro = Rekisterinpitäjän seloste käsittelytoimista tietosuoja-asetuksen 30 artiklan 1 kohdan mukaisesti, yksi rivi kutakin käsittelyn tarkoitusta kohden, tietosuojaselosteista koottuna.
records-processor-intro = Seloste käsittelyistä, joita henkilötietojen käsittelijä suorittaa tämän rekisterinpitäjän lukuun, tietosuoja-asetuksen 30 artiklan 2 kohdan mukaisesti, yksi rivi kutakin palvelua kohden.
records-none = Ei ole
records-no-transfers = Tietoja ei siirretä kolmansiin maihin eikä kansainvälisille järjestöille
records-representative = Edustaja
records-contents = Selosteen tietosuojaselosteet
records-col-notice = Tietosuojaseloste
records-col-register = Rekisteri
records-col-activity = Käsittelytoimi
records-col-purpose = Käsittelyn tarkoitus
records-col-legal-basis = Käsittelyn oikeusperuste
records-col-controller = Rekisterinpitäjä ja yhteystiedot
records-col-dpo = Tietosuojavastaava
records-col-data-subjects = Rekisteröityjen ryhmät
records-col-data-categories = Henkilötietoryhmät
records-col-recipients = Vastaanottajaryhmät
records-col-transfers = Siirrot kolmansiin maihin ja suojatoimet
records-col-retention = Tietoryhmien poistamisen määräajat
records-col-security = Tekniset ja organisatoriset turvatoimet
records-col-updated = Tietosuojaselosteen versio ja päiväys
records-col-processor = Henkilötietojen käsittelijä ja yhteystiedot
records-col-service = Palvelu
records-col-processing = Rekisterinpitäjän lukuun suoritettavien käsittelyjen ryhmät
records-col-sub-processors = Muut henkilötietojen käsittelijät (alihankkijat)
