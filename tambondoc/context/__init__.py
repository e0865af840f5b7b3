"""What the documents show, computed from a validated plan."""
