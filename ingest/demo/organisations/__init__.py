"""Organisations of the demo world: companies, org charts, people, careers, titles, places and
account owners.
"""
