from django.apps import AppConfig


class LicensingConfig(AppConfig):
    name = "dualuse.licensing"
    label = "licensing"
    verbose_name = "Licences and cases"

    def ready(self) -> None:
        from dualuse.core import demo  # noqa: PLC0415 - app registry must be ready before models load
        from dualuse.licensing.demo import load_demo  # noqa: PLC0415

        demo.register("licensing: applications in various states", load_demo)
