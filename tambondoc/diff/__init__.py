"""What changed between two revisions of a plan, for review."""
