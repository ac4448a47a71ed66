from django.apps import AppConfig


class DiligenceConfig(AppConfig):
    name = "dualuse.diligence"
    label = "diligence"
    verbose_name = "Due diligence and evidence"
