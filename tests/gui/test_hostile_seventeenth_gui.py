"""The seventeenth hostile-input pass (docs/hardening-log.md, "Seventeenth pass"), in the editor: an amendment
added as a delegation's proposal, driven as a facilitator would (the negotiation started, Add proposal, the
file picked, the delegation named)."""

from __future__ import annotations

import copy
from pathlib import Path

from app.cli import run as main
from app.io.reading import read_document
from app.storage import save_project

FIXTURE = Path(__file__).parent.parent / "fixtures" / "akn" / "A_RES_79_250-2424689E.xml"


def test_an_amendment_added_as_a_proposal_is_refused_saying_why(
    window, prompter, qtbot, tmp_path: Path
) -> None:  # noqa: ANN001
    """The amendment compared as an edited copy deleted every paragraph of the draft in the delegation's name:
    the editor says it is an amendment and adds no proposal."""
    base = read_document(FIXTURE).resolution
    new = copy.deepcopy(base)
    new.operative[0].text = new.operative[0].text.replace("Decides", "Also decides", 1) + " and more"
    save_project(base, tmp_path / "draft.json")
    save_project(new, tmp_path / "proposed.json")
    amendment = tmp_path / "amendment.txt"
    assert (
        main(["amend", str(tmp_path / "draft.json"), str(tmp_path / "proposed.json"), "-o", str(amendment)])
        == 0
    )
    assert window.files.open_path(tmp_path / "draft.json")
    window.negotiation.show()
    window.negotiation.start()
    prompter.paths, prompter.texts = [amendment], ["EU"]
    window.negotiation.add_proposal()
    qtbot.waitUntil(lambda: bool(prompter.errors), timeout=20000)
    (title, message), *_ = prompter.errors
    assert title == "Cannot read the proposal"
    assert "EU is an amendment" in message
    assert not window.res.negotiation.proposals
    # sharp: the proposed draft itself is a proposal
    prompter.errors.clear()
    prompter.paths, prompter.texts = [tmp_path / "proposed.json"], ["EU"]
    window.negotiation.add_proposal()
    qtbot.waitUntil(lambda: bool(window.res.negotiation.proposals), timeout=20000)
    assert prompter.errors == []
