"""Write the Excel workbooks: project columns, styles, the coordination list."""
