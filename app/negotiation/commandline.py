"""`resolute compile BASE PROPOSAL... -o OUT.docx|.txt`: a PROPOSAL is a Word file with tracked changes (one
proposal per author) or NAME=FILE, an edited copy of the base (.docx, .txt, .json) that NAME proposes."""

from __future__ import annotations

from pathlib import Path

from app.errors import InputError
from app.files import exists, read_file
from app.io.reading import read_document
from app.messages import say
from app.model import Resolution
from app.negotiation.outside import refuse_outside_only
from app.negotiation.proposals import Proposal, derive

_READ_LIMIT = 50 * 1024 * 1024


def parse_proposal(arg: str) -> tuple[str, Path]:
    """("EU", path) for "EU=path"; ("", path) for a tracked Word file. An existing file named with "=" is a file."""
    name, sep, rest = arg.partition("=")
    if sep and name.strip() and rest and not exists(Path(arg)):
        return name.strip(), Path(rest)
    return "", Path(arg)


def read_proposals(base: Resolution, args: list[str], base_version: str) -> list[Proposal]:
    from app.negotiation.tracked_reading import proposals_from_tracked

    out: list[Proposal] = []
    for arg in args:
        name, path = parse_proposal(arg)
        if name:
            proposed = read_document(path).resolution
            proposal = derive(base, proposed, name, base_version)
            refuse_outside_only(base, proposed, proposal)
            out.append(proposal)
            continue
        if path.suffix.lower() != ".docx":
            raise InputError(
                say(
                    "{name}: an edited copy needs the proposer's name: NAME={path}",
                    name=path.name,
                    path=str(path),
                )
            )
        data = read_file(path, _READ_LIMIT, too_large="{name} is too large to be a draft ({mb} MB)")
        if not data:
            raise InputError(say("{name} is empty or too large to be a draft", name=path.name))
        out += proposals_from_tracked(data, base, name=path.name, base_version=base_version)
    return out


def compile_files(base_path: Path, proposal_args: list[str], out: Path) -> None:
    from app.atomic import write_text
    from app.negotiation.commands import with_edits
    from app.negotiation.compilation import compile_text

    suffix = out.suffix.lower()
    if suffix not in (".docx", ".txt"):
        raise InputError(
            say("cannot write a compilation to '{kind}': use .docx or .txt", kind=suffix or out.name)
        )
    base = read_document(base_path).resolution
    version = base.header.full_symbol or base_path.stem
    proposals = with_edits(read_proposals(base, proposal_args, version))  # as the editor adds them
    comp = compile_text(base, proposals, base_version=version)
    if suffix == ".docx":
        from app.negotiation.compilation_docx import write_compilation_docx

        write_compilation_docx(comp, out)
    else:
        from app.negotiation.compilation_text import compilation_text

        write_text(out, compilation_text(comp))
