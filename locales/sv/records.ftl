# seloste: register över behandling (artikel 30), svenska.
#
# Rubrikerna för kolumnerna i registret och i personuppgiftsbiträdets
# register, med termerna i den svenska språkversionen av
# dataskyddsförordningen. Ren text. Varje nyckel finns också i locales/fi
# och locales/en.

records-title = Register över behandling
records-title-processor = Register över behandling som utförs för en personuppgiftsansvarigs räkning
records-article = art. { $ref }
records-summary = Sammanfattning
records-activities = Behandlingar
records-controller-intro = Den personuppgiftsansvariges register över behandling enligt artikel 30.1 i dataskyddsförordningen, en rad per ändamål, sammanställt ur dataskyddsbeskrivningarna.
records-processor-intro = Register över de kategorier av behandling som personuppgiftsbiträdet utför för denna personuppgiftsansvarigs räkning enligt artikel 30.2 i dataskyddsförordningen, en rad per tjänst.
records-none = Inga
records-no-transfers = Inga överföringar till tredjeland eller internationella organisationer
records-representative = Företrädare
records-contents = Dataskyddsbeskrivningar i registret
records-col-notice = Dataskyddsbeskrivning
records-col-register = Register
records-col-activity = Behandling
records-col-purpose = Ändamål med behandlingen
records-col-legal-basis = Rättslig grund
records-col-controller = Personuppgiftsansvarig och kontaktuppgifter
records-col-dpo = Dataskyddsombud
records-col-data-subjects = Kategorier av registrerade
records-col-data-categories = Kategorier av personuppgifter
records-col-recipients = Kategorier av mottagare
records-col-transfers = Överföringar till tredjeland och skyddsåtgärder
records-col-retention = Tidsfrister för radering
records-col-security = Tekniska och organisatoriska säkerhetsåtgärder
records-col-updated = Dataskyddsbeskrivningens version och datum
records-col-processor = Personuppgiftsbiträde och kontaktuppgifter
records-col-service = Tjänst
records-col-processing = Kategorier av behandling som utförs för den personuppgiftsansvariges räkning
records-col-sub-processors = Andra personuppgiftsbiträden (underbiträden)
