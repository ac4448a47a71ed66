from django.apps import AppConfig


class ControlListConfig(AppConfig):
    name = "dualuse.controllist"
    label = "controllist"
    verbose_name = "EU control list (Annex I)"
