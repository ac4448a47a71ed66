"""Unit spellings of Annex I entries and product sheets, with the factor to one SI (or customary) base unit.

Each dimension compares only with itself: an entry's "1,1 MNs" (total impulse) meets a sheet's "1 500 kNs",
"1 × 10-11/month" (frequency stability) a sheet's "5 × 10-13 per month".
"""

from __future__ import annotations

import math

# unit spelling -> (dimension, factor to the SI base unit, offset added after scaling)
UNITS: dict[str, tuple[str, float, float]] = {}


def _add(dim: str, factor: float, *names: str, offset: float = 0.0) -> None:
    for name in names:
        UNITS[name] = (dim, factor, offset)


_add("length", 1e-12, "pm")
_add("length", 1e-9, "nm", "nanometre", "nanometres", "nanometer", "nanometers")
_add(
    "length",
    1e-6,
    "μm",
    "µm",
    "um",
    "micron",
    "microns",
    "micrometre",
    "micrometres",
    "micrometer",
    "micrometers",
)
_add("length", 1e-3, "mm", "millimetre", "millimetres", "millimeter", "millimeters")
_add("length", 1e-2, "cm", "centimetre", "centimetres")
_add("length", 1.0, "m", "metre", "metres", "meter", "meters")
_add("length", 1e3, "km", "kilometre", "kilometres", "kilometer", "kilometers")
_add("length", 0.0254, "inch", "inches", "in.")
_add("length", 0.3048, "ft", "feet")
_add("length", 1852.0, "nmi", "nautical miles")
for _p, _f in (("", 1.0), ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12)):
    _add("frequency", _f, f"{_p}Hz", f"{_p.lower()}hz")
_add("frequency", 1e6, "MHZ")
_add("frequency", 1e9, "GHZ")
_add("power", 1e-3, "mW", "milliwatt", "milliwatts")
_add("power", 1.0, "W", "watt", "watts")
_add("power", 1e3, "kW", "KW", "kilowatt", "kilowatts")
_add("power", 1e6, "MW", "megawatt", "megawatts")
_add("power", 1e9, "GW", "gigawatt", "gigawatts")
_add("power", 1e12, "TW")
_add("energy", 1e-6, "μJ", "µJ", "uJ")
_add("energy", 1e-3, "mJ")
_add("energy", 1.0, "J", "joule", "joules")
_add("energy", 1e3, "kJ")
_add("energy", 1e6, "MJ")
_add("acceleration", 9.80665, "g rms", "g RMS", "grms", "g (rms)")
_add("mass", 1e-6, "mg", "milligram", "milligrams")
_add("mass", 1e-3, "g", "gram", "grams")
_add("mass", 1.0, "kg", "kilogram", "kilograms", "kilo", "kilos")
_add("mass", 1e3, "t", "tonne", "tonnes", "ton", "tons")
_add("pressure", 1e-3, "mPa")
_add("pressure", 1.0, "Pa", "N/m2", "N/m²")
_add("pressure", 100.0, "hPa", "mbar", "millibar")
_add("pressure", 1e3, "kPa")
_add("pressure", 1e5, "bar")
_add("pressure", 1e6, "MPa", "N/mm2", "N/mm²")
_add("pressure", 1e9, "GPa")
_add("pressure", 6894.757, "psi")
_add("pressure", 133.322, "Torr", "torr")
_add("time", 1e-15, "fs")
_add("time", 1e-12, "ps", "picosecond", "picoseconds")
_add("time", 1e-9, "ns", "nanosecond", "nanoseconds")
_add("time", 1e-6, "μs", "µs", "us", "microsecond", "microseconds")
_add("time", 1e-3, "ms", "millisecond", "milliseconds")
_add("time", 1.0, "s", "sec", "second", "seconds")
_add("time", 60.0, "min", "mins", "minute", "minutes")
_add("time", 3600.0, "h", "hr", "hrs", "hour", "hours")
_add("voltage", 1e-3, "mV")
_add("voltage", 1.0, "V", "volt", "volts")
_add("voltage", 1e3, "kV")
_add("current", 1e-3, "mA")
_add("current", 1.0, "A", "amp", "amps", "ampere", "amperes")
_add("current", 1e3, "kA")
_add("temperature", 1.0, "K", "kelvin")
_add("temperature", 1.0, "°C", "℃", "deg C", "degC", "degrees C", "degrees Celsius", offset=273.15)
_add("volume", 1e-6, "ml", "mL", "cm3", "cm³")
_add("volume", 1e-3, "l", "L", "litre", "litres", "liter", "liters")
_add("volume", 1.0, "m3", "m³")
_add("volume_flow", 1.0 / 3600, "m3/h", "m³/h")
_add("volume_flow", 1.0, "m3/s", "m³/s")
_add("volume_flow", 1e-3, "l/s", "L/s")
_add("volume_flow", 1e-3 / 60, "l/min", "L/min")
_add("ratio", 1e-2, "%", "percent")
_add("ratio", 1e-6, "ppm")
_add("bits", 1.0, "bit", "bits")
_add("bitrate", 1.0, "bit/s", "bps")
_add("bitrate", 1e3, "kbit/s", "kbps", "kb/s")
_add("bitrate", 1e6, "Mbit/s", "Mbps", "Mb/s")
_add("bitrate", 1e9, "Gbit/s", "Gbps", "Gb/s")
_add("bitrate", 8e9, "Gbyte/s", "GB/s", "GByte/s")
_add("speed", 1.0, "m/s")
_add("speed", 1e3, "km/s")
_add("speed", 1.0 / 3.6, "km/h", "kph")
_add("speed", 0.514444, "knots", "knot", "kn")
_add(
    "drift",
    1852.0 / 3600,
    "nmi/h",
    "nmi/hr",
    "nm/hr",
    "NM/hr",
    "nautical miles per hour",
    "nautical mile per hour",
    "NM/h",
    "nm/h",
)
_add("decibel", 1.0, "dB")
_add("dbm", 1.0, "dBm")
_add("force", 1.0, "N")
_add("force", 1e3, "kN")
_add("force", 1e6, "MN")
_add("app", 1.0, "WT", "Weighted TeraFLOPS", "weighted TeraFLOPS")
_add("qubits", 1.0, "qubits", "qubit", "physical qubits")
_add("dose", 1.0, "Gy")
_add("density", 1e3, "g/cm3", "g/cm³")
_add("density", 1.0, "kg/m3", "kg/m³")
_add("angle", 1e-6, "μrad", "µrad", "urad", "microradian", "microradians")
_add("angle", 1e-3, "mrad", "milliradian", "milliradians")
_add("angle_rate", 1.0, "°/h", "°/hr", "deg/h", "deg/hr", "degrees per hour", "° per hour")


# Added for the wording of product sheets and entries the first table could not read.
_add("sample_rate", 1.0, "SPS", "S/s", "Sa/s", "samples per second")
_add("sample_rate", 1e3, "kSPS", "kS/s", "kSa/s")
_add("sample_rate", 1e6, "MSPS", "MS/s", "MSa/s", "Msps", "Mega Samples Per Second", "megasamples per second")
_add("sample_rate", 1e9, "GSPS", "GS/s", "GSa/s", "Gsps", "Giga Samples Per Second", "gigasamples per second")
_add("impulse", 1.0, "Ns", "N·s", "N s")
_add("impulse", 1e3, "kNs", "kN·s", "kN s")
_add("impulse", 1e6, "MNs", "MN·s", "MN s")
_add("specific_impulse", 1e3, "kNs/kg", "kN·s/kg")
_add("specific_impulse", 1.0, "Ns/kg", "N·s/kg")
_add("acceleration_bias", 1e-6, "micro g", "micro-g", "µg", "μg", "ug")
_add("acceleration_bias", 1e-3, "milli g", "milli-g")
_add("ratio", 1e-2, "at.%", "at%", "at. %", "wt.%", "wt%", "wt. %", "mol%", "vol%", "vol.%")
_add("ratio", 1e-9, "ppb")
_add("per_month", 1.0, "/month", "per month", "/ month", "/Monat", "pro Monat")
_add("dose", 0.01, "rad(Si)", "rad (Si)")
_add("dose", 10.0, "krad", "krad(Si)", "krad (Si)", "kRad")
_add("dose", 1e4, "Mrad", "Mrad(Si)", "Mrad (Si)", "MRad")
_add("dose", 1.0, "Gy(Si)", "Gy (Si)", "Gy (silicon)", "Gy(silicon)")
_add("dose", 1e3, "kGy", "kGy(Si)", "kGy (Si)")
_add("magnetic", 1.0, "T", "tesla")
_add("magnetic", 1e-3, "mT")
_add("magnetic", 1e-6, "µT", "μT", "uT")
_add("magnetic", 1e-9, "nT")
_add("magnetic", 1e-12, "pT")
_add("magnetic", 1e-15, "fT")
_add("gravity", 1e-2, "Gal")
_add("gravity", 1e-5, "mGal", "milligal")
_add("gravity", 1e-8, "µGal", "μGal", "uGal", "microgal")
_add("angle", math.pi / 180, "°", "deg", "degree", "degrees")
_add(
    "angle",
    math.pi / 180 / 3600,
    "arcsec",
    "arc sec",
    "arc-sec",
    "arcseconds",
    "arc seconds",
    "arc-seconds",
    "seconds of arc",
    "second of arc",
    "″",
)
_add("angle_rate", 1.0, "degree per hour", "deg/hr", "°/hr", "°/hour", "deg/hour")
_add(
    "angle_rate_s",
    1.0,
    "°/s",
    "deg/s",
    "degrees/s",
    "degrees/second",
    "degrees per second",
    "degree per second",
)
_add(
    "random_walk",
    1.0,
    "°/√h",
    "°/√hr",
    "deg/√h",
    "deg/√hr",
    "degree per square root hour",
    "degrees per square root hour",
    "°/sqrt(h)",
    "deg/sqrt(hr)",
)
_add("energy_density", 3600.0, "Wh/kg")
_add("energy_density", 1.0, "J/kg")
_add("energy_density", 1e3, "kJ/kg")
_add("power_density", 1.0, "W/kg")
_add("power", 1.0, "VA")
_add("power", 1e3, "kVA")
_add("power", 1e6, "MVA")
_add("activity", 1.0, "Bq")
_add("activity", 1e3, "kBq")
_add("activity", 1e6, "MBq")
_add("activity", 1e9, "GBq")
_add("activity", 1e12, "TBq")
_add("activity", 3.7e10, "Ci", "curie", "curies")
_add("activity", 3.7e7, "mCi")
_add("activity", 3.7e13, "kCi")
_add("volume_flow", 1e-3 / 3600, "l/h", "L/h", "litres per hour", "liters per hour", "litre per hour")
_add("volume_flow", 1e-3 / 60, "litres per minute", "liters per minute", "litre per minute")
_add("volume_flow", 1.0 / 3600, "m3/hour", "m³/hour")
_add("volume_flow", 1.0 / 60, "m3/min", "m³/min", "m3/minute")
_add("volume_flow", 1e-6 / 60, "cm3/min", "cm³/min", "sccm")
_add("mass_flow", 1.0 / 3600, "kg/h", "kg/hr")
_add("frame_rate", 1.0, "frames/s", "frames per second", "fps", "frames/second")
_add("neutron_rate", 1.0, "n/s", "neutrons/s", "neutrons per second")
_add("area", 1.0, "m2", "m²")
_add("area", 1e-4, "cm2", "cm²")
_add("area", 1e-6, "mm2", "mm²")
_add("rotation", 1.0, "rpm", "r.p.m.", "RPM", "min-1")
_add("phase_noise", 1.0, "dBc/Hz")
_add("dbc", 1.0, "dBc")
_add("charge", 3600.0, "Ah", "ampere-hours", "ampere hours")
_add("charge", 3.6, "mAh")
