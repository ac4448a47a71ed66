from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "dualuse.core"
    label = "core"
    verbose_name = "Core"
