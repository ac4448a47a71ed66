from django.apps import AppConfig


class TransparencyConfig(AppConfig):
    name = "dualuse.transparency"
    label = "transparency"
    verbose_name = "Transparency portal"

    def ready(self) -> None:
        from dualuse.core import demo
        from dualuse.transparency.demo import load_demo

        demo.register("transparency", load_demo)
