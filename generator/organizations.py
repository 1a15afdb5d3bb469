"""Which reports one organization filed: a name reduced to what identifies it, and the state.

HHS lists each report under the name its filer typed, so one organization appears as 'Acme Clinic, Inc.',
'ACME CLINIC INC' and 'Acme Clinic Inc': letter case, punctuation, '&' and the legal form (Inc., LLC,
P.C.) are not part of who it is. The state is: two clinics of the same name in different states are two
organizations. Pure functions.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from generator.ids import slug

LEGAL_FORMS = frozenset(
    "inc incorporated llc lllp llp lp ltd limited corp corporation co company pc pllc pa plc dba".split()
)
"""Words of a name that say what kind of company it is, not which one."""
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True, order=True)
class OrganizationKey:
    name: str
    """The identifying words, lower case, space-separated."""
    state: str | None

    @property
    def slug(self) -> str:
        """Its page's id: the words and the state."""
        return slug(f"{self.name} {self.state or 'us'}")


def organization_key(name: str, state: str | None) -> OrganizationKey:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").casefold()
    text = text.replace("&", " and ").replace("'", "")
    text = re.sub(r"\b([a-z])\.(?=[a-z]\.)", r"\1", text)  # P.C. -> pc, L.L.C. -> llc
    text = text.replace(".", "")
    words = _WORD.findall(text)
    while words and words[-1] in LEGAL_FORMS:
        words.pop()
    if words[:1] == ["the"]:
        words = words[1:]
    return OrganizationKey(" ".join(words) or text.strip(), state)
