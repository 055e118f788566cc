"""Negotiating a draft between the zero draft and the L document (issue 12).

- `proposals`: a delegation's `Proposal` (edits against a named version), derived from an edited copy, typed,
  applied; `tracked_reading`: proposals from a Word file with tracked changes, one per author;
  `table_proposals`: a proposal's edits of a table's cells and rows.
- `compilation`: the base text with every proposal where it applies and who made it; `compilation_docx` and
  `compilation_text` write it for Word and as plain text.
- `numbering`: negotiation labels that stay put (OP 7 bis) and the clean renumbering of the L document.
- `status`: paragraph status (open, agreed ad ref, deleted by agreement) with history; brackets and alternatives.
- `rounds`: the negotiation kept in the project file: proposals, decisions and informal revisions (Rev.N).
"""
