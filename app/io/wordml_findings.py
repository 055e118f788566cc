"""What the WordprocessingML walker (app.io.wordml.Walker) read in places Word puts no text, or left out
(pictures, ruby guides, embedded files), said as findings so that nothing is merged or dropped unseen."""

from __future__ import annotations

from app.findings import Finding, Severity
from app.io.wordml import MAX_NESTED_NOTES, Walker
from app.messages import say


def walker_findings(walker: Walker) -> list[Finding]:
    """What the walker read in places Word does not put text: said, so nothing is merged unseen."""
    out = []
    if walker.misplaced:
        names = ", ".join(f"{name} ({n})" for name, n in walker.misplaced.most_common(5))
        out.append(
            Finding(
                "import.misplaced",
                Severity.WARNING,
                say(
                    "text inside elements Word does not place there was read where it stands: {names}",
                    names=names,
                ),
            )
        )
    if walker.nested_notes:
        out.append(
            Finding(
                "import.footnotes",
                Severity.WARNING,
                say(
                    "{nested_notes} footnote(s) referenced from inside another footnote were read into it, in "
                    "parentheses",
                    nested_notes=walker.nested_notes,
                ),
            )
        )
    if walker.nested_notes_deeper:
        out.append(
            Finding(
                "import.footnotes",
                Severity.WARNING,
                say(
                    "{count} footnote(s) nested more than {depth} deep inside another footnote were read at its "
                    "end, in parentheses",
                    count=walker.nested_notes_deeper,
                    depth=MAX_NESTED_NOTES,
                ),
            )
        )
    if walker.images:
        out.append(
            Finding(
                "import.unplaced",
                Severity.INFO,
                say("{images} picture(s) in the text were left out", images=walker.images),
                field="annex",
            )
        )
    if walker.equations:
        out.append(
            Finding(
                "import.equations",
                Severity.WARNING,
                say(
                    "{equations} equation(s) were read as plain text: check their layout",
                    equations=walker.equations,
                ),
            )
        )
    if walker.ruby:
        guides = ", ".join(f"“{g[:20]}”" for g in walker.ruby[:5])
        out.append(
            Finding(
                "import.ruby",
                Severity.INFO,
                say(
                    "{count} ruby annotation(s) (pronunciation guides) were left out, their base text kept: "
                    "{guides}",
                    count=len(walker.ruby),
                    guides=guides,
                ),
            )
        )
    if walker.alt_chunks:
        out.append(
            Finding(
                "import.unplaced",
                Severity.WARNING,
                say(
                    "{alt_chunks} piece(s) of content embedded from another file (altChunk) cannot be read: "
                    "open the file in Word and save it to merge them",
                    alt_chunks=walker.alt_chunks,
                ),
                field="annex",
            )
        )
    return out
