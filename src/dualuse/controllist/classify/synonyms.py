"""Our synonym table: the words exporters use, mapped to the words of Annex I.

Each row: phrases a product sheet may contain (matched as whole words, case-insensitive), the annex
wording they stand for (added to the query), and entry codes the phrase points to (a ranking hint,
never a verdict on its own). Written by the project; not taken from the annex.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dualuse.controllist.classify.text import fold
from dualuse.controllist.classify.vocabulary import EXTRA_NOT_LISTED_CUES, EXTRA_SYNONYMS, Synonym
from dualuse.controllist.classify.vocabulary import synonym as _s

SYNONYMS: tuple[Synonym, ...] = (
    # Category 5 Part 1 and cyber-surveillance
    _s(
        "imsi catcher|imsi-catcher|imsi grabber|stingray|cell-site simulator|cell site simulator|fake base station|false base station|rogue base station|virtual base station|imsi/imei|imei catcher",
        "mobile telecommunications interception equipment extraction subscriber identifiers imsi imei air interface",
        "5A001.f",
    ),
    _s(
        "gsm interceptor|gsm interception|cellular interception|cellular interceptor|mobile interception|off-the-air interception|off the air interception|passive gsm|lte interception|umts interception|call interception|sms interception|over-the-air interception",
        "mobile telecommunications interception equipment extraction voice data air interface",
        "5A001.f",
    ),
    _s(
        "cell phone jammer|mobile phone jammer|gsm jammer|cellular jammer|selective jammer|smart jammer|protocol-aware jammer|protocol aware jammer|lte jammer|mobile jammer",
        "jamming equipment mobile telecommunication services interfere deny degrade",
        "5A001.f.3",
    ),
    _s(
        "lawful interception|legal interception|lawful intercept|monitoring centre|monitoring center|lemf|law enforcement monitoring|interception management|mediation device|handover interface",
        "monitoring analysis law enforcement handover interface hard selectors interception communications service provider",
        "5D001.e 5A001.j",
    ),
    _s(
        "deep packet inspection|dpi engine|dpi appliance|dpi probe|dpi platform|dpi system|dpi solution|traffic inspection|packet inspection|layer 7|layer-7|application layer inspection",
        "analysis application layer internet protocol ip network surveillance extraction metadata application content",
        "5A001.j",
    ),
    _s(
        "ip monitoring|internet monitoring|mass surveillance|traffic interception|network surveillance|internet surveillance|ip interception|backbone monitoring|national backbone|carrier-grade|carrier grade",
        "internet protocol ip network communications surveillance carrier class backbone",
        "5A001.j",
    ),
    _s(
        "link analysis|social network analysis|target profiling|relationship mapping|contact mapping",
        "mapping relational network individual group people hard selectors",
        "5A001.j 5D001.e",
    ),
    _s(
        "spyware|trojan|remote access tool|implant|implants|exploit kit|exploit delivery|exploit chain|zero-click|zero click|zero-day|0-day|infection vector|malware|backdoor|stalkerware|offensive cyber|hacking tool|remote intrusion|device infection|covert surveillance software|surveillance agent",
        "intrusion software generation command control delivery",
        "4D004 4A005",
    ),
    _s(
        "mobile forensics|forensic extraction|phone unlocking|passcode bypass|lock screen bypass|screen lock bypass|physical extraction|brute-force the passcode|password bypass|unlock smartphones|data extraction from smartphones",
        "extract raw data computing communications device circumvent authentication authorisation controls",
        "5A004.b",
    ),
    _s(
        "password cracking|password recovery|code breaking|codebreaking|cryptanalysis|cipher breaking|key recovery|decryption appliance",
        "cryptanalytic functions defeat cryptographic mechanisms",
        "5A004.a",
    ),
    _s(
        "encryption|encrypted|encrypting|encryptor|encrypts|cipher|ciphers|crypto|cryptographic|aes|aes-128|aes-256|3des|triple des|rsa|ecc|elliptic curve|ecdh|vpn|ipsec|tls|ssl|hsm|hardware security module|secure phone|crypto phone|link encryptor|network encryptor|secure communications|chacha20|post-quantum",
        "cryptography data confidentiality information security described security algorithm",
        "5A002.a",
    ),
    _s("quantum key distribution|qkd", "quantum cryptography", "5A002.c"),
    _s(
        "tempest|emanation security|emsec|emission security",
        "reduce compromising emanations information bearing signals",
        "5A003.b",
    ),
    _s(
        "intrusion detection cable|fibre intrusion detection|tamper-detecting cable",
        "communications cable systems detect surreptitious intrusion",
        "5A003.a",
    ),
    _s(
        "direction finder|direction finding|df receiver|radio df",
        "radio direction finding equipment line of bearing",
        "5A001.e",
    ),
    _s(
        "passive radar|passive coherent location",
        "passive coherent location pcl reflections ambient radio frequency emissions",
        "5A001.g",
    ),
    _s(
        "counter-ied|counter ied|rcied|ied jammer|bomb jammer",
        "counter improvised explosive device ied rf transmitting equipment",
        "5A001.h",
    ),
    _s(
        "software defined radio|software-defined radio|sdr",
        "radio equipment digitally controlled radio receivers",
    ),
    _s(
        "phased array|aesa|beam steering antenna|beam-steering antenna",
        "electronically steerable phased array antennae",
        "5A001.d",
    ),
    _s(
        "hf radio|hf transceiver|alе|automatic link establishment",
        "radio equipment automatically predicting selecting frequencies",
        "5A001.b.2",
    ),
    _s(
        "scanning receiver|monitoring receiver|surveillance receiver|signals intelligence|sigint|comint",
        "digitally controlled radio receivers automatic searching scanning identification received signals",
        "5A001.b.5",
    ),
    _s("vocoder|voice codec|low bit rate voice", "voice coding signal processing", "5A001.b.6"),
    _s("telemetry|telecontrol|command link", "telemetry telecontrol equipment"),
    # Category 6
    _s(
        "thermal camera|thermal imager|thermal imaging|thermal-imaging|infrared camera|ir camera|thermographic|thermography|lwir|mwir|microbolometer|uncooled camera|cooled camera",
        "cameras infrared focal plane arrays imaging",
        "6A003.b.4",
    ),
    _s(
        "night vision|image intensifier|nvg|night-vision|gen 3|gen iii",
        "image intensifier tubes",
        "6A002.a.2 6A003.b.3",
    ),
    _s(
        "focal plane array|fpa|detector array|infrared detector|ir detector",
        "focal plane arrays optical detectors",
        "6A002.a.3",
    ),
    _s(
        "sonar|hydrophone|hydrophones|towed array|side-scan|side scan|echo sounder|multibeam|bathymetric|sub-bottom profiler|sonobuoy",
        "acoustic systems underwater hydrophones towed acoustic hydrophone arrays sonar",
        "6A001",
    ),
    _s("lidar|laser radar|laser scanner", "laser radar light detection ranging lidar"),
    _s("synthetic aperture radar|sar|isar", "synthetic aperture radar sar radar", "6A008.d"),
    _s(
        "weather radar|air traffic control radar|atc radar|marine radar|navigation radar",
        "radar systems air traffic control",
    ),
    _s(
        "fiber laser|fibre laser|co2 laser|excimer|nd:yag|ndyag|diode laser|laser diode|ultrafast laser|femtosecond laser|picosecond laser|pulsed laser|cw laser",
        "lasers output power pulse",
        "6A005",
    ),
    _s(
        "magnetometer|magnetometers|gradiometer|squid|fluxgate|magnetic anomaly detector|mad",
        "magnetometers magnetic gradiometers",
        "6A006",
    ),
    _s(
        "gravimeter|gravity meter|gravity gradiometer",
        "gravity meters gravimeters gravity gradiometers",
        "6A007 6A107",
    ),
    _s(
        "streak camera|high-speed camera|high speed camera|framing camera|ultra-high-speed camera",
        "streak cameras framing cameras high speed",
        "6A003.a 6A203",
    ),
    _s("photomultiplier|pmt", "photomultiplier tubes", "6A202"),
    _s("space telescope|earth observation camera|satellite camera", "space qualified optical"),
    # Category 7
    _s(
        "imu|inertial measurement unit|ins|inertial navigation|inertial navigation system|ahrs|attitude and heading reference",
        "inertial measurement equipment systems navigation",
        "7A003",
    ),
    _s(
        "fog|fiber optic gyro|fibre optic gyro|fiber-optic gyroscope|fibre-optic gyroscope|ring laser gyro|rlg|mems gyro|gyroscope|gyroscopes|hemispherical resonator",
        "gyros angular rate sensors",
        "7A002",
    ),
    _s("mems accelerometer|servo accelerometer|quartz accelerometer", "accelerometers linear", "7A001"),
    _s(
        "gps receiver|gnss receiver|gps|gnss|galileo prs|m-code|p(y)|military code|crpa|anti-jam antenna|anti-jam gps|controlled reception pattern",
        "satellite navigation system receiving equipment",
        "7A005 7A105",
    ),
    _s("star tracker|star sensor|star camera", "star trackers", "7A004"),
    _s("radar altimeter|radio altimeter|laser altimeter", "airborne altimeters", "7A006"),
    _s(
        "doppler velocity log|dvl",
        "underwater sonar navigation doppler velocity correlation velocity logs",
        "7A008",
    ),
    _s("autopilot|flight controller|fly-by-wire", "flight control systems"),
    # Category 8
    _s(
        "rov|remotely operated vehicle|auv|autonomous underwater vehicle|uuv|unmanned underwater vehicle|underwater drone|underwater robot|subsea vehicle|manned submersible|submarine",
        "submersible vehicles underwater",
        "8A001",
    ),
    _s("syntactic foam|buoyancy foam", "syntactic foam underwater", "8C001"),
    _s(
        "air independent propulsion|air-independent propulsion|aip|stirling engine",
        "air independent power systems underwater",
        "8A002.j",
    ),
    _s(
        "hovercraft|air cushion vehicle|hydrofoil|surface effect ship",
        "surface effect vehicles hydrofoil vessels",
        "8A001",
    ),
    _s("underwater camera|subsea camera", "underwater television cameras", "8A002.d"),
    _s("underwater light|subsea light|underwater lighting", "light systems underwater", "8A002.g"),
    # Category 9
    _s(
        "drone|drones|uav|uavs|uas|unmanned aircraft|quadcopter|multicopter|multirotor|multi-rotor|fixed-wing drone|rpas|unmanned aerial system|unmanned aerial vehicle|loitering",
        "unmanned aerial vehicles uavs",
        "9A012 9A112",
    ),
    _s(
        "jet engine|turbofan|turbojet|turboshaft|turboprop|gas turbine|aero engine|aero-engine",
        "aero gas turbine engines",
        "9A001 9A101",
    ),
    _s(
        "rocket motor|solid rocket|solid-fuel rocket|solid propellant motor|srm",
        "solid rocket propulsion systems motors",
        "9A007 9A107",
    ),
    _s(
        "liquid rocket engine|liquid-fuel rocket|rocket engine|bipropellant engine",
        "liquid rocket propulsion systems engines",
        "9A005 9A105",
    ),
    _s(
        "satellite|satellites|cubesat|smallsat|microsatellite|nanosatellite|spacecraft bus",
        "spacecraft spacecraft buses",
        "9A004",
    ),
    _s("launch vehicle|launcher|sounding rocket", "space launch vehicles sounding rockets", "9A004 9A104"),
    _s(
        "crop duster|crop spraying|agricultural spraying|aerial spraying|spray drone|spraying drone|agricultural drone|fogging",
        "spraying fogging systems aircraft unmanned aerial vehicles",
        "9A350",
    ),
    _s("ramjet|scramjet", "ramjet scramjet combined cycle engines", "9A011"),
    _s("wind tunnel", "aerodynamic test facilities wind tunnels", "9B105"),
    _s("fadec|engine control unit", "full authority digital engine control fadec systems"),
    # Category 4
    _s(
        "supercomputer|hpc cluster|high-performance computing|high performance computing|hpc system|compute cluster|teraflops|tflops|petaflops",
        "digital computers adjusted peak performance app",
        "4A003",
    ),
    _s(
        "quantum computer|quantum processor|qubit|qubits|quantum computing",
        "quantum computers physical qubits",
        "4A506",
    ),
    # Category 3
    _s(
        "adc|analog-to-digital converter|analogue-to-digital converter|analog to digital converter|a/d converter",
        "analogue-to-digital converters adc",
        "3A001.a.5",
    ),
    _s(
        "dac|digital-to-analog converter|digital-to-analogue converter|d/a converter",
        "digital-to-analogue converters dac",
        "3A001.a.5",
    ),
    _s(
        "fpga|field-programmable gate array|field programmable gate array|cpld",
        "field programmable logic devices",
        "3A001.a.7",
    ),
    _s(
        "mmic|gan amplifier|gan pa|microwave amplifier|rf power amplifier|solid state power amplifier|sspa",
        "microwave monolithic integrated circuits mmic power amplifiers",
        "3A001.b",
    ),
    _s(
        "oscilloscope|oscilloscopes|real-time oscilloscope",
        "real-time oscilloscopes",
        "3A002.a.7",
    ),
    _s("spectrum analyzer|spectrum analyser|signal analyzer|signal analyser", "signal analysers", "3A002.c"),
    _s(
        "signal generator|signal generators|frequency synthesizer|frequency synthesiser|rf generator",
        "signal generators frequency synthesised",
        "3A002.d",
    ),
    _s("network analyzer|network analyser|vna", "vector network analysers", "3A002.e"),
    _s(
        "atomic clock|rubidium clock|rubidium oscillator|rubidium standard|cesium clock|caesium clock|cesium beam|caesium beam|hydrogen maser|maser|h-maser|frequency standard|chip-scale atomic",
        "atomic frequency standards",
        "3A002.g",
    ),
    _s(
        "lithography|stepper|euv|mask aligner|wafer scanner|e-beam writer|electron beam lithography",
        "lithography equipment wafer processing",
        "3B001.f",
    ),
    _s("photoresist|photoresists|euv resist|e-beam resist", "resists", "3C002"),
    _s("spark gap|krytron|thyratron", "triggered spark gaps cold cathode tubes", "3A228"),
    _s(
        "frequency converter|frequency changer|frequency inverter|variable frequency drive",
        "frequency changers converters",
        "3A225",
    ),
    _s("flash x-ray|pulsed x-ray", "flash x-ray generators", "3A230"),
    _s("neutron generator", "neutron generator systems", "3A231"),
    _s(
        "superconducting magnet|superconducting solenoid",
        "superconducting solenoidal electromagnets",
        "3A201.b",
    ),
    _s(
        "high-voltage capacitor|high voltage capacitor|pulse capacitor|pulsed power capacitor",
        "capacitors high voltage",
        "3A201.a",
    ),
    _s("epitaxial wafer|epi wafer", "hetero-epitaxial materials substrate", "3C001"),
    # Category 2
    _s(
        "cnc|machining centre|machining center|milling machine|milling|lathe|turning centre|turning center|turning machine|grinder|grinding machine|jig borer",
        "machine tools numerical control",
        "2B001 2B201",
    ),
    _s("5-axis|five-axis|5 axis|five axis", "five axes contouring control"),
    _s("positioning accuracy|position accuracy|accuracy of positioning", "positioning accuracies"),
    _s("repeatability", "unidirectional positioning repeatability"),
    _s(
        "cmm|coordinate measuring machine|coordinate measurement machine",
        "dimensional inspection coordinate measuring machines cmm",
        "2B006 2B206",
    ),
    _s(
        "hip|hot isostatic press|hot isostatic pressing|cold isostatic press",
        "isostatic presses",
        "2B004 2B104 2B204",
    ),
    _s("turbomolecular pump|turbo pump|vacuum pump", "vacuum pumps", "2B231"),
    _s(
        "capacitance manometer|pressure transducer|pressure gauge|pressure sensor",
        "pressure transducers",
        "2B230",
    ),
    _s(
        "glass-lined reactor|glass lined reactor|reaction vessel|chemical reactor|jacketed reactor|stirred tank reactor|reactor vessel",
        "reaction vessels reactors chemical manufacturing",
        "2B350.a",
    ),
    _s("agitator|stirrer|mixer shaft", "agitators reaction vessels", "2B350.b"),
    _s("storage tank|storage vessel|receiver tank", "storage tanks containers receivers", "2B350.c"),
    _s("heat exchanger|condenser|plate heat exchanger", "heat exchangers condensers", "2B350.d"),
    _s(
        "distillation column|absorption column|rectification column",
        "distillation absorption columns",
        "2B350.e",
    ),
    _s("filling machine|remotely operated filling", "remotely operated filling equipment", "2B350.f"),
    _s(
        "ball valve|butterfly valve|diaphragm valve|corrosion-resistant valve|bellows valve",
        "valves",
        "2B350.g",
    ),
    _s(
        "magnetic drive pump|canned motor pump|sealless pump|chemical pump|diaphragm pump",
        "pumps multiple seal seal-less",
        "2B350.i",
    ),
    _s("incinerator", "incinerators destroy chemicals", "2B350.j"),
    _s("fermenter|fermentor|bioreactor|bio-reactor|fermentation vessel", "fermenters", "2B352.b"),
    _s(
        "continuous centrifuge|disc stack centrifuge|disk stack centrifuge|centrifugal separator",
        "centrifugal separators",
        "2B352.c",
    ),
    _s(
        "tangential flow filtration|cross-flow filtration|crossflow filtration|tff",
        "cross tangential flow filtration equipment",
        "2B352.d",
    ),
    _s(
        "freeze dryer|freeze-dryer|lyophilizer|lyophiliser|lyophilisation|lyophilization|freeze drying",
        "freeze drying equipment",
        "2B352.e",
    ),
    _s("spray dryer|spray-dryer|spray drying", "spray drying equipment", "2B352.h"),
    _s(
        "biosafety cabinet|biological safety cabinet|class iii cabinet|glovebox|glove box|bsl-3|bsl-4|bsl3|bsl4|isolator",
        "protective containment equipment class iii biological safety cabinets isolators",
        "2B352.f",
    ),
    _s("aerosol chamber|aerosol challenge", "aerosol inhalation chambers", "2B352.g"),
    _s(
        "gas detector|toxic gas monitor|gas monitor|gas detection",
        "toxic gas monitors monitoring systems",
        "2B351",
    ),
    _s("industrial robot|robot arm|robotic arm|robot", "robots", "2B007 2B207"),
    _s("hot cell manipulator|master-slave manipulator|telemanipulator", "remote manipulators", "2B225"),
    _s(
        "vacuum furnace|induction furnace|melting furnace|arc furnace|electron beam furnace",
        "furnaces vacuum controlled atmosphere",
        "2B226 2B227",
    ),
    _s(
        "flow forming|flow-forming|spin forming|spin-forming",
        "flow forming machines spin forming",
        "2B009 2B109 2B209",
    ),
    _s("balancing machine|dynamic balancer", "balancing machines", "2B119 2B219"),
    _s("shaker|vibration test|vibration table|shake table", "vibration test systems", "2B116"),
    _s("rate table|motion simulator|flight motion simulator", "motion simulators rate tables", "2B120"),
    _s("bearing|bearings|ball bearing|magnetic bearing", "bearings", "2A001"),
    _s("crucible|crucibles", "crucibles", "2A225"),
    _s("gas gun|light gas gun|railgun|rail gun", "high velocity gun systems", "2B232"),
    _s("scroll pump|scroll compressor", "bellows sealed scroll type compressors vacuum pumps", "2B233"),
    # Category 1
    _s(
        "body armor|body armour|ballistic vest|bulletproof vest|bullet-proof vest|bullet proof vest|plate carrier|ballistic plate|armour plate|armor plate",
        "body armour",
        "1A005",
    ),
    _s(
        "gas mask|cbrn suit|hazmat suit|nbc suit|cbrn respirator|nbc respirator|papr|full-face mask|full face mask|protective suit|decontamination",
        "protective detection equipment gas masks chemical biological",
        "1A004",
    ),
    _s(
        "bomb disposal robot|eod robot|ied disposal|bomb disposal|explosive ordnance disposal|disrupter|disruptor",
        "disposal improvised explosive devices ieds",
        "1A006",
    ),
    _s("detonator|detonators|exploding bridgewire|slapper|ebw", "detonators charges initiate", "1A007"),
    _s("shaped charge|cutting charge|linear cutting charge|perforating gun", "shaped charges", "1A008"),
    _s(
        "carbon fiber|carbon fibre|aramid|kevlar|glass fiber|glass fibre|carbon fibres|carbon fibers",
        "fibrous filamentary materials carbon",
        "1C010",
    ),
    _s("prepreg|prepregs|pre-impregnated", "prepregs"),
    _s(
        "radar absorbing|radar-absorbing|stealth coating|stealth material|microwave absorber|rf absorber",
        "materials absorbing electromagnetic radiation",
        "1C001",
    ),
    _s(
        "nerve agent precursor|chemical weapon precursor|cw precursor",
        "precursors toxic chemical agents",
        "1C350",
    ),
    _s("tdg", "thiodiglycol", "1C350"),
    _s("dmmp", "dimethyl methylphosphonate", "1C350"),
    _s("pcl3", "phosphorus trichloride", "1C350"),
    _s("pocl3", "phosphorus oxychloride", "1C350"),
    _s("socl2", "thionyl chloride", "1C350"),
    _s("pcl5", "phosphorus pentachloride", "1C350"),
    _s("ascl3", "arsenic trichloride", "1C350"),
    _s("nacn", "sodium cyanide", "1C350"),
    _s("kcn", "potassium cyanide", "1C350"),
    _s("naf", "sodium fluoride", "1C350"),
    _s("kf", "potassium fluoride", "1C350"),
    _s("hf|hydrofluoric acid|anhydrous hf", "hydrogen fluoride", "1C350"),
    _s("na2s", "sodium sulphide", "1C350"),
    _s("hcn|prussic acid", "hydrogen cyanide", "1C450"),
    _s(
        "pathogen|pathogens|virus strain|bacterial strain|live culture|seed stock",
        "human animal pathogens bacteria viruses",
        "1C351",
    ),
    _s("toxin|toxins", "toxins", "1C351.d"),
    _s(
        "plasmid|gene sequence|genetic construct|synthetic dna|gmo|genetically modified|genetically engineered",
        "genetic elements genetically modified organisms nucleic acid sequences",
        "1C353",
    ),
    _s("plant pathogen|crop pathogen", "plant pathogens", "1C354"),
    _s("maraging", "maraging steel", "1C116 1C216"),
    _s("he-3|helium 3|helium-3", "helium-3", "1C232"),
    _s("li-6|lithium 6|lithium-6", "lithium enriched lithium-6 isotope", "1C233"),
    _s("clf3", "chlorine trifluoride", "1C238"),
    _s("hmx|rdx|tatb|petn|hns|octogen|hexogen", "high explosives", "1C239"),
    _s("b-10|boron 10|boron-10", "boron enriched boron-10 isotope", "1C225"),
    _s("ptfe seal|fluoroelastomer|fkm|viton", "fluorinated compounds seals gaskets", "1A001"),
    # Category 0
    _s(
        "gas centrifuge|centrifuge rotor|enrichment centrifuge|uranium enrichment|enrichment plant|enrichment cascade",
        "isotope separation gas centrifuges uranium",
        "0B001",
    ),
    _s("heavy water|d2o|deuterium oxide", "heavy water deuterium oxide deuterium", "0C003"),
    _s(
        "nuclear graphite|nuclear-grade graphite|reactor-grade graphite|reactor grade graphite",
        "graphite purity boron equivalent nuclear",
        "0C004",
    ),
    _s(
        "uf6|uranium hexafluoride|yellowcake|uranium ore concentrate",
        "uranium conversion hexafluoride",
        "0B003 0C001",
    ),
    _s(
        "reactor pressure vessel|rpv", "metal vessels reactor pressure vessel core nuclear reactor", "0A001.b"
    ),
    _s("fuel cladding|cladding tubes", "zirconium tubes fuel cladding nuclear reactor", "0A001.f"),
    _s(
        "control rod|control rods|control rod drive",
        "control rods nuclear reactor rod drive mechanisms",
        "0A001.d",
    ),
    _s(
        "refuelling machine|refueling machine|fuel handling machine",
        "manipulative equipment inserting removing fuel nuclear reactor",
        "0A001.c",
    ),
    _s(
        "primary coolant pump|reactor coolant pump",
        "pumps circulating primary coolant nuclear reactors",
        "0A001.g",
    ),
    _s("hot cell", "shielded cells irradiated fuel reprocessing"),
    _s("plutonium", "plutonium special fissile materials"),
    _s("depleted uranium|natural uranium", "depleted uranium natural uranium"),
    *EXTRA_SYNONYMS,
)

# Cues that an item is outside Annex I whatever it resembles (Art 3 applies to listed items only; a
# non-listed cyber-surveillance item may still fall under the Art 5 catch-all).
NOT_LISTED_CUES: tuple[tuple[str, str], ...] = (
    (
        "facial recognition|face recognition|face matching|biometric identification|video analytics|license plate recognition|licence plate recognition|anpr|lpr camera",
        "no entry fits: face and plate recognition is not listed in Annex I (the Art 5 catch-all for cyber-surveillance items may apply)",
    ),
    (
        "social media monitoring|open source intelligence|osint|web scraping|sentiment analysis",
        "no entry fits: open-source and social-media monitoring is not listed in Annex I (the Art 5 catch-all may apply)",
    ),
    (
        "parental control|employee monitoring|child monitoring",
        "no entry fits: monitoring software for own devices is not listed in Annex I",
    ),
    (
        "toy|toys|household|kitchen|furniture|clothing|apparel|garden|cosmetic|cosmetics|food|beverage|beer|brewing|brewery|winery|wine|dairy|bicycle|e-bike|office chair|sporting goods|hobby|home appliance|domestic|t-shirts|jeans|coffee machine|espresso",
        "no entry fits: ordinary consumer goods",
    ),
    *EXTRA_NOT_LISTED_CUES,
)

SOFTWARE_CUES = re.compile(
    r"\b(software|firmware|app|apps|application software|source code|program|programs|sdk|toolkit|plug-in|plugin|saas|spyware|malware|trojan|exploit|exploits|stalkerware)\b"
)
SOFTWARE_DENY = re.compile(
    r"\b(software[- ]defined|software[- ]radio|software[- ]controlled|with (?:the )?\w*\s*software|software included|bundled software|control software included)\b"
)
TECHNOLOGY_CUES = re.compile(
    r"\b(technology|know-how|know how|technical data|design data|blueprints|drawings|technical documentation|manufacturing documentation|process documentation|training course|technical assistance|engineering services|design package|production know|recipe|process specification|technology transfer|licen[cs]e to manufacture)\b"
)
HARDWARE_CUES = re.compile(
    r"\b(equipment|device|devices|machine|machines|instrument|unit|appliance|hardware|module|camera|receiver|vehicle|system with|sensor|chassis|rack|box|terminal)\b"
)


@dataclass(frozen=True, slots=True)
class SynonymHit:
    phrase: str
    synonym: Synonym


def _pattern(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = sorted((re.escape(fold(p)) for p in phrases if p), key=len, reverse=True)
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(alternatives) + r")(?![a-z0-9])")


_PATTERNS: tuple[tuple[re.Pattern[str], Synonym], ...] = tuple((_pattern(s.phrases), s) for s in SYNONYMS)
_NOT_LISTED: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (_pattern(tuple(cue.split("|"))), reason) for cue, reason in NOT_LISTED_CUES
)


def find_synonyms(folded: str) -> list[SynonymHit]:
    """Every synonym row whose phrase occurs in the (folded) description."""
    hits: list[SynonymHit] = []
    for pattern, synonym in _PATTERNS:
        match = pattern.search(folded)
        if match:
            hits.append(SynonymHit(match.group(0), synonym))
    return hits


def not_listed_cues(folded: str) -> list[str]:
    """Reasons found in the description that point away from Annex I."""
    return [reason for pattern, reason in _NOT_LISTED if pattern.search(folded)]
