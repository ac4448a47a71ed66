from django.apps import AppConfig


class DeterminationConfig(AppConfig):
    name = "dualuse.determination"
    label = "determination"
    verbose_name = "Do I need a licence?"
