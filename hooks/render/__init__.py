"""The HTML the build adds to pages, filled from checked data into the templates in hooks/templates/."""
