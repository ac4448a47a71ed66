"""Category 5 Part 2 ("information security") rules that a description can decide by itself.

- 5A002.a Technical Note 2: a 'described security algorithm' is a symmetric algorithm with a key
  longer than 56 bits, or an asymmetric one based on factorisation / finite-field discrete logs over
  512 bits, or other discrete logs (elliptic curves) over 112 bits, or a post-quantum algorithm.
- 5A002.a Technical Note 1: cryptography used only for authentication, signatures, integrity, DRM,
  broadcast / entertainment / medical records, personal area networks or banking is not
  'cryptography for data confidentiality'.
- Note 3 to Category 5, Part 2 (the Cryptography Note): mass-market items sold from stock to the
  public, whose cryptography the user cannot easily change, are released from 5A002 and 5D002.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CRYPTO = re.compile(
    r"\b(encrypt\w*|decrypt\w*|cryptograph\w*|crypto|cipher\w*|aes|des|3des|rsa|ecc|ecdh|ecdsa|ed25519|curve25519|x25519|"
    r"vpn|ipsec|tls|ssl|wpa2|wpa3|hsm|chacha20|kyber|ml-kem|post-quantum|key length|key exchange)\b"
)
_SYMMETRIC = re.compile(
    r"\b(aes|3des|triple[- ]des|des|rc4|blowfish|twofish|chacha20|camellia|sm4|serpent|idea|a5/1)[- ]?(\d{2,3})?\b"
)
_DEFAULT_SYMMETRIC_BITS = {
    "aes": 128,
    "3des": 112,
    "triple des": 112,
    "triple-des": 112,
    "des": 56,
    "rc4": 128,
    "blowfish": 128,
    "twofish": 128,
    "chacha20": 256,
    "camellia": 128,
    "sm4": 128,
    "serpent": 128,
    "idea": 128,
    "a5/1": 64,
}
_RSA = re.compile(r"\b(rsa|diffie[- ]hellman|dh|dsa)[- ]?(\d{3,5})?\b")
_ECC = re.compile(
    r"\b(ecc|ecdh|ecdsa|elliptic[- ]curve|p-(\d{3})|curve25519|x25519|ed25519|secp(\d{3})\w*|brainpool\w*?(\d{3})\w*)\b"
)
_POST_QUANTUM = re.compile(
    r"\b(kyber|ml-kem|ntru\w*|mceliece|frodo\w*|post-quantum|quantum-safe|quantum-resistant)\b"
)
_BITS = re.compile(r"\b(\d{2,5})[- ]?bits?\b")

MASS_MARKET = re.compile(
    r"\b(mass[- ]market|consumer|consumers|retail|retailers|sold (?:in|through|via|from) (?:shops|stores|retail|online)|"
    r"off[- ]the[- ]shelf|general public|home users?|smartphones?|mobile phones?|home router|wifi router|wi-fi router|"
    r"app stores?|over the counter|household|personal use|laptops?|tablets?|games? console|smart tv|smart speaker|"
    r"privatkunden|endkunden|verbraucher|einzelhandel|fachhandel|elektronikfachhandel|grand public|particuliers|"
    r"commerce de detail|en magasin)\b"
)
_EXCLUDED: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"\b(authentication only|only for authentication|only authentication|password protection|access control only|login only)\b"
        ),
        "5A002.a Technical Note 1.a: cryptography only for authentication is not 'cryptography for data confidentiality'",
    ),
    (
        re.compile(
            r"\b(digital signatures? only|only (?:for )?digital signatures?|code signing|signature verification only)\b"
        ),
        "5A002.a Technical Note 1.b: digital signature only",
    ),
    (
        re.compile(r"\b(integrity only|checksum|hashing only|message authentication only)\b"),
        "5A002.a Technical Note 1.c: data integrity only",
    ),
    (
        re.compile(r"\b(drm|digital rights management|copy[- ]protection|copy protected)\b"),
        "5A002.a Technical Note 1.e: digital rights management / copy protection",
    ),
    (
        re.compile(
            r"\b(pay[- ]tv|set[- ]top box|broadcast\w*|conditional access|entertainment|medical records?|patient records?)\b"
        ),
        "5A002.a Technical Note 1.f: encryption in support of entertainment, broadcasts or medical records",
    ),
    (
        re.compile(r"\b(bluetooth|zigbee|personal area network|nfc)\b"),
        "5A002.a Technical Note 1.g: personal area network functionality with published standards only",
    ),
    (
        re.compile(
            r"\b(banking|payment|payments|atm|point[- ]of[- ]sale|pos terminal|fare collection|ticketing|credit card|emv)\b"
        ),
        "5A002.a Technical Note 1.h: cryptography limited to banking or money transactions",
    ),
)
CRYPTOGRAPHY_NOTE = "Cryptography Note (Note 3 to Category 5, Part 2): mass-market item with cryptography the user cannot change"


@dataclass(frozen=True, slots=True)
class CryptoFacts:
    mentioned: bool
    strong: bool  # a 'described security algorithm' is named
    weak_only: bool  # algorithms are named, but none exceeds the key-length limits
    mass_market: bool
    exclusions: tuple[str, ...]
    evidence: tuple[str, ...]


def analyse(folded: str) -> CryptoFacts:
    """What the description says about its cryptography (``folded`` is lower-case text)."""
    if not _CRYPTO.search(folded):
        return CryptoFacts(False, False, False, False, (), ())
    strong: list[str] = []
    weak: list[str] = []
    for match in _SYMMETRIC.finditer(folded):
        name = match.group(1).replace("triple-des", "triple des")
        bits = int(match.group(2)) if match.group(2) else _DEFAULT_SYMMETRIC_BITS.get(name, 128)
        bits = _near_bits(folded, match.end(), bits)
        (strong if bits > 56 else weak).append(f"{name.upper()} {bits}-bit (symmetric, limit 56 bits)")
    for match in _RSA.finditer(folded):
        if match.group(1) == "dh" and not match.group(2):
            continue
        bits = int(match.group(2)) if match.group(2) else _near_bits(folded, match.end(), 2048)
        (strong if bits > 512 else weak).append(f"{match.group(1).upper()} {bits}-bit (limit 512 bits)")
    for match in _ECC.finditer(folded):
        size = next((int(g) for g in match.groups()[1:] if g), 256)
        (strong if size > 112 else weak).append(f"elliptic curve {size}-bit (limit 112 bits)")
    if _POST_QUANTUM.search(folded):
        strong.append("post-quantum asymmetric algorithm (5A002.a Technical Note 2.c)")
    if not strong and not weak:
        for match in _BITS.finditer(folded):
            bits = int(match.group(1))
            if re.search(r"key|encrypt|cipher", folded[max(0, match.start() - 40) : match.end() + 25]):
                (strong if bits > 56 else weak).append(f"{bits}-bit key")
    if re.search(r"\b(vpn|ipsec|tls|ssl|wpa2|wpa3|hsm|encryptor)\b", folded) and not weak:
        strong.append("standard protocol (TLS / IPsec / WPA2 use keys over 56 bits)")
    exclusions = tuple(reason for pattern, reason in _EXCLUDED if pattern.search(folded))
    return CryptoFacts(
        mentioned=True,
        strong=bool(strong),
        weak_only=bool(weak) and not strong,
        mass_market=bool(MASS_MARKET.search(folded)),
        exclusions=exclusions,
        evidence=tuple(strong or weak),
    )


def _near_bits(folded: str, at: int, default: int) -> int:
    match = re.match(r"[^.;]{0,25}?(\d{2,5})[- ]?bits?\b", folded[at : at + 40])
    return int(match.group(1)) if match else default
