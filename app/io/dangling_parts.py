"""Relationships of a Word package that name parts it does not have (lost in a copy, or pointing outside the
package): dropped before the package is opened, so the rest reads, and named in a finding."""

from __future__ import annotations

import io
import posixpath
import zipfile

from lxml import etree

from app.io.safe_xml import parse_xml, read_member


def drop_dangling(archive: zipfile.ZipFile, data: bytes, *, name: str = "") -> tuple[bytes, list[str]]:
    """(the package without relationships to missing internal parts, the parts they named). `data` comes back
    as it was when every relationship finds its part."""
    names = set(archive.namelist())
    changed: dict[str, bytes] = {}
    missing: list[str] = []
    for rels in sorted(n for n in names if n.endswith(".rels")):
        root = parse_xml(read_member(archive, rels, name=name), name=f"{name} ({rels})")
        source_dir = posixpath.dirname(posixpath.dirname(rels))  # word/_rels/document.xml.rels → word
        dropped = False
        for rel in list(root):
            if not isinstance(rel.tag, str) or rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target") or ""
            path = target.lstrip("/") if target.startswith("/") else posixpath.join(source_dir, target)
            path = posixpath.normpath(path)
            if path not in names:
                missing.append(path)
                root.remove(rel)
                dropped = True
        if dropped:
            changed[rels] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    if not changed:
        return data, []
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for member in archive.namelist():
            dst.writestr(member, changed.get(member) or read_member(archive, member, name=name))
    return out.getvalue(), list(dict.fromkeys(missing))
