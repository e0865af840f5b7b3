"""Load a plan: the file, its YAML, positions for messages, the schema and the plan's vocabulary."""
