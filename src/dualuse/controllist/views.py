from __future__ import annotations

from collections import defaultdict

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from dualuse.controllist import search, services
from dualuse.controllist.classify_api import classification_payload
from dualuse.controllist.errors import NoActiveVersion, UnknownEntry
from dualuse.controllist.formats import ancestor_codes
from dualuse.controllist.models import ControlEntry, ControlListVersion, Definition

CATEGORY_TITLES = {
    0: "Nuclear materials, facilities and equipment",
    1: "Special materials and related equipment",
    2: "Materials processing",
    3: "Electronics",
    4: "Computers",
    5: "Telecommunications and information security",
    6: "Sensors and lasers",
    7: "Navigation and avionics",
    8: "Marine",
    9: "Aerospace and propulsion",
}
GROUP_TITLES = {
    "A": "Systems, equipment and components",
    "B": "Test, inspection and production equipment",
    "C": "Materials",
    "D": "Software",
    "E": "Technology",
}


def _version_or_none() -> ControlListVersion | None:
    return ControlListVersion.objects.active()


def tree(request: HttpRequest) -> HttpResponse:
    version = _version_or_none()
    categories: dict[int, dict[str, list[ControlEntry]]] = defaultdict(lambda: defaultdict(list))
    if version:
        for e in ControlEntry.objects.filter(version=version, level=0).only(
            "code", "text", "category", "group", "not_used", "cyber_surveillance"
        ):
            categories[e.category][e.group].append(e)
    ordered = [
        {
            "number": n,
            "title": CATEGORY_TITLES[n],
            "groups": [
                {"letter": g, "title": GROUP_TITLES[g], "entries": categories[n][g]}
                for g in "ABCDE"
                if categories[n][g]
            ],
        }
        for n in range(10)
    ]
    return render(request, "controllist/tree.html", {"version": version, "categories": ordered})


def entry_page(request: HttpRequest, code: str) -> HttpResponse:
    try:
        entry = services.get_entry(code)
    except (UnknownEntry, NoActiveVersion) as exc:
        raise Http404(str(exc)) from exc
    ancestors = ControlEntry.objects.filter(
        version=entry.version, code__in=ancestor_codes(entry.code)
    ).order_by("level")
    children = ControlEntry.objects.filter(version=entry.version, parent_code=entry.code)
    definitions = {
        d.term.lower(): d
        for d in Definition.objects.filter(version=entry.version, term__in=entry.defined_terms)
    }
    version = entry.version
    changes = []
    if version.diff_summary:
        diff = version.diff_summary
        if entry.code in diff.get("added", []):
            changes.append("added in this version")
        for change in diff.get("changed", []):
            if change["code"] == entry.code:
                changes.append("changed in this version: " + ", ".join(change["fields"]))
    context = {
        "entry": entry,
        "version": version,
        "changes": changes,
        "ancestors": list(ancestors),
        "children": list(children),
        "definitions": [definitions[t.lower()] for t in entry.defined_terms if t.lower() in definitions],
    }
    return render(request, "controllist/entry.html", context)


def search_page(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:200]
    category_raw = request.GET.get("category", "")
    category = int(category_raw) if category_raw.isdigit() and len(category_raw) == 1 else None
    version = _version_or_none()
    results = search.search_entries(version, query, category=category) if (version and query) else []
    template = "controllist/_results.html" if request.headers.get("HX-Request") else "controllist/search.html"
    return render(
        request,
        template,
        {
            "q": query,
            "category": category,
            "results": results,
            "version": version,
            "categories": CATEGORY_TITLES,
        },
    )


def classify_page(request: HttpRequest) -> HttpResponse:
    text = (request.POST.get("text") or request.GET.get("text") or "").strip()[:5000]
    result = None
    error = ""
    if text:
        if len(text) < 3:
            error = _("Describe the product in a few words (at least 3 characters).")
        else:
            try:
                result = classification_payload(text, 10)
            except NoActiveVersion as exc:
                error = exc.message
    template = (
        "controllist/_classification.html"
        if request.headers.get("HX-Request")
        else "controllist/classify.html"
    )
    return render(request, template, {"text": text, "result": result, "error": error})
