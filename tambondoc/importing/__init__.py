"""import-xlsx: workbook rows back into the plan's YAML, comments and layout kept."""
