"""Our paraphrase of each provision the rules apply (fact sheet sections 2 and 4). Not the authentic text."""

ARTICLES: dict[str, str] = {
    "Art 3(1)": "An authorisation is required for the export of dual-use items listed in Annex I.",
    "Art 4(1)(a)": (
        "An authorisation is required to export a dual-use item not listed in Annex I once the competent "
        "authority has informed the exporter that it is or may be intended, in whole or in part, for chemical, "
        "biological or nuclear weapons or other nuclear explosive devices, or for missiles able to deliver them."
    ),
    "Art 4(1)(b)": (
        "An authorisation is required to export a dual-use item not listed in Annex I once the competent "
        "authority has informed the exporter that it is or may be intended for a military end use where the "
        "purchasing country or the country of destination is under an arms embargo (Art 2(19))."
    ),
    "Art 4(1)(c)": (
        "An authorisation is required to export a dual-use item not listed in Annex I once the competent "
        "authority has informed the exporter that it is or may be intended as parts or components of "
        "military-list items exported from a Member State without, or in breach of, an authorisation."
    ),
    "Art 4(2)": (
        "An exporter aware that a non-listed dual-use item is intended for a use in Art 4(1) must notify the "
        "competent authority, which decides whether the export needs an authorisation."
    ),
    "Art 5(1)": (
        "An authorisation is required to export a cyber-surveillance item not listed in Annex I once the "
        "competent authority has informed the exporter that it is or may be intended for use in connection "
        "with internal repression and/or serious violations of human rights and international humanitarian law."
    ),
    "Art 5(2)": (
        "An exporter aware from its due-diligence findings that a non-listed cyber-surveillance item is "
        "intended for such a use must notify the competent authority, which decides whether the export needs "
        "an authorisation."
    ),
    "Art 6(1)": (
        "Brokering services for dual-use items listed in Annex I need an authorisation once the competent "
        "authority has informed the broker that the items are or may be intended for a use in Art 4(1)."
    ),
    "Art 6(2)": (
        "A broker aware that Annex I items it brokers are intended for a use in Art 4(1) must notify the "
        "competent authority, which decides whether the services need an authorisation."
    ),
    "Art 7(1)": (
        "The Member State of transit may prohibit the transit of non-Union dual-use items listed in Annex I "
        "that are or may be intended for a use in Art 4(1), and may first require an authorisation for the "
        "specific transit. This is a power of the Member State, not a licence the exporter must apply for."
    ),
    "Art 8(1)": (
        "Technical assistance related to dual-use items listed in Annex I needs an authorisation once the "
        "competent authority has informed the provider that the items are or may be intended for a use in "
        "Art 4(1)."
    ),
    "Art 8(2)": (
        "A provider of technical assistance aware that the related Annex I items are intended for a use in "
        "Art 4(1) must notify the competent authority, which decides whether the assistance needs an "
        "authorisation."
    ),
    "Art 11(1)": (
        "An authorisation is required for the transfer, from one Member State to another, of the dual-use "
        "items listed in Annex IV."
    ),
}
