"""The data in data/: each kind checked into plain objects and rendered to HTML in one place."""
