"""Generic business words across scripts and abbreviations, so a company name meets its variants.

A company listed as `Wadi Barada Precision Industries` and `شركة وادي بردى للصناعات الدقيقة` shares
its distinctive words (`wadi barada`) across scripts, but its generic words (`precision
industries`) only meet when the Arabic ones are read as English. The glossaries below hold only
generic business words (legal forms, trades, places written as words), never a distinctive name
part: a Persian `صنعت` stays, since it is also the name word `Sanat` (`Parto Sanat Artan`).
"""

from __future__ import annotations

import re

# CJK and Korean: replaced as substrings (no spaces between words in these scripts), longest first.
CJK_GLOSSARY: tuple[tuple[str, str], ...] = (
    ("股份有限公司", " "),
    ("有限责任公司", " "),
    ("有限責任公司", " "),
    ("有限公司", " "),
    ("公司", " "),
    ("集团", " group "),
    ("进出口", " import export "),
    ("進出口", " import export "),
    ("微电子", " microelectronics "),
    ("微電子", " microelectronics "),
    ("电子", " electronics "),
    ("電子", " electronics "),
    ("精密", " precision "),
    ("机械", " machinery "),
    ("機械", " machinery "),
    ("科技", " technology "),
    ("香港", " hong kong "),
    ("주식회사", " "),
    ("무역회사", " trading "),
    ("무역", " trading "),
    ("회사", " "),
    ("해운", " shipping "),
    ("수출", " export "),
)

# Arabic and Persian: whole words after the joined prefixes (`ال`, `لل`, `و`, `ب`) are cut.
ARABIC_GLOSSARY: dict[str, str] = {
    "شركة": "",
    "شرکت": "",
    "مؤسسة": "",
    "مهندسی": "engineering",
    "هندسة": "engineering",
    "هندسية": "engineering",
    "صناعات": "industries",
    "صناعة": "industries",
    "صناعية": "industries",
    "دقيقة": "precision",
    "تجارة": "trading",
    "تجارية": "trading",
    "بازرگانی": "trading",
    "عامة": "general",
    "خدمات": "services",
    "لوجستية": "logistics",
    "نفطية": "petroleum",
    "نفط": "petroleum",
    "بترول": "petroleum",
    "شحن": "shipping",
    "ملاحة": "shipping",
    "بحرية": "marine",
    "دولية": "international",
    "مجموعة": "group",
    "استيراد": "import",
    "تصدير": "export",
    "مصنع": "factory",
    "معدات": "equipment",
    "الكترونيات": "electronics",
    "إلكترونيات": "electronics",
    "تكنولوجيا": "technology",
}
# Legal-form abbreviations written with dots in Arabic (`م.م.ح` free-zone establishment, `ذ.م.م`
# limited liability, `ش.م.م`): they carry no identity.
_ARABIC_LEGAL = re.compile(r"(?<!\S)(?:[\u0621-\u064a]\.){2,}[\u0621-\u064a]?\.?(?!\S)")
_ARABIC_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل")
_TA_MARBUTA = "\u0629"


def arabic_business_words(text: str) -> str:
    """Replace generic Arabic and Persian business words by English ones, drop legal forms."""
    text = _ARABIC_LEGAL.sub(" ", text)
    out: list[str] = []
    for word in text.split():
        english = ARABIC_GLOSSARY.get(word)
        if english is None:
            for prefix in _ARABIC_PREFIXES:
                if word.startswith(prefix) and len(word) - len(prefix) >= 3:
                    english = ARABIC_GLOSSARY.get(word[len(prefix) :])
                    if english is not None:
                        break
        out.append(word if english is None else english)
    return " ".join(out)


def arabic_ta_marbuta(text: str, construct: bool) -> str:
    """`ة` is read `-a` at the end of a name word (`حمزة المرغزي` Hamza al-Mirghazi), but `-at` in
    a company name before a definite word (`كتيبة القلم` Katibat al-Qalam, the construct state),
    as romanisations write it."""
    words = text.split()
    for i, word in enumerate(words):
        if word.endswith(_TA_MARBUTA):
            follows_article = construct and i + 1 < len(words) and words[i + 1].startswith("ال")
            words[i] = word[:-1] + ("ت" if follows_article else "ا")
    return " ".join(words)


# Abbreviated generic words in Latin company and vessel names, after lower-casing and splitting.
ORG_ABBREVIATIONS: dict[str, str] = {
    "hk": "hong kong",
    "intl": "international",
    "int'l": "international",
    "eng": "engineering",
    "engg": "engineering",
    "mfg": "manufacturing",
    "mfrs": "manufacturers",
    "imp": "import",
    "exp": "export",
    "impex": "import export",
    "ind": "industries",
    "inds": "industries",
    "indus": "industries",
    "tech": "technology",
    "techs": "technologies",
    "elec": "electronics",
    "svcs": "services",
    "bros": "brothers",
    "mech": "mechanical",
}
# `I/E`, `I&E`, `Imp. & Exp.` before punctuation is split away.
_IMPORT_EXPORT = re.compile(r"\b(?:i\s*/\s*e|i\s*&\s*e|imp\.?\s*(?:&|and|/)\s*exp\.?)(?=\s|$|,|\))", re.I)
# Vessel prefixes: motor vessel, motor tanker, steam ship, fishing vessel, research vessel.
_VESSEL_PREFIX = re.compile(r"^\s*(?:m\s*/\s*[vts]|mv|mt|ms|ss|fv|f\s*/\s*v|rv|r\s*/\s*v)\.?\s+(?=\S)", re.I)


def expand_import_export(text: str) -> str:
    if "&" not in text and "/" not in text and "mp" not in text.lower():
        return text
    return _IMPORT_EXPORT.sub(" import export ", text)


def strip_vessel_prefix(text: str) -> str:
    return _VESSEL_PREFIX.sub("", text, count=1)


def expand_abbreviations(tokens: list[str]) -> list[str]:
    out: list[str] = []
    for token in tokens:
        out.extend(ORG_ABBREVIATIONS.get(token, token).split())
    return out
