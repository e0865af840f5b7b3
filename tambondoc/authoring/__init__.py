"""Tools that write plan files: fmt, next-year, new."""
