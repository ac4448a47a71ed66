from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "dualuse.screening"
    label = "screening"
    verbose_name = "Restrictive-measures screening"

    def ready(self) -> None:
        from dualuse.core import demo  # noqa: PLC0415 - app registry must be ready before models load
        from dualuse.screening import demo as screening_demo  # noqa: PLC0415

        demo.register("screening lists", screening_demo.load)
