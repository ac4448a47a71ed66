from django.apps import AppConfig


class DiligenceConfig(AppConfig):
    name = "dualuse.diligence"
    label = "diligence"
    verbose_name = "Due diligence and evidence"

    def ready(self) -> None:
        from dualuse.core import demo
        from dualuse.diligence.demo import load_demo

        demo.register("diligence", load_demo)
