"""Comparing versions of a resolution.

- `diff.compare(base, new) -> Comparison`: paragraphs aligned by id (versions of one project) or by content
  (files), then words. `Comparison.view()` gives, per printed paragraph, (status, label, [(op, text), ...])
  with op "equal", "insert" or "delete": what a compare view shows. `Comparison.blocks` has the details
  (`BlockChange.status`, `.base`/`.new` render blocks, `.segments`, `.move` for moved paragraphs).
- `tracked.build_tracked_docx(base, new, *, author, date) -> bytes` and `write_tracked_docx(...)`: the Word
  file with tracked changes, in the L layout of the new version.
- `oral.oral_revisions(comparison)`, `oral_revisions_text(...)`, `oral_revisions_docx(...)`: what a delegate
  reads out to revise a draft orally.
"""
