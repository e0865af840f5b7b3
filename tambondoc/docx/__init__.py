"""Render Word documents from templates, then finish and lay out their tables."""
