"""Licensing pages, one module per audience: exporter, workbench (authority), licences, UGEA, OTP."""
