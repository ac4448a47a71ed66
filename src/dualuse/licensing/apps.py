from django.apps import AppConfig


class LicensingConfig(AppConfig):
    name = "dualuse.licensing"
    label = "licensing"
    verbose_name = "Licences and cases"
