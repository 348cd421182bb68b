"""Our scripts and styles on their way to the site."""
