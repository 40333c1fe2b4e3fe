"""Hembesök: follow-up dashboard for extended home visits (utökade hembesök)."""
