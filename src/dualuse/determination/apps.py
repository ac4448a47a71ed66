from django.apps import AppConfig


class DeterminationConfig(AppConfig):
    name = "dualuse.determination"
    label = "determination"
    verbose_name = "Do I need a licence?"

    def ready(self) -> None:
        from dualuse.controllist import hooks  # noqa: PLC0415 - the app registry must be ready first
        from dualuse.determination.services import determinations_affected  # noqa: PLC0415

        hooks.register_affected_finder("determinations", determinations_affected)
