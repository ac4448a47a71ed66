"""Licensing pages; every view scopes its objects through `for_user` (out of scope is a 404)."""

from __future__ import annotations

from django.urls import path

from dualuse.licensing.views import exporter, licences, otp, ugea, workbench

urlpatterns = [
    path("applications/", exporter.my_applications, name="licensing-applications"),
    path("applications/new/", exporter.new_application, name="licensing-application-new"),
    path("applications/<int:pk>/", exporter.application_page, name="licensing-application"),
    path("applications/<int:pk>/edit/", exporter.edit_application, name="licensing-application-edit"),
    path("applications/<int:pk>/submit/", exporter.submit_application, name="licensing-application-submit"),
    path(
        "applications/<int:pk>/withdraw/",
        exporter.withdraw_application,
        name="licensing-application-withdraw",
    ),
    path("applications/<int:pk>/documents/", exporter.upload_document, name="licensing-document-upload"),
    path("applications/<int:pk>/documents/<int:doc>/", exporter.download_document, name="licensing-document"),
    path(
        "applications/<int:pk>/documents/<int:doc>/remove/",
        exporter.remove_document,
        name="licensing-document-remove",
    ),
    path(
        "applications/<int:pk>/questions/<int:question_id>/answer/",
        exporter.answer_question,
        name="licensing-question-answer",
    ),
    path("cases/", workbench.workbench, name="licensing-workbench"),
    path("cases/<int:pk>/", workbench.case_page, name="licensing-case"),
    path("cases/<int:pk>/assessment/", workbench.save_assessment, name="licensing-case-assessment"),
    path("cases/<int:pk>/<slug:action>/", workbench.case_action, name="licensing-case-action"),
    path("licences/", licences.licence_list, name="licensing-licences"),
    path("licences/verify/", licences.verify_page, name="licensing-verify"),
    path("licences/<int:pk>/", licences.licence_page, name="licensing-licence"),
    path("licences/<int:pk>/document.pdf", licences.licence_pdf, name="licensing-licence-pdf"),
    path("licences/<int:pk>/uses/", licences.report_use, name="licensing-licence-use"),
    path("licences/<int:pk>/<slug:action>/", licences.licence_action, name="licensing-licence-action"),
    path("ugea/", ugea.registrations, name="licensing-ugea"),
    path("ugea/register/", ugea.register, name="licensing-ugea-register"),
    path("ugea/<int:pk>/acknowledge/", ugea.acknowledge, name="licensing-ugea-acknowledge"),
    path("ugea/<int:pk>/withdraw/", ugea.withdraw, name="licensing-ugea-withdraw"),
    path("ugea/<int:pk>/notices/", ugea.notice, name="licensing-ugea-notice"),
    path("accounts/otp/", otp.otp_page, name="licensing-otp"),
]
