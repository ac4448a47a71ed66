"""The German and French catalogues are complete and compiled; pages follow Accept-Language and the switcher."""

from __future__ import annotations

import gettext
import re
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client

LOCALE = Path(settings.BASE_DIR) / "locale"
LANGS = ("de", "fr")
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%%")


def _unquote(line: str) -> str:
    return (
        line[line.index('"') + 1 : line.rindex('"')]
        .encode("latin-1", "backslashreplace")
        .decode("unicode_escape")
    )


def parse_po(path: Path) -> list[dict[str, Any]]:
    """Entries of a .po file: msgctxt, msgid, msgid_plural, msgstr (a list: one per plural form), flags."""
    entries: list[dict[str, Any]] = []
    entry: dict[str, Any] = {}
    field = ""
    for raw in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        line = raw.strip()
        if not line:
            if "msgid" in entry:
                entries.append(entry)
            entry, field = {}, ""
        elif line.startswith("#~"):
            entry["obsolete"] = True
        elif line.startswith("#,"):
            entry["flags"] = {f.strip() for f in line[2:].split(",")}
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            if field.startswith("msgstr"):
                entry["msgstr"][-1] += _unquote(line)
            else:
                entry[field] += _unquote(line)
        else:
            keyword = line.split(" ", 1)[0]
            if keyword.startswith("msgstr"):
                entry.setdefault("msgstr", []).append(_unquote(line))
            else:
                entry[keyword] = _unquote(line)
            field = keyword
    return entries


def catalogue(lang: str) -> list[dict[str, Any]]:
    return [e for e in parse_po(LOCALE / lang / "LC_MESSAGES" / "django.po") if e["msgid"]]


def compiled(lang: str) -> gettext.GNUTranslations:
    with (LOCALE / lang / "LC_MESSAGES" / "django.mo").open("rb") as f:
        return gettext.GNUTranslations(f)


@pytest.mark.parametrize("lang", LANGS)
def test_every_message_is_translated_and_none_is_fuzzy(lang: str) -> None:
    entries = catalogue(lang)
    assert len(entries) > 500
    assert [e["msgid"] for e in entries if "fuzzy" in e.get("flags", set())] == []
    assert [e["msgid"] for e in entries if e.get("obsolete")] == []
    assert [e["msgid"] for e in entries if not all(e["msgstr"])] == []


@pytest.mark.parametrize("lang", LANGS)
def test_placeholders_are_kept(lang: str) -> None:
    wrong = []
    for e in catalogue(lang):
        sources = {tuple(sorted(PLACEHOLDER.findall(e["msgid"])))}
        if "msgid_plural" in e:
            sources.add(tuple(sorted(PLACEHOLDER.findall(e["msgid_plural"]))))
        for text in e["msgstr"]:
            if tuple(sorted(PLACEHOLDER.findall(text))) not in sources:
                wrong.append((e["msgid"], text))
    assert wrong == []


@pytest.mark.parametrize("lang", LANGS)
def test_compiled_catalogue_matches_the_po_file(lang: str) -> None:
    """Forgetting `compilemessages` after a change fails here."""
    mo = compiled(lang)
    stale = []
    for e in catalogue(lang):
        key = f"{e['msgctxt']}\x04{e['msgid']}" if "msgctxt" in e else e["msgid"]
        if "msgid_plural" in e:
            got = [mo.ngettext(key, e["msgid_plural"], n) for n in (1, 2)]
            expected = [e["msgstr"][0], e["msgstr"][1]]
        else:
            got, expected = [mo.gettext(key)], e["msgstr"]
        if got != expected:
            stale.append(e["msgid"])
    assert stale == []


@pytest.mark.parametrize(
    ("msgid", "de", "fr"),
    [
        ("Export authorisation", "Ausfuhrgenehmigung", "Autorisation d'exportation"),
        (
            "Union general export authorisations",
            "Allgemeine Ausfuhrgenehmigungen der Union",
            "Autorisations générales d'exportation de l'Union",
        ),
        (
            "Dual-use items — valid throughout the customs territory of the Union (Art 12(1))",
            "Güter mit doppeltem Verwendungszweck",
            "Biens à double usage",
        ),
        ("Application submitted to your competent authority.", "zuständigen Behörde", "autorité compétente"),
        ("Do I need a licence?", "Brauche ich eine Genehmigung?", "Ai-je besoin d'une autorisation\u00a0?"),
    ],
)
def test_legal_terms_follow_the_regulation(msgid: str, de: str, fr: str) -> None:
    assert de in compiled("de").gettext(msgid)
    assert fr in compiled("fr").gettext(msgid)


def test_plural_forms_follow_each_language() -> None:
    de, fr = compiled("de"), compiled("fr")
    assert de.ngettext("%(n)s case", "%(n)s cases", 1) == "%(n)s Fall"
    assert de.ngettext("%(n)s case", "%(n)s cases", 0) == "%(n)s Fälle"
    assert fr.ngettext("%(n)s case", "%(n)s cases", 0) == "%(n)s dossier"  # French: 0 is singular
    assert fr.ngettext("%(n)s case", "%(n)s cases", 2) == "%(n)s dossiers"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept", "lang", "heading"),
    [
        ("de-DE,de;q=0.9", "de", "EU-Güterliste (Anhang I)"),
        ("fr-FR,fr;q=0.9", "fr", "Liste de contrôle de l'UE (annexe I)"),
        ("", "en", "EU control list (Annex I)"),
        ("es-ES,es;q=0.9", "en", "EU control list (Annex I)"),
    ],
)
def test_pages_follow_accept_language(accept: str, lang: str, heading: str) -> None:
    headers = {"HTTP_ACCEPT_LANGUAGE": accept} if accept else {}
    page = Client().get("/controllist/", **headers).content.decode()
    assert f'<html lang="{lang}">' in page
    assert f"<h1>{heading}</h1>" in page


@pytest.mark.django_db
def test_navigation_and_messages_are_translated(exporter: Any) -> None:
    client = Client()
    client.force_login(exporter)
    page = client.get("/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert ">Brauche ich eine Genehmigung?</a>" in page
    assert ">Abmelden</button>" in page
    assert "Do I need a licence?" not in page


@pytest.mark.django_db
def test_switcher_sets_the_language_and_returns_to_the_page() -> None:
    client = Client()
    page = client.get("/controllist/").content.decode()
    assert 'action="/i18n/setlang/"' in page
    assert 'name="language" value="fr" lang="fr">Français</button>' in page
    assert 'name="language" value="en" lang="en" aria-current="true" disabled>English</button>' in page

    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/controllist/"})
    assert response.status_code == 302
    assert response["Location"] == "/controllist/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"

    page = client.get("/controllist/", HTTP_ACCEPT_LANGUAGE="de").content.decode()  # the choice wins
    assert '<html lang="fr">' in page
    assert 'value="fr" lang="fr" aria-current="true" disabled>Français</button>' in page
    assert 'aria-label="Langue"' in page


@pytest.mark.django_db
def test_switcher_refuses_an_unknown_language_and_a_foreign_next() -> None:
    client = Client()
    response = client.post("/i18n/setlang/", {"language": "xx", "next": "https://evil.example/"})
    assert response.status_code == 302
    assert response["Location"] == "/"
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
