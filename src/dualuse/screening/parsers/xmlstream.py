"""Walk the records of a large XML list in constant memory (lxml iterparse, elements cleared).

Entity expansion, DTD loading and network access are off: a list file is untrusted input.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO

from lxml import etree

from dualuse.screening.parsers.base import Collector


def local(tag: object) -> str:
    """Strip the namespace: "{http://eu.europa.ec/fpi/fsd/export}nameAlias" -> "nameAlias"; comments -> ""."""
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def children(element: etree._Element, name: str) -> Iterator[etree._Element]:
    """Direct children called `name`, whatever their namespace."""
    for child in element:
        if local(child.tag) == name:
            yield child


def child_text(element: etree._Element, name: str) -> str:
    """Stripped text of the first direct child called `name`, or ""."""
    for child in children(element, name):
        return (child.text or "").strip()
    return ""


def attr(element: etree._Element, name: str) -> str:
    return (element.get(name) or "").strip()


def where(element: etree._Element, index: int) -> str:
    return f"line {element.sourceline}, <{local(element.tag)}> #{index}"


def iter_records(
    source: IO[bytes], record_tags: tuple[str, ...], root_tag: str, label: str, out: Collector
) -> Iterator[tuple[etree._Element, int]]:
    """Yield (element, index) for each complete record element; broken XML becomes an issue.

    Each record is cleared, with the siblings before it, once the caller has read it, so memory
    stays flat whatever the file size. A file that ends early is an issue at the line where it
    ends, naming the record that was left open.
    """
    context = etree.iterparse(
        source,
        events=("start", "end"),
        tag=tuple(f"{{*}}{tag}" for tag in record_tags),
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        remove_comments=True,
    )
    open_record: tuple[str, int | None] | None = None
    index = 0
    root_checked = False
    try:
        for event, element in context:
            if not root_checked:
                root_checked = True
                if not _root_ok(element.getroottree().getroot(), root_tag, label, out):
                    return
            if event == "start":
                open_record = (local(element.tag), element.sourceline)
                continue
            index += 1
            yield element, index
            open_record = None
            element.clear(keep_tail=False)
            parent = element.getparent()
            while parent is not None and element.getprevious() is not None:
                del parent[0]
    except etree.XMLSyntaxError as exc:
        inside = f" (inside <{open_record[0]}> from line {open_record[1]})" if open_record else ""
        message = "the file is empty" if exc.lineno == 0 else f"XML is broken{inside}: {exc.msg}"
        out.issue(f"line {max(exc.lineno, 1)}", message)
        return
    except (etree.LxmlError, OSError, ValueError) as exc:
        out.issue(f"record #{index + 1}", f"cannot read the file: {exc}")
        return
    if not root_checked:
        _root_ok(context.root, root_tag, label, out)


def _root_ok(root: etree._Element | None, root_tag: str, label: str, out: Collector) -> bool:
    name = local(root.tag) if root is not None else ""
    if name != root_tag:
        out.issue(
            f"line {root.sourceline if root is not None else 1}",
            f"root element <{name}> is not <{root_tag}>: not {label}",
        )
        return False
    return True
