from django.apps import AppConfig


class CooperationConfig(AppConfig):
    name = "dualuse.cooperation"
    label = "cooperation"
    verbose_name = "Cooperation between Member States"

    def ready(self) -> None:
        from dualuse.cooperation import demo as cooperation_demo  # models are loaded only now
        from dualuse.core import demo

        demo.register("cooperation", cooperation_demo.load)
