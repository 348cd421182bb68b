"""`make check-sources`: are the sources the site cites still there, and do they still say what we quote?

Every address in data/references.yml (with its findings' quotes) and every service `source:` in
data/countries.yml is fetched once; the report says, per finding, whether its quote is still on the
page, and per address its status, redirects and errors. Modules, one job each:

    sources.py    the addresses and quotes, read through the build's own data checks
    fetch.py      one address fetched with the standard library, every redirect hop recorded
    page_text.py  a page's readable text (no tags, scripts or styles)
    quotes.py     whether a quote is in that text, forgiving HTML, typography and ellipses
    run.py        every address fetched by a small thread pool, polite per host, within a time limit
    verdicts.py   what each result means: fine, worth a look, or a problem
    report.py     the Markdown report (an issue's body) and the JSON summary
    __main__.py   the command line
"""
