"""Builders of the default .docx templates, one module a document (run by scripts/make_templates.py)."""
