"""Check a loaded plan: JSON Schema, then the semantic rules; every finding a Problem."""
