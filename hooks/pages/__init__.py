"""One page's Markdown: its front matter, its shortcodes, and the rules its text must keep."""
