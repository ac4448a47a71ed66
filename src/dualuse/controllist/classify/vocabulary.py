"""More of our synonym table (see ``synonyms``): trade names of cyber-surveillance items, common names
of listed chemicals and pathogens, and product-sheet words for electronics, materials and equipment,
including some German and French ones. Hints name the entry or sub-item the phrase points to.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Synonym:
    phrases: tuple[str, ...]
    annex_words: str
    hints: tuple[str, ...] = ()


def synonym(phrases: str, annex_words: str, hints: str = "") -> Synonym:
    return Synonym(tuple(p.strip() for p in phrases.split("|")), annex_words, tuple(hints.split()))


_s = synonym

EXTRA_SYNONYMS: tuple[Synonym, ...] = (
    # cyber-surveillance: common product families and trade names (5A001.f, 5A001.j, 5A004.b, 4A005, 4D004)
    _s(
        "hailstorm|kingfish|harpoon|gossamer|triggerfish|dirtbox|dirt box|imsi-catcher|imsi fanger|imsi-fanger|intercepteur gsm|interception gsm|interception des communications|abhoranlage|abhorsystem|mobilfunk-abhor",
        "mobile telecommunications interception equipment extraction voice data subscriber identifiers air interface",
        "5A001.f",
    ),
    _s(
        "finfisher|finspy|pegasus|predator spyware|remote control system|galileo rcs|da vinci rcs|remote administration tool|rat implant|intrusion platform|cyber intrusion|lawful hacking|government hacking|staatstrojaner|logiciel espion",
        "intrusion software generation command control delivery",
        "4D004 4A005",
    ),
    _s(
        "cellebrite|ufed|graykey|xry|oxygen forensic|mobile forensic|mobile forensics|phone extraction|smartphone extraction|bypass the lock screen|bypasses the lock screen|lock screen passcode|passcode cracking|full file system extraction|full file-system extraction|brute force passcode",
        "extract raw data computing communications device circumvent authentication authorisation controls",
        "5A004.b",
    ),
    _s(
        "cryptanalyse|kryptoanalyse|cryptanalytic|brute-force decryption|brute force decryption|key cracking|hash cracking|decrypt containers|encrypted containers|password recovery|recovers passwords|recover passwords|password cracking|password cracker|dictionary attack|dictionary attacks",
        "cryptanalytic functions defeat cryptographic mechanisms",
        "5A004.a",
    ),
    _s(
        "interception management system|monitoring center|retention system|data retention|hard selectors|target selectors",
        "monitoring analysis hard selectors internet protocol network communications surveillance",
        "5A001.j 5D001.e",
    ),
    # electronics, Category 3
    _s(
        "travelling wave tube|traveling wave tube|twt|twta|klystron|magnetron|gyrotron|helix tube|crossed-field amplifier",
        "vacuum electronic devices travelling wave pulsed continuous wave",
        "3A001.b.1",
    ),
    _s(
        "rad-hard|radhard|rad hard|radiation-hardened|radiation hardened|total ionising dose|total ionizing dose|tid",
        "radiation hardened total dose silicon",
    ),
    _s("sram|dram|memory chip|eeprom|flash memory", "integrated circuits storage integrated circuits"),
    _s(
        "power supply|power supplies|dc power supply|dc supply|rectifier|psu|netzgerat|alimentation",
        "direct current power supplies current output voltage stability",
        "3A226 3A227",
    ),
    _s(
        "rechargeable|li-ion|lithium-ion|lithium ion|secondary battery|secondary cell|accumulator|akku",
        "secondary cells energy density",
        "3A001.e.1.b",
    ),
    _s(
        "primary cell|primary battery|lithium thionyl chloride|li-socl2|lisocl2|thermal battery",
        "primary cells energy density continuous power density",
        "3A001.e.1.a",
    ),
    _s("arsine|phosphine|stibine", "hydrides phosphorus arsenic antimony purity", "3C004"),
    _s(
        "sic mosfet|silicon carbide mosfet|power mosfet|igbt|power module|power semiconductor",
        "solid-state power semiconductor switches diodes modules",
        "3A001.h",
    ),
    _s("gaafet|gate-all-around|gate all around", "gaafet structures integrated circuits", "3D006"),
    _s("ecad|eda software|electronic design automation", "electronic computer-aided design ecad software"),
    _s(
        "mass spectrometer|icp-ms|icpms|tims|gdms|mass spectrometry",
        "mass spectrometers ions resolution",
        "3A233",
    ),
    # materials, Category 1
    _s(
        "towpreg|tow-preg|prepreg tape|prepreg tow|slit tape",
        "prepregs resin impregnated yarns rovings tows tapes",
        "1C210.c 1C010.e",
    ),
    _s(
        "filament winder|filament winding machine|filament-winding machine|wickelmaschine",
        "filament winding machines positioning wrapping winding fibres coordinated programmed",
        "1B001.a 1B101.a 1B201",
    ),
    _s(
        "automated fibre placement|automated fiber placement|afp|fibre placement|fiber placement|tow placement|automated tape laying|atl",
        "tow-placement machines tape-laying machines fibre placement",
        "1B001.g 1B001.b",
    ),
    _s(
        "oxidation oven|oxidation ovens|carbonisation furnace|carbonization furnace|carbonisation oven|carbonisierungsofen|carbonisierungsofen|pan precursor|polyacrylnitril|kohlenstofffaser|kohlenstofffasern|fibre de carbone",
        "equipment converting polymeric fibres polyacrylonitrile carbon fibres production",
        "1B001.d 1B101.c",
    ),
    _s("glasfaser|fibre de verre|e-glass|s-glass", "glass fibrous filamentary materials", "1C210.b"),
    _s("anthrax", "bacillus anthracis", "1C351.c"),
    _s("plague", "yersinia pestis", "1C351.c"),
    _s("tularemia|tularaemia|rabbit fever", "francisella tularensis", "1C351.c"),
    _s("q fever", "coxiella burnetii", "1C351.c"),
    _s("cholera", "vibrio cholerae", "1C351.c"),
    _s("glanders", "burkholderia mallei", "1C351.c"),
    _s("melioidosis", "burkholderia pseudomallei", "1C351.c"),
    _s("brucellosis", "brucella", "1C351.c"),
    _s("smallpox", "variola virus", "1C351.a"),
    _s("ebola|ebola virus", "ebolavirus", "1C351.a"),
    _s("marburg", "marburgvirus", "1C351.a"),
    _s("bird flu|avian flu|h5n1|hpai", "avian influenza virus", "1C351.a"),
    _s(
        "sars-cov|sars-cov-2|sars coronavirus|covid-19 virus",
        "severe acute respiratory syndrome-related coronavirus",
        "1C351.a",
    ),
    _s("mers-cov", "middle east respiratory syndrome-related coronavirus", "1C351.a"),
    _s("foot and mouth|foot-and-mouth|fmdv", "foot-and-mouth disease virus", "1C351.a"),
    _s("asfv", "african swine fever virus", "1C351.a"),
    _s("botox|botulinum toxin|botulinum neurotoxin|bont", "botulinum neurotoxins", "1C351.d"),
    _s("seb|staphylococcal enterotoxin", "staphylococcus aureus enterotoxins", "1C351.d"),
    _s("ttx", "tetrodotoxin", "1C351.d"),
    _s("mdea", "methyldiethanolamine", "1C450.b.8"),
    _s("deae|dieae", "diethylaminoethanol", "1C350"),
    _s("tea", "triethanolamine", "1C350"),
    _s("tmp|trimethyl phosphite", "trimethyl phosphite", "1C350"),
    _s("nh4hf2|abf", "ammonium hydrogen fluoride ammonium bifluoride", "1C350"),
    _s("natriumcyanid|cyanure de sodium", "sodium cyanide", "1C350"),
    _s("kaliumcyanid|cyanure de potassium", "potassium cyanide", "1C350"),
    _s("phosgen|carbonyl chloride|cg", "phosgene carbonyl dichloride", "1C450.a"),
    _s("blausaure|acide cyanhydrique", "hydrogen cyanide", "1C450.a"),
    _s("zircaloy|zirconium alloy tubes", "zirconium alloy tubes", "0A001.f"),
    _s(
        "gs process|girdler sulfide|girdler sulphide|hydrogen sulphide-water exchange|hydrogen sulfide-water exchange|ammonia-hydrogen exchange",
        "heavy water production plant water-hydrogen sulphide exchange ammonia-hydrogen exchange",
        "0B004",
    ),
    # equipment, Categories 2, 6, 9
    _s(
        "nucleic acid synthesizer|dna synthesizer|dna synthesiser|oligo synthesizer|gene synthesizer",
        "nucleic acid assemblers synthesisers",
        "2B352.i",
    ),
    _s(
        "tellerseparator|zentrifugalseparator|separateur centrifuge|disc separator|disk separator",
        "centrifugal separators continuous separation",
        "2B352.c",
    ),
    _s(
        "aesa radar|electronically scanned radar|e-scan radar|phased array radar|phased-array radar",
        "radar electronically scanned array antennae",
        "6A008.e",
    ),
    _s("ground penetrating radar|gpr", "radar"),
    _s("spacecraft bus|satellite bus|satellite platform|cubesat platform", "spacecraft buses", "9A004.c"),
    _s("sar payload|radar payload|sar satellite", "synthetic aperture radar sar", "6A008.d"),
    _s(
        "thrust vector control|tvc|flex nozzle|flexible nozzle",
        "thrust vector control sub-systems",
        "9A106.c 9A108.c",
    ),
    _s("test stand|test bench|static firing", "test benches test stands rockets rocket motors", "9B117"),
    _s(
        "acoustic chamber|reverberation chamber|reverberant chamber",
        "acoustic vibration test equipment sound pressure levels",
        "9B006",
    ),
    _s(
        "single crystal|single-crystal|directionally solidified",
        "single crystal sc directionally solidified ds alloys",
        "9E003.a.1",
    ),
    _s(
        "interstage|stage separation|separation mechanism",
        "staging mechanisms separation mechanisms interstages",
        "9A117",
    ),
)

# Descriptions of things Annex I does not list, whatever Annex I wording they share.
EXTRA_NOT_LISTED_CUES: tuple[tuple[str, str], ...] = (
    (
        "cctv|ip camera|dome camera|bullet camera|security camera|surveillance camera|video surveillance|videosurveillance|videouberwachung|onvif|nvr|dvr",
        "no entry fits: CCTV and video-surveillance cameras are not listed in Annex I (unless built on listed detectors, 6A002 / 6A003)",
    ),
    (
        "mobile device management|mdm software|remote wipe|remote wiping",
        "no entry fits: management of one's own devices is not listed in Annex I (the 'intrusion software' definition excludes it)",
    ),
    (
        "write blocker|write-blocker|forensic imaging bridge",
        "no entry fits: read-only forensic copying that circumvents no authentication is not 5A004.b",
    ),
    (
        "half-mask|half mask|dust mask|ffp2|ffp3|n95|organic vapour filter|organic vapor filter|spray painting|painting respirator",
        "no entry fits: industrial respiratory protection not designed against CW, biological or radioactive agents (1A004.a)",
    ),
    (
        "class ii biological safety cabinet|class ii biosafety|class 2 biosafety|class ii bsc|open front|laminar flow cabinet|laminar flow hood",
        "no entry fits: open-front (class II) cabinets are not the fully enclosed isolators of 2B352.f.2",
    ),
    (
        "smoke detector|smoke alarm|laser printer|inkjet printer|photocopier|tractor|lawn mower|fishfinder|fish finder|recreational boat|recreational boats|leisure",
        "no entry fits: ordinary civil goods",
    ),
)
