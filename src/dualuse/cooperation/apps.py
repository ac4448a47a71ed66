from django.apps import AppConfig


class CooperationConfig(AppConfig):
    name = "dualuse.cooperation"
    label = "cooperation"
    verbose_name = "Cooperation between Member States"
