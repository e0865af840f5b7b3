"""Write a plan's documents: one plan, many in parallel, incrementally, and PDFs."""
