"""Demo data: the shared synthetic list samples, imported as the first version of each source."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings

from dualuse.screening import services
from dualuse.screening.models import ListSource

SAMPLES = [
    ("eu-fsf", "eu-fsf-sample.xml"),
    ("un-sc", "un-consolidated-sample.xml"),
    ("us-csl", "us-csl-sample.json"),
    ("opensanctions", "opensanctions-sample.ftm.json"),
]


def load(log: Callable[[str], None]) -> None:
    folder = settings.SHARED_DATA_DIR / "samples"
    if not folder.is_dir():
        log(f"screening: no list samples in {folder}; skipped")
        return
    for key, name in SAMPLES:
        path = folder / name
        if not path.is_file():
            log(f"screening: {path} missing; skipped")
            continue
        if ListSource.objects.filter(key=key, active_version__isnull=False).exists():
            log(f"screening: {key} has an active version already; kept")
            continue
        outcome = services.import_list_file(key, path, acting_user=None)
        log(f"screening: {key} version {outcome.version.pk}, {outcome.version.entity_count} entities")
