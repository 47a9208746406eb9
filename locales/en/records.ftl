# seloste: the record of processing activities (Art. 30), English.
#
# Headings of the columns of the record and the processor's record, in the
# terms of the official English version of the GDPR. Plain text: escaped
# when written. Every key here must also exist in locales/fi and locales/sv.

records-title = Record of processing activities
records-title-processor = Record of processing activities carried out on behalf of a controller
records-article = Art. { $ref }
records-summary = Summary
records-activities = Processing activities
records-controller-intro = The record of the controller's processing activities under Article 30(1) GDPR, one row per purpose of processing, from the privacy notices.
records-processor-intro = The record of the categories of processing that the processor carries out on behalf of this controller, under Article 30(2) GDPR, one row per service.
records-none = None
records-no-transfers = No transfers to third countries or international organisations
records-representative = Representative
records-contents = Notices in this record
records-col-notice = Notice
records-col-register = Register
records-col-activity = Activity
records-col-purpose = Purpose of the processing
records-col-legal-basis = Legal basis
records-col-controller = Controller and contact details
records-col-dpo = Data protection officer
records-col-data-subjects = Categories of data subjects
records-col-data-categories = Categories of personal data
records-col-recipients = Categories of recipients
records-col-transfers = Transfers to third countries and safeguards
records-col-retention = Time limits for erasure
records-col-security = Technical and organisational security measures
records-col-updated = Version and date of the notice
records-col-processor = Processor and contact details
records-col-service = Service
records-col-processing = Categories of processing carried out on behalf of the controller
records-col-sub-processors = Other processors (sub-processors)
