from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "dualuse.screening"
    label = "screening"
    verbose_name = "Restrictive-measures screening"
