"""Every environment variable read by settings.py has a row in docs/settings.md."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_setting_is_documented() -> None:
    source = (ROOT / "src" / "dualuse" / "settings.py").read_text()
    names = set(re.findall(r'env_\w+\(\s*"([A-Z_]+)"', source)) | set(
        re.findall(r'os\.environ\.get\("([A-Z_]+)"', source)
    )
    names.discard("")
    documented = set(
        re.findall(r"^\| `([A-Z_]+)` \|", (ROOT / "docs" / "settings.md").read_text(), re.MULTILINE)
    )
    assert names, "no settings found: the pattern is stale"
    assert names <= documented, f"undocumented: {sorted(names - documented)}"


def test_settings_is_the_only_module_that_reads_the_environment() -> None:
    offenders = [
        str(p.relative_to(ROOT))
        for p in (ROOT / "src" / "dualuse").rglob("*.py")
        if p.name != "settings.py"
        and re.search(r"os\.environ(\.get|\[)", p.read_text())
        and p.name not in {"cli.py", "wsgi.py", "celery.py"}
    ]
    assert offenders == []
