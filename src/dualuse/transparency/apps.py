from django.apps import AppConfig


class TransparencyConfig(AppConfig):
    name = "dualuse.transparency"
    label = "transparency"
    verbose_name = "Transparency portal"
