"""The references page as HTML (hooks/templates/references/): every source, and under it the
findings the site's sentences rest on, each with the places on the site that cite it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from markupsafe import Markup

from hooks.content.findings import BackLink, Finding, finding_title
from hooks.content.references import Reference, anchor_id, short_label
from hooks.render.templates import render


def render_finding(label: str, finding: Finding, cited_by: Sequence[BackLink]) -> str:
    """One finding: a heading (the anchor citations land on), the quote, where it is, its limits,
    and the places that cite it."""
    return render("references/finding.html", finding=finding, title=finding_title(label, finding), links=cited_by)


def render_reference_list(references: list[Reference], cited_by: Mapping[str, Sequence[BackLink]] | None = None) -> str:
    """The references page, sources in alphabetical order; `cited_by`: finding anchor -> links back."""
    back_links = cited_by or {}
    sources = []
    for reference in sorted(references, key=lambda ref: ref.citation.lower()):
        label = short_label(reference)
        findings = [
            Markup(render_finding(label, finding, back_links.get(finding.anchor, ()))) for finding in reference.findings
        ]
        sources.append((reference, label, anchor_id(reference.key), findings))
    return render("references/list.html", sources=sources)
