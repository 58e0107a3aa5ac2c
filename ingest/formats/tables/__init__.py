"""Tabular sources: the native CSV and JSON Lines templates, other CRMs' exports, mapped CSV and
LinkedIn connections.
"""
