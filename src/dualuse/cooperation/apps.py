from typing import cast

from django.apps import AppConfig

from dualuse.determination.rules.sources import ExtraRuleSource


class CooperationConfig(AppConfig):
    name = "dualuse.cooperation"
    label = "cooperation"
    verbose_name = "Cooperation between Member States"

    def ready(self) -> None:
        from dualuse.cooperation import demo as cooperation_demo  # models are loaded only now
        from dualuse.cooperation.services import eulist
        from dualuse.core import demo
        from dualuse.determination import sources

        demo.register("cooperation", cooperation_demo.load)
        # Every determination asks the EU-wide list afresh, so a new entry binds at once.
        sources.register(
            "eu-wide cyber-surveillance list",
            lambda: cast(list[ExtraRuleSource], list(eulist.rule_sources())),
        )
