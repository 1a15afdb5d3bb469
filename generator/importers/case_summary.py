"""Facts from OCR's case summary of one report: how it happened, which data, what was done, OCR's outcome.

Rule-based and deterministic, precision before recall: a rule fires only on wording that states the
fact, and a fact in a negated clause ("did not include Social Security numbers", "no evidence of
ransomware") or about OCR's advice rather than the entity's deeds yields nothing. Every fact keeps the
rule that fired and where, so `python -m generator case-facts EXPORT` can show why a code was derived.
The summary itself is only read here: no sentence of it is returned, stored or written.

The shape of the summaries (NegEx-style context, measured in benchmarks/case_summaries.py):
"The covered entity (CE), X, reported that <what happened>. The PHI involved included <data>. The CE
notified HHS, affected individuals, the media <notice>. In response, the CE <actions>. OCR provided
technical assistance / obtained assurances <outcome>."
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from generator.model import CASE_SUMMARY_KINDS, tidy_name
from generator.vocab import vocabulary

VOCABULARY_OF_KIND = dict(CASE_SUMMARY_KINDS)
KINDS = tuple(VOCABULARY_OF_KIND)
"""The kinds of fact: vectors, data_types, actions, outcomes."""


@dataclass(frozen=True)
class Evidence:
    kind: str
    code: str
    rule: str
    start: int
    end: int
    """Character offsets in the summary: enough to show the matched words in a debug listing, never stored."""


@dataclass(frozen=True)
class CaseFacts:
    vectors: tuple[str, ...] = ()
    data_types: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    outcomes: tuple[str, ...] = ()
    business_associate: str | None = None
    evidence: tuple[Evidence, ...] = field(default=(), compare=False, repr=False)

    def as_block(self) -> dict[str, object]:
        """The facts as the incident file's hhs.case_summary holds them: empty kinds left out."""
        block: dict[str, object] = {kind: list(getattr(self, kind)) for kind in KINDS if getattr(self, kind)}
        if self.business_associate:
            block["business_associate"] = tidy_name(self.business_associate)  # hidden characters go too
        return block


# ---------------------------------------------------------------- sentences and their context

_ABBREVIATIONS = re.compile(r"\b(?:Inc|Co|Corp|Ltd|LLC|L\.L\.C|P\.C|P\.A|Dr|St|Mr|Mrs|Ms|No|U\.S|e\.g|i\.e|Jr|Sr|Mt|Assoc|Bros|dba|d/b/a|vs)\.$", re.I)
_NEGATION_BEFORE = re.compile(
    r"\b(?:no|not|never|neither|nor|without|none|nothing)\b|n['’]t\b|\bno evidence\b|\bruled out\b"
    r"|\bexclud(?:ed|ing)\b|\bother than\b|\bexcept\b|\brather than\b|\binstead of\b",
    re.I,
)
_NEGATION_AFTER = re.compile(
    r"^[^,;]{0,40}?\b(?:was|were|is|are|had|has|have)\s+not\b(?!\s+(?:(?:been\s+)?(?:properly|adequately|sufficiently)\s+)?(?:protected|secured|encrypted|concealed|masked|sealed|hidden|shredded|wiped|returned|recovered))|^[^,;]{0,40}?\bwere\s+never\b|^[^,;]{0,20}?\bnot\s+(?:involved|included|affected|compromised)",
    re.I,
)
_CLAUSE_BREAK = re.compile(r"[;:]|,\s*(?:but|however|although|though|yet|and\s+that)\b|\s(?:but|however|although|whereas)\s|\.\s", re.I)
_ABOUT_OCR = re.compile(r"^\s*(?:During\s+(?:the|its)\s+investigation,?\s+)?(?:OCR|HHS)\b|\bOCR\s+Director\b|\bOCR\s+(?:also\s+)?(?:has\s+|had\s+)?(?:provided|gave|offered|reminded|advised|recommended|sought|required|obtained|requested|determined|found|closed|opened|initiated|conducted|received|imposed|entered|reached|verified|confirmed|notified)\b|\btechnical assistance\b", re.I)


def sentences(text: str) -> Iterator[tuple[int, str]]:
    """(offset, sentence): split at a full stop, question or exclamation mark followed by a capital,
    a digit or a quote, except after an abbreviation such as Inc. or L.L.C."""
    start = 0
    for match in re.finditer(r"[.!?](?=\s+[\"“(]?[A-Z0-9])|\n\s*\n|\n(?=\s*[•\-\u2022\t])", text):
        candidate = text[start:match.end()]
        if match.group(0) == "." and _ABBREVIATIONS.search(candidate.rstrip()):
            continue
        yield start, candidate
        start = match.end()
    if text[start:].strip():
        yield start, text[start:]


def _clause_before(sentence: str, position: int) -> str:
    """The words of the sentence's clause before a match: a negation there covers the match."""
    head = sentence[:position]
    breaks = list(_CLAUSE_BREAK.finditer(head))
    return _PSEUDO_NEGATION.sub(" ", head[breaks[-1].end():] if breaks else head)


def _clause_after(sentence: str, position: int) -> str:
    tail = sentence[position:]
    found = _CLAUSE_BREAK.search(tail)
    return tail[:found.start()] if found else tail


_PSEUDO_NEGATION = re.compile(
    r"\bnot\s+(?:only|just|necessarily|limited\s+to|involved\s+in\s+(?:patient|the\s+care|direct))\b|\bno\s+longer\b|\bwhether\s+or\s+not\b"
    r"|\bwithout\s+(?:(?:\w+|the\s+\w+['’]s)\s+)?(?:permission|authori[sz]ation|consent|approval|(?:a\s+)?(?:business|legitimate|work-related|job-related)\s+(?:need|reason|purpose)|a\s+need\s+to\s+know)\b"
    r"|\b(?:who|whom)\s+(?:were|was|are|is|had|has|have)\s+(?:not|never)\s+(?:been\s+)?(?:affiliated|authori[sz]ed|employed|enrolled|involved|assigned|associated|eligible|entitled|listed|related|responsible|current|(?:the\s+)?intended|(?:a\s+|the\s+)?(?:part|members?|patients?|employees?|parties|party|recipients?|household))\b",
    re.I,
)
"""Words with a negation cue that negate nothing: "not only", "no longer", "without permission", which states
the very misconduct a rule looks for, and a relative clause's own negation ("individuals who were not affiliated
with their line of business ... due to a faulty update")."""


_WHO_NOT = re.compile(r",?\s*\b(?:who|whom)\s+(?:were|was|are|is|had|has|have|did)\s+(?:not|never)\b.*$", re.I)
"""A relative clause after the match, whose negation is its own: "accessed the records of patients who were not
under her care"."""


def negated(sentence: str, start: int, end: int, inside: bool = False) -> bool:
    """NegEx-style: a cue earlier in the match's clause, or 'were not (involved)' right after it; with
    `inside`, also a 'not' within the matched words ("servers were not hacked")."""
    if inside and re.search(r"\bnot\b|n['’]t\b|\bnever\b", sentence[start:end], re.I):
        return True
    return bool(_NEGATION_BEFORE.search(_clause_before(sentence, start)) or _NEGATION_AFTER.search(_WHO_NOT.sub(" ", _clause_after(sentence, end))))


def _hedged(sentence: str, start: int) -> bool:
    """A hypothetical or a plan: "in case", "if", "could lead to", "a plan to" before the match in its clause
    (but not "completed a plan to")."""
    clause = _clause_before(sentence, start)
    if re.search(r"\b(?:if|in case|could (?:lead|result)|in the event|to prevent|to avoid|risk of|potential for|intends\s+to)\b", clause, re.I):
        return True
    planned = re.search(r"\bplan(?:s|ned)?\s+to\s*$", clause, re.I) or (re.search(r"\bplan(?:s|ned)?\s*$", clause, re.I) and sentence[start:start + 3].lower() == "to ")
    return bool(planned) and not re.search(r"\b(?:complet|implement|carried\s+out|execut|accelerat)\w*", clause, re.I)


# ---------------------------------------------------------------- rules

@dataclass(frozen=True)
class Rule:
    name: str
    kind: str
    code: str
    pattern: re.Pattern[str]
    only_in: str
    """'incident' (sentences on what happened), 'data' (sentences that list information), 'deeds' (not
    about OCR's advice) or 'any'."""
    hedges_count: bool = False
    """Whether a hypothetical ("to prevent ransomware") cancels the match, as a negation does."""
    negation_applies: bool = True
    """False for wording whose fact is a negation ("without using blind copy", "not properly secured")."""
    trigger: tuple[str, ...] | None = None
    """Lower-case text one piece of which every match contains: a cheap test that skips most sentences."""


_SENTENCES_OF_KIND = {"vectors": "incident", "data_types": "data", "actions": "deeds", "outcomes": "any"}


def _rule(name: str, kind: str, code: str, pattern: str, hedges_count: bool | None = None, negation_applies: bool = True) -> Rule:
    """Hypotheticals cancel vectors and actions ("to prevent ransomware"), not data lists or outcomes."""
    hedges = kind in ("vectors", "actions") if hedges_count is None else hedges_count
    return Rule(name, kind, code, re.compile(pattern, re.I), _SENTENCES_OF_KIND[kind], hedges, negation_applies, TRIGGERS.get(name))


TRIGGERS: dict[str, tuple[str, ...]] = {
    "ransomware": ("ransom", "demanded", "requested", "encrypt"),
    "phishing": ("phish", "spoof", "impersonat", "falsely", "social", "business email", "business e-mail", "responded to", "clicked", "fraudulent", "appeared to", "purported", "pretended", "claimed to", "scam", "purporting", "appearing", "pretending", "claiming"),
    "malware": ("malware", "virus", "key", "trojan", "malicious", "spyware", "code installed", "infected"),
    "credentials": ("credential", "password", "log", "brute", "stuffing", "user", "key", "access code", "badge"),
    "vulnerability": ("exploit", "vulnerab", "zero", "unpatched", "cve-", "moveit", "accellion", "goanywhere"),
    "misconfiguration": ("configur", "public", "upload", "accessible", "index", "error", "glitch", "issue", "bug", "viewable", "available", "visible", "exposed", "searchable",
                         "change", "repository", "github", "able to", "posted", "setting", "technical error", "open shares", "flaw", "discrepan", "software", "allowed", "published", "vulnerable", "unsecured", "viewed online", "open", "programing", "site", "online", "system", "internal", "firewall", "set up", "faulty", "lacked", "inadvertently", "mistakenly", "erroneously", "technical", "malfunction",
                         "external", "port open", "ports open", "incomplete", "update", "upgrade", "modification", "able to", "could access", "could view", "could see", "program", "secure", "online"),
    "unsecured": ("non-secure", "nonsecure", "non secure", "unsecured", "not properly secured", "protection on the internet", "without"),
    "tracking": ("pixel", "tracking", "analytic"),
    "vendor": ("business associate", "ba", "vendor", "contractor", "third", "hosting", "staffing", "janitorial", "storage", "shredding", "cleaning"),
    "insider": ("snoop", "personal", "gain", "new ", "identity", "hacked", "illegal", "unauthori", "purpose", "husband", "wife", "spouse", "family", "friend", "relative",
                "attorney", "rogue", "day of", "to a former", "left the", "user account of", "last day", "still employed", "termination", "departure", "accessing", "viewing", "using", "committ", "continued to access", "professional", "competit", "reporter", "journalist", "newspaper", "arrested", "prosecution", "indictment", "upload", "prior to", "before", "fraud", "after", "took", "need to know", "acquired", "retained", "kept", "possession",
                "leaving", "permission", "removed", "residence", "home", "house", "apartment", "garage", "storage unit", "photo", "pictures", "screen", "passwords", "credentials", "log", "consent", "impermissib", "inappropriat", "improper", "intentional", "knowing", "deliberat",
                "wrongful", "without", "stole", "sold", "misappropriat", "misus", "beyond", "excess", "outside", "resigned", "terminated", "left",
                "solicit", "opened", "download", "copied", "new employer", "exfiltrat", "stored", "nefarious", "illicit", "commit", "purchases", "fraudulent",
                "scope", "private", "himself", "herself", "themsel", "former", "disgruntled", "charged", "indicted", "convicted", "not have"),
    "insider-recipient": ("student", "mentee", "acquaint", "competitor", "reporter", "friend", "relative", "family", "spouse", "husband", "wife", "boyfriend", "girlfriend", "being terminated", "being fired", "being dismissed"),
    "insider-shared": ("accessed", "impermissibly", "access", "stolen", "possession", "improperly", "inappropriately", "wrongfully", "former", "allowed", "pictures", "photos", "photographs", "screenshots", "screen shots"),
    "insider-deed": ("impermissib", "improper", "inappropriat", "wrongful", "removed", "took", "copied", "download", "photograph", "diverted", "exfiltrat", "stole", "attempted to upload", "continued to access"),
    "lost-device": ("lost", "missing", "misplaced", "mislaid", "loss", "not be", "cannot", "unaccounted"),
    "stolen-device": ("stole", "theft"),
    "taken-from": ("taken from", "removed from"),
    "missing-after-theft": ("theft", "burglar", "break-in", "robbery"),
    "stolen-with": ("stolen with", "removed", "took"),
    "paper-theft": ("stole", "theft", "taken", "removal", "removed"),
    "misdirected": ("wrong", "unknown", "label", "incorrect", "other recipient", "outside", "attached", "enclosed", "not intended", "printed", "listed", "listing", "reveal", "unintended", "unauthori", "mis", "mailing", "envelope", "contain", "belong", "includ", "visible", "seen",
                    "merge", "former", "old", "outdated", "previous", "intended", "print", "postcard", "wrong name", "mail address", "sent", "mailed", "faxed", "delivered", "forwarded",
                    "spreadsheet", "recipients", "window", "merged", "consolidated", "combined", "stuffed", "inserted", "in error", "receiv", "distributed", "displayed", "group e", "mass e", "addressed to", "per envelope", "another", "routed", "outside of", "processing error", "post card", "label", "envelope", "mass e", "group e", "allowed", "identit"),
    "blind-copy": ("blind", "bcc", "concealing", "masking", "hiding"),
    "disposal-road": ("spilled", "scattered", "fell o", "blew"),
    "disposal": ("abandoned", "auction", "distributed", "gave", "given", "resold", "returned", "dispos", "discard", "donated", "curb", "purchased", "bought", "landfill", "salvage", "thrift", "second", "surplus", "destroy", "dumpster", "trash", "garbage", "recycl", "waste", "thrown", "threw", "sold", "auctioned", "abandoned", "no longer occup", "parking", "former", "old ", "previous", "vacated", "prior"),
    "name": ("name",),
    "address": ("address",),
    "date-of-birth": ("birth", "dob"),
    "ssn": ("social security", "ssn"),
    "taxpayer-id": ("tax", "tin"),
    "drivers-license": ("licen",),
    "passport": ("passport",),
    "government-id": ("identification", " id", "alien"),
    "financial": ("financial", "bank", "account"),
    "payment-card": (" card",),
    "health-insurance": ("insur", "health plan"),
    "member-id": ("number", " id", "identifier", "hicn", "mbi"),
    "lab-results": ("lab", "test"),
    "medications": ("medication", "prescri", "drug", "pharmacy", "rx"),
    "radiology": ("ray", "radiolog", "mri", "ct ", "pet ", "cat ", "image", "film", "mammogra", "ultrasound"),
    "phone": ("phone", "contact number"),
    "email-address": ("mail address",),
    "online": ("ip address", "browsing", "activity", "usage", "interaction"),
    "claims": ("claim",),
    "demographic": ("demographic",),
    "mrn": ("medical record n", "medical record #", "mrn"),
    "credit-monitoring": ("credit", "identity"),
    "encryption": ("encrypt",),
    "retrained": ("train", "educat"),
    "sanctioned": ("sanction", "disciplin", "terminat", "fired", "dismissed", "suspended", "let go"),
    "policies": ("polic", "procedur"),
    "mfa": ("factor", "2fa", "mfa", "two-step"),
    "passwords": ("password", "credential"),
    "law-enforcement": ("police", "law enforcement", "fbi", "federal bureau", "sheriff", "secret service", "authorities"),
    "media": ("media", "press"),
    "website": ("substitute", "web", "home", "internet"),
    "call-center": ("call", "toll", "hotline", "phone"),
    "technical-assistance": ("technical assistance",),
    "assurances": ("assurance", "corrective", "ocr"),
    "resolution-agreement": ("resolution", "agree", "settle", "paid", "will pay"),
    "civil-money-penalty": ("civil money", "cmp", "penalty"),
}
"""Per rule, lower-case text one piece of which every match of it contains: a rule is tried only on the
sentences that hold one (benchmarks/case_summaries.py checks that this changes no fact)."""


_SHEETS = r"(?:paper\w*|charts|documents|binders?|films|x-rays?|notes|lists|forms|census\s+\w+|schedules|prescriptions|face\s?sheets?|super-?bills|receipts|prescription\s+pads|pages|journals?|notebooks?|ledgers?|(?:charge|census)\s+tickets|(?:paper|medical|patient|case)\s+(?:records|files|charts))"
_DEVICE = r"(?:laptops?|computers?|desktops?|(?:cell(?:ular)?\s|smart\s?|mobile\s)?(?:tele)?phones?|iphones?|ipads?|tablets?|devices?|usb|flash\s+drives?|thumb\s+drives?|jump\s+drives?|hard\s+drives?|external\s+drives?|cds?|dvds?|dis[ck]s?|tapes?|servers?|workstations?|storage\s+(?:media|devices?|drives?)|media|memory\s+sticks?|pagers?|cameras?|(?:\w+\s+)?machines?|(?:computer\s+|medical\s+)?equipment|ultrasound\s+units?)"
_PAPER = r"(?:paper|papers|records|files|charts|documents|folders?|binders?|films|x-rays?|logs?|notes|lists?|forms|paperwork|census|schedules?|prescriptions|documents?|face\s?sheets?|bags?|briefcases?|backpacks?|purses?|box(?:es)?|(?:outgoing\s+)?mail|super-?bills|receipts|paperwork|prescription\s+pads|pages|journals?|notebooks?|ledgers?|(?:charge|census)\s+tickets|case\s+files)"
_WORKFORCE = r"(?:affiliated?\s+providers?|employees?|faculty(?:\s+members?)?|workforce\s+members?|staff(?:\s+members?)?|physicians?|doctors?|nurses?|technicians?|pharmacists?|volunteers?|residents?|students?|therapists?|clerks?|assistants?(?!\s+(?:U\.\s?S\.|United\s+States|district|state)\s+attorney)|representatives?|workers?|contractors?|dentists?|coders?|schedulers?|receptionists?|billers?|hygienists?|individuals?\s+employed)"
_ACTOR = rf"(?:{_WORKFORCE}|employees\(s\)|interns?|trainees?|aides?|caregivers?|counselors?|practitioners?|surgeons?|psychologists?|providers?|(?-i:secretar(?:y|ies))|board\s+members?|member\s+of\s+its\s+board|managers?|agents?)"
"""Whoever a workforce member's deed can be told of: the workforce, and its providers, managers, agents and board."""
_NO_OTHER_AGENT = r"(?:(?!(?<!\bto\sa\s)(?<!\bto\san\sunauthorized\s)\b(?:third[- ]part(?:y|ies)|hackers?|attackers?|burglars?|thie(?:f|ves)|intruders?|criminals?|perpetrators?|unknown|unauthorized\s+(?:individuals?|persons?|part(?:y|ies)|users?))\b)[^;])"
"""A window between a workforce member and a deed that no outsider's deed interrupts ("an employee responded to
a phishing email, and the attacker used ..." is not the employee's)."""

RULES: tuple[Rule, ...] = (
    # How it happened.
    _rule("ransomware", "vectors", "ransomware", r"\bransom\s?ware\b|\bransom\s+attacks?\b|\bransom\s+(?:demand|note|payment)s?\b|\b(?:demanded|requested)\s+(?:a\s+)?(?:ransom|payment|money)\b|\bpaid\s+(?:the\s+|a\s+)?ransom\b|\bransom\s+(?:was|is|be|were|had\s+been)\s+paid\b|\buntil\s+a\s+ransom\b|\bmalicious\s+encryption\b|\b(?:(?:unauthorized|unknown|malicious|outside)\s+(?:third[- ]part(?:y|ies)|part(?:y|ies)|actors?|individuals?|users?|persons?)|hackers?|attackers?|threat\s+actors?|cyber-?\s?criminals?|intruders?)\b[^;.]{0,60}?\b(?:infiltrated|hacked|breached|attacked|gained\s+access\s+to)\b[^;.]{0,80}?\band\s+encrypted\s+(?:some\s+of\s+|all\s+of\s+|part\s+of\s+)?(?:its|the|their)\s+(?:\w+\s+)?(?:data|files|systems?|servers?|network)\b"),
    _rule("phishing", "vectors", "phishing", r"\bphish(?:ing|ed)?\b|\b(?:responded\s+to|clicked\s+(?:on\s+)?(?:a\s+)?(?:malicious\s+)?link\s+in)\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}?e-?mails?\b|\bspoof(?:ed|ing)\s+e-?mails?\b|\bsocial[- ]engineering\b|\bfraudulent\s+e-?mails?\b|\bbusiness\s+e-?mail\s+compromise\b|\b(?:impersonat(?:ed|ing)\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,3}?(?:providers?|physicians?|doctors?|employees?|executives?|members?|patients?|vendors?|officials?|representatives?|staff|offices?|practices?)|falsely\s+(?:established|represented|identified|presented)\s+themselves\b[^;]{0,60}?)\s+and\s+(?:gained|obtained|accessed)\b|\bopened\s+an?\s+(?:[\w-]+\s+){0,2}?e-?mail\b[^;]{0,60}?\b(?:appeared|purported|pretended)\s+to\s+(?:be|come)\b|\be-?mails?\s+(?:(?:that|which)\s+(?:purported|appeared|pretended|claimed)|purporting|appearing|pretending|claiming)\s+to\s+(?:be|come)\s+from\b(?![^;.]{0,60}?\b(?:containing|contained|with)\s+(?:another|other)\b)|\be-?mail\s+scams?\b"),
    _rule("malware", "vectors", "malware", r"\bmalware\b|(?<!anti-)(?<!anti)\b(?:computer\s+)?virus(?:es)?\b|\bkey\s?loggers?\b|\btrojan\b|\bmalicious\s+(?:software|code|program|script|file)s?\b|\bspyware\b|\bcode\s+installed\b|\b(?:devices?|computers?|workstations?|servers?)\b[^;]{0,40}?\b(?:were|was)\s+infected\b"),
    _rule("credentials", "vectors", "stolen_credentials",
          r"\b(?:credentials?|passwords?(?![- ]protect)|log-?in\s+(?:information|credentials)|user\s?names?\s+and\s+passwords?)\b[^;]{0,60}?\b(?:compromised|stolen|obtained|guessed|harvested|shared|misused|used\s+by\s+an?\s+unauthorized|(?:was|were|been)\s+(?:wrongfully,?\s+)?(?:acquired|captured))\b|\bcredential[- ](?:stealing|harvesting)\b"
          r"|\b(?:compromised|stolen|shared|weak)\s+(?:(?:system|network|login|user|account|e-?mail)\s+)?(?:credentials|passwords?)\b|\bweak\s+and\s+predictable\s+(?:user\s+ID\s+and\s+)?passwords?\b|\bbrute[- ]force\b|\bcredential\s+stuffing\b|\b(?:obtain(?:ed)?|stole|steal|harvest(?:ed)?|acquired?)\s+(?:[\w'’-]+\s+){0,3}?(?:credentials|passwords?(?![- ]protect)|log-?in\s+(?:information|details))\b"
          rf"|\b(?:using|used)\s+(?:an?other\s+|other\s+)?(?:[\w-]+['’]s?\s+)(?:\w+\s+)?(?:passwords|credentials|log-?in\s+(?:information|credentials))\b(?<!their\spasswords)(?<!their\scredentials)(?![^;.]{{0,40}}?\b(?:employment|a\s+job|hired|licen[cs]e)\b)"
          rf"|\b(?:user\s+accounts?|credentials|passwords?|log-?ins?|key\s?cards?|access\s+(?:codes?|badges?))\s+of\s+(?:an?\s+|the\s+)?former\s+(?:\w+\s+)?{_WORKFORCE}|\bformer\s+{_WORKFORCE}\b[^;]{{0,40}}?\bused\s+(?:their|his|her)\s+(?:own\s+)?(?:user\s?names?\s+and\s+)?(?:passwords?|credentials|log-?ins?)\b"
          r"|\bshared\s+(?:his|her|their)\s+(?:\w+\s+){0,2}(?:credentials|passwords?|log-?ins?)\b|\b(?:using|used)\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:log-?in\s+)?credentials\s+of\b"
          r"|\b(?:credentials|passwords?)\s+(?:\w+\s+){0,3}?(?:posted|offered|listed)\s+for\s+sale\b|\b(?:provided|gave)\s+(?:an?\s+)?unauthorized\s+(?:[\w-]+\s+){0,2}?with\s+(?:[\w'’-]+\s+){0,3}?(?:credentials|passwords?)\b|\bused\s+(?:the\s+)?(?:written|stored|saved|default)\s+(?:log-?in\s+)?(?:credentials|passwords?)\b"),
    # A remedy that names the flaw the attack used ("patched the vulnerability that was exploited"): a vector
    # is read from a sentence on what was done afterwards only when it says so of this breach.
    Rule("vulnerability-remedied", "vectors", "software_vulnerability", re.compile(
        r"\bvulnerabilit(?:y|ies)\b[^;.]{0,40}?\b(?:that|which)\s+(?:(?:were|was|had\s+been)\s+exploited|allowed\s+the\s+(?:breach|incident|attack|intrusion|hack)|(?:was|were)\s+targeted)\b"
        r"|\bpatch\w*\b[^;.]{0,60}?\bmitigated\s+the\s+vulnerabilit(?:y|ies)\b(?!\s+(?:identified|found|noted))", re.I), "any", True, True, ("vulnerab",)),
    _rule("vulnerability", "vectors", "software_vulnerability",
          r"\bexploit(?:ed|ing|s)?\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,5}?(?:vulnerabilit(?:y|ies)|flaw|weakness|bug)\b|\bvulnerabilit(?:y|ies)\s+(?:in|of|within)\s+[^;]{0,60}?\b(?:was|were)\s+exploited\b"
          r"|\bzero[- ]day\b|\bunpatched\b|\bCVE-\d{4}-\d+\b|\bMOVEit\b|\bAccellion\b|\bGoAnywhere\b"
          r"|\b(?:software|security)\s+vulnerabilit(?:y|ies)\b|\b(?:due\s+to|due|through|via|because\s+of|exploiting)\s+an?\s+vulnerabilit(?:y|ies)\b|\bvulnerabilit(?:y|ies)\s+(?:in|on|within)\s+(?:an?|the|its)\s+(?:[\w’'()-]+\s+){0,4}?(?:website|web\s?site|software|system|application|server|portal|platform|storage\s+system)s?\b"),
    _rule("misconfiguration", "vectors", "misconfiguration",
          r"\bmis-?configur\w*|\b(?:improperly|incorrectly|inadvertently)\s+configured\b|\bconfiguration\s+(?:error|issue|change|setting)s?\b|\btechnical\s+error\b|\bopen\s+shares\b"
          r"|\b(?:error|glitch|bug|flaw|discrepancy)\s+(?:in|on|with)\s+(?:its|the|a|an|the\s+CE['’]s|the\s+BA['’]s)\s+(?:[\w-]+\s+){0,3}?(?:website|web\s?site|portal|software|application|app|system|database|program|code|platform)\b"
          r"|\b(?:website|web\s?site|portal|software|application)\s+(?:\w+\s+){0,2}?(?:error|glitch|discrepancy)\b|\bsoftware\b[^;]{0,60}?\b(?:contained\s+an\s+error|impermissibly\s+disclosed)\b"
          r"|\bviewable\s+(?:by|to)\s+(?:others|other\s+(?:users|members|patients|customers))\b|\ballowed\s+(?:some\s+)?(?:users|members|patients|customers|individuals)\s+to\s+(?:view|see|access)\b"
          r"|\bpublished\b[^;]{0,80}?\bon\s+the\s+(?:public\s+)?internet\b|\bleft\s+(?:\w+\s+){0,3}?vulnerable\s+to\s+access\b|\bleft\b[^;]{0,120}?\bunsecured\s+(?:via|on|over)\s+the\s+internet\b|\bopen\s+(?:RDP\s+)?ports?\b"
          r"|\bexpos(?:ed|ing)\b[^;]{0,120}?\b(?:via|on|through)\s+(?:its|their|a|the)\s+(?:public\s+)?(?:website|web\s?site|portal)\b|\bcould\s+be\s+viewed\s+online\b|\bviewable\s+(?:online|on\s+(?:several\s+|the\s+|its\s+|a\s+)?(?:\w+\s+)?websites?)\b"
          r"|\bprogram+ing\s+error\b|(?<!notice\s)(?<!notices\s)(?<!notification\s)\b(?:was|were)\s+(?:\w+\s+)?posted\s+(?:on|to)\s+(?:its|their|the|a|an)\s+(?:[\w-]+\s+){0,2}?(?:websites?|web\s?sites?|internet)\b|\bposted\s+(?:\w+\s+){0,3}?(?:code|files?|records?|director(?:y|ies)|data|information|PHI|documents?)\b[^;]{0,60}?\bon\s+an?\s+(?:[\w-]+\s+){0,2}?(?:online|internet|public)\s+(?:forum|message\s+board|repository)\b|\baccessible\s+on\s+(?:an?|the)\s+(?:[\w()]+\s+){0,5}?(?:internet|web)\s+site\b|\ballowed\s+(?:an?other|other)\s+(?:\w+\s+){0,2}?to\s+(?:inadvertently\s+)?(?:download|view|access)\b|\bposted\s+(?:the\s+)?(?:e?PHI|protected\s+health|electronic\s+protected|records|information|data|files?|documents?)\b(?!\s+(?:about|regarding|on\s+the\s+(?:breach|incident)))[^;]{0,120}?\b(?:on|to)\s+(?:a|the|its|their)\s+(?:public\s+)?(?:website|web\s?site|portal|internet)\b"
          r"|\bpublicly\s+(?:accessible|available|viewable|exposed|visible)\b|\baccessible\s+(?:to\s+(?:the\s+public|anyone)|(?:via|on|through|from)\s+the\s+internet)\b"
          r"|\bindexed\s+by\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:internet\s+)?search\s+engines?\b|\b(?:coding|programming|software)\s+(?:error|glitch|issue|bug|changes?)\b|\bsoftware\s+bug\b|\bpublic\s+(?:online\s+)?repository\b|\bGitHub\b"
          r"|\b(?:posted|uploaded)\b[^;]{0,100}?\b(?:to|on)\s+the\s+(?:public\s+)?internet\b|\b(?:viewable|accessible|visible|available)\s+(?:by|to)\s+the\s+(?:general\s+)?public\b|\b(?:viewable|accessible|visible|available)\s+(?:on|via|through)\s+(?:its|their|a|the)\s+(?:[\w-]+\s+){0,4}?(?:website|web\s?site|portal)\b"
          r"|\baccessible\s+via\b[^;]{0,40}?\bon\s+the\s+internet\b|\baccessible\s+to\s+(?:persons|people|anyone|individuals|users)\s+outside\b|\bable\s+to\s+(?:access|view|see)\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:accounts?|records?|information|data)\s+of\s+other\b|\bable\s+to\s+(?:access|view|see)\s+(?:the\s+)?other\s+(?:\w+['’]?\s+){0,2}?(?:accounts?|records?|information|data|PHI|protected\s+health\s+information)\b"
          r"|\b(?:viewable|accessible|available|visible|exposed|searchable)\s+(?:over|on|via|through|to|from)\s+the\s+(?:public\s+)?internet\b|\b(?:viewable|accessible|visible|exposed)\s+online\b"
          r"|\b(?:internal|system|systems)\s+(?:error|glitch|malfunction)s?\b|\bunsecured\s+and\s+(?:publicly\s+)?accessible\b|\bleft\s+(?:its|the|their|a|an)\s+(?:[\w-]+\s+){0,3}?(?:systems?|servers?|databases?|storage|websites?|portals?|buckets?|folders?|directory|directories|drives?)\s+unsecured\b"
          r"|\baccessible\s+to\s+(?:internet|online|outside)\s+users\b|\bfirewall\b[^;]{0,60}?\b(?:set|configured)\s+to\s+allow\b"
          r"|\b(?:uploaded|posted|placed|saved|stored|accessible|available|exposed)\b[^;]{0,60}?\bpublic[- ]facing\s+(?:\w+\s+)?(?:website|web\s?site|server|portal|site|directory|folder)\b|\bavailable\s+for\s+public\s+(?:access|view(?:ing)?)\b|\bpublically\s+(?:accessible|available|viewable|exposed|visible)\b"
          r"|\b(?:improperly|incorrectly)\s+set\s+up\b|\bset\s+up\s+(?:improperly|incorrectly)\b|\bfaulty\s+(?:software\s+)?(?:update|upgrade|code|programming|setting)s?\b"
          r"|\b(?:cloud|storage|server|database|bucket|portal|website)\s+(?:[\w-]+\s+){0,2}?lacked\s+(?:the\s+)?(?:appropriate|adequate|proper|sufficient)\s+(?:security|access|password)\b"
          r"|(?<!who\swas\s)(?<!who\swere\s)\b(?:inadvertently|mistakenly|erroneously)\s+(?:given|granted|assigned)\s+(?:\w+\s+){0,2}?access\b|\b(?:inadvertently|mistakenly|erroneously)\s+(?:removed|disabled|turned\s+off)\s+(?:the\s+)?(?:\w+\s+)?(?:authentication|password\s+protection|security\s+settings?|access\s+controls?)\b"
          r"|\bleaving\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,3}?(?:electronic\s+forms?|online\s+forms?|director(?:y|ies)|databases?|servers?|websites?|portals?)\b[^;]{0,60}?\bunsecured\b"
          r"|\b(?:computer|data|software)\s+(?:error|glitch|malfunction)s?\b|\btechnical\s+(?:issue|glitch|malfunction|problem)s?\b|\bconfiguration\s+of\s+(?:its|the|their|a)\s+(?:[\w-]+\s+){0,2}?(?:website|web\s?site|server|portal|system|firewall|database|application)\b[^;.]{0,40}?\b(?:made|allowed|permitted|exposed|caused|left)\b"
          r"|\bmade\s+(?:publicly\s+)?(?:public|available\s+to\s+the\s+public|publicly\s+(?:available|accessible))\s+(?:on|via|through)\b|\bpublished\b[^;]{0,80}?\b(?:via|over|to)\s+the\s+(?:public\s+)?internet\b"
          r"|\b(?:placed|posted|stored|saved|uploaded)\b[^;]{0,80}?\bon\s+(?:a|an|the|its)\s+(?:(?:publicly\s+accessible|public|unsecured)\s+(?:[\w-]+\s+)?(?:servers?|websites?|web\s?sites?|sites?|drives?|folders?|FTP)|external\s+(?:websites?|web\s?sites?|sites?))\b"
          r"|\bports?\s+open\b|\ballowed\s+(?:Google|(?:\w+\s+)?search\s+engines?)\s+to\s+index\b|\badjusted\s+(?:the\s+|its\s+|a\s+)?(?:[\w'’]+\s+)?firewall\s+in\s+a\s+manner\b"
          r"|\b(?:incorrectly|improperly|inadvertently|mistakenly)\s+changed\s+(?:an?\s+|the\s+)?(?:\w+\s+){0,2}?settings?\b|\bsetting\s+(?:within|in|on)\s+the\s+(?:\w+\s+)?(?:software|system|printer|application)\b[^;.]{0,60}?\b(?:caus|result|allow|expos|permit|configur)\w*|\bincomplete\s+installation\b"
          r"|\b(?:update|upgrade|change|modification)s?\s+(?:to|of|in)\s+(?:its|the|a|their)\s+(?:[\w-]+\s+){0,3}?(?:software|system|application|app|website|web\s?site|portal|platform|program)\b[^;.]{0,60}?\b(?:enabled|allowed|permitted|exposed)\b"
          r"|(?<!unauthorized\s)(?<!unknown\s)\b(?:patients|users|members|customers|individuals|visitors|clients)\s+(?:were|was|could)\s+(?:able\s+to\s+)?(?:access|view|see)\s+(?:the\s+)?(?:e?PHI|protected\s+health\s+information|(?:\w+\s+)?records|information|data)\s+(?:\(\w+\)\s+)?of\b"
          r"|\b(?:uploaded|placed|posted)\b[^;.]{0,120}?\b(?:on|onto|to)\s+(?:a|an|the|its|their)\s+(?:public|publicly\s+accessible|public[- ]facing|unsecured?|open)\s+(?:[\w-]+\s+)?(?:websites?|web\s?sites?|web\s?pages?|servers?|portals?|sites?|drives?|folders?|FTP)\b"
          r"|\buploaded\b[^;.]{0,120}?\b(?:on|onto|to)\s+(?:a|an|the|its|their|the\s+CE['’]s|the\s+BA['’]s)\s+(?!personal|secure|file-sharing|competitor)(?:[\w-]+\s+)?(?:websites?|web\s?sites?|web\s?pages?)\b"
          r"|\bfail\w*\s+to\s+(?:properly\s+)?secure\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:ports?|servers?|databases?|websites?|FTP|cloud|buckets?|folders?)\b|\b(?:was|were)\s+(?:\w+\s+)?posted\s+online\b"
          r"|\bopen\s+(?:(?:firewall|network|computer|remote|server|RDP|desktop)\s+){1,2}ports?\b|\b(?:computer\s+)?program(?:ming)?\s+(?:logic\s+)?error\b|\bprogrammer['’]s\s+error\b|\b(?:accident\w*|incorrectly|improperly|mistakenly|erroneously|inadvertently)\s+programmed\b(?![^;.]{0,40}?\b(?:fax|phone|telephone)\s+(?:numbers?|speed)|\s+(?:the\s+|an?\s+)?(?:wrong|incorrect)\s+(?:fax|number|address))"),
    _rule("unsecured", "vectors", "misconfiguration", r"\bstored\b[^;]{0,60}?\b(?:cloud|server|online|internet)\b[^;]{0,40}?\bwithout\s+(?:adequate\s+|proper\s+|sufficient\s+|any\s+)?(?:security|protection|password)\b|\b(?:unsecured|non-?secured?)\s+(?:web\s+|cloud\s+)?(?:portal|server|database|website|web\s?site|bucket|folder|directory|network\s+drive|storage|(?:file\s+transfer\s+protocol\s+)?(?:\(FTP\)\s+)?(?:FTP\s+)?site)\b|\bnot\s+properly\s+secured\b|\bwithout\s+(?:password\s+)?protection\s+on\s+the\s+internet\b", negation_applies=False),
    _rule("tracking", "vectors", "tracking_technology", r"\bpixels?\b|\banalytics?\s+tools?\b|\btracking\s+(?:technolog(?:y|ies)|codes?|tools?|software)\b|\bgoogle\s+analytics\b|\bmeta\s+pixel\b"),
    _rule("vendor", "vectors", "third_party_vendor",
          r"(?<!incident\sresponse\s)(?<!forensic\s)(?<!security\s)\b(?:business\s+associated?|(?<!\()(?-i:BAs?)|vendor|sub-?contractor|(?:e-?mail\s+)?hosting\s+(?:service\s+)?provider|contractors?\s+of\s+the\s+(?:covered\s+entity|CE)|third[- ]party\s+(?:(?!incident\b|response\b|forensic|security\b|cyber)[\w-]+\s+){0,2}?(?:vendor|service\s+provider|contractor|company|hosting|agency)|third[- ]party\s+partner|(?:technology|temporary)\s+contractor|staffing\s+agenc(?:y|ie)|(?<=by\s)(?:its\s+|the\s+|an?\s+)?(?:office\s+)?cleaning\s+(?:service|crew|company)|janitorial\s+(?:service|company|crew)|storage\s+(?:company|vendor)|self-storage\s+facilit(?:y|ie)|shredding\s+(?:company|vendor|service))s?\b(?!['’]?\s*(?:\((?-i:BA)\)\s*)?(?:agreements?|contracts?|relationships?))"),
    _rule("insider", "vectors", "insider",
          rf"\b{_ACTOR}\b(?![’'])[^;]{{0,60}}?\be-?mailed\s+(?:[\w(),.-]+\s+){{0,6}}?to\s+(?:himself|herself|themselves|themself)\b|"
          rf"\b(?:former|terminated|disgruntled)\s+(?:\w+\s+)?{_ACTOR}\s+(?:possessed|had\s+possession|changed|deleted|disabled|locked|altered)\b|"
          rf"\b{_ACTOR}\b(?![’']){_NO_OTHER_AGENT}{{0,60}}?\b(?:arrested|charged|indicted|convicted)\b[^;]{{0,40}}?\b(?:with|for)\s+(?:taking|stealing|accessing|selling|misusing|using|possessing|disclosing)\b|"
          rf"\b{_ACTOR}\b(?![’']){_NO_OTHER_AGENT}{{0,60}}?\bwithout\s+(?:\w+\s+)?authori[sz]ation\b,?\s+(?:had\s+|has\s+)?(?:\w+\s+)?(?:accessed|took|taken|removed|copied|used|disclosed|viewed|obtained)\b|"
          rf"\bto\s+(?:an?|his|her|their)\s+(?:home|personal|private)\s+e-?mail\s+(?:address|account)\b[^;]{{0,40}}?\bby\s+(?:an?\s+|the\s+)?(?:\w+\s+)?{_ACTOR}\b|"
          rf"\b{_ACTOR}\b[^;]{{0,40}}?\bdid\s+not\s+have\s+an?\s+(?:[\w-]+\s+){{0,2}}?(?:business|job|work|legitimate)[\w\s-]{{0,20}}?(?:purpose|need|reason)\b|"
          rf"\b{_ACTOR}\b(?![’']){_NO_OTHER_AGENT}{{0,160}}?(?:(?<!arrested\s)(?<!convicted\s)(?<!charged\s)(?<!indicted\s)\bfor\s+(?:the\s+purposes?\s+of\s+)?(?:identity\s+theft(?!\s+(?:protection|monitoring|services|insurance|restoration))|(?:tax\s+)?fraud|nefarious|illicit)\b|\bfor\s+the\s+purposes?\s+of\s+(?:\w+\s+)?(?:fraud\w*|identity\s+theft)\b|\bto\s+solicit\b|\b(?:in\s+order\s+)?to\s+(?:commit|make|produce|file|open|process|submit|prepare)\s+(?:\w+\s+){{0,2}}?(?:identity\s+theft|fraud\w*|personal\s+purchases|fraudulent)\b|\bfor\s+the\s+purposes?\s+of\s+(?:\w+\s+){{0,2}}?soliciting\b)|"
          rf"\b(?:prior\s+to|before|upon|when)\s+(?:leaving|departing|resigning|(?:his|her|their)\s+(?:departure|resignation|termination))\b,?[^;.]{{0,20}}?\b(?:copied|took|downloaded|removed|printed|e-?mailed|forwarded)\b|"
          rf"\b{_ACTOR}\b[^;]{{0,40}}?\b(?:stored?|kept|saved|placed|posted|uploaded)\b[^;]{{0,60}}?\bon\s+(?:a|his|her|their)\s+personal\s+(?:website|web\s?site|account|e-?mail\s+account|cloud)"
          rf"|\b{_WORKFORCE}\b[^;]{{0,160}}?\b(?:impermissibly|inappropriately|improperly|intentionally|knowingly|deliberately|wrongfully|without\s+(?:authorization|a\s+(?:business|work-related|legitimate)\s+(?:need|purpose|reason)|permission))\s+(?:access\b(?=\s+(?:the|a|an|his|her|their|\d|patients?|records|PHI|e-?PHI|medical|information))|(?:\w+\s+){{0,3}}?(?:accessed|viewed|used|took|obtained|removed|stole|printed|downloaded|copied|transferred|stored|retained|kept|exfiltrated|uploaded|sold|opened|disclosed\s+\w+\s+to\s+(?:a|an|his|her|their)\s+(?:family|friend|relative|personal|new\s+employer)))"
          rf"|\bsnoop\w*|\b{_WORKFORCE}\s+(?:\w+\s+){{0,3}}?(?:stole|sold|misappropriated)\b|\bfor\s+(?:personal|financial)\s+gain\b|\b(?:to|for|at|of|join)\s+(?:a|his|her|their)\s+new\s+(?:[\w-]+\s+){{0,2}}?(?:employer|practice|job)\b|\b{_WORKFORCE}\b[^;]{{0,160}}?\b(?:accessed|obtained|took|copied)\b[^;]{{0,80}}?\band\s+sold\s+(?:the|this|that|it|them|their)\b|\bformer\s+(?:\w+\s+){{0,2}}?{_WORKFORCE}\b[^;]{{0,40}}?\b(?:retained|kept)\b|\b{_WORKFORCE}\b[^;]{{0,120}}?\bfor\s+(?:\w+\s+)?(?:solicitation|soliciting)\b|\b{_WORKFORCE}\b[^;]{{0,60}}?\bopened\s+(?:an?\s+)?(?:\w+\s+)?(?:credit|bank|loan|store)\s+(?:card\s+)?accounts?\b|\b{_WORKFORCE}\b[^;]{{0,40}}?\b(?:downloaded|copied)\s+(?:the\s+)?(?:\w+\s+){{0,2}}?(?:PHI|ePHI|protected\s+health\s+information|records|data|files|information)\b[^;]{{0,100}}?\b(?:provided|gave|sold)\b[^;]{{0,40}}?\bto\s+an?\s+(?:third\s+party|unauthorized)\b"
          rf"|\b{_WORKFORCE}\b(?!['’])[^;]{{0,100}}?\b(?:stole|sold|misappropriated|misus(?:ed|ing))\b"
          rf"|\bformer\s+(?:[\w-]+\s+){{0,2}}?{_WORKFORCE}\b(?:\s+(?:of|at|with|from)\s+[^,;]{{1,60}}?)?,?\s+(?:\w+\s+)?(?:took|removed|retained\s+possession|kept)\b|\b{_WORKFORCE}\b[^;]{{0,40}}?\b(?:took\s+(?:\w+\s+)?(?:pictures|photos|photographs|screenshots|screen\s+shots)|photographed)\b"
          rf"|\b{_WORKFORCE}\b[^;]{{0,60}}?\bremoved\s+(?:\w+\s+){{0,2}}?(?:patient\s+|medical\s+)?(?:files|records|charts|documents)\s+from\b|\bformer\s+{_WORKFORCE}['’]s\s+(?:home|residence|house|apartment|garage|storage\s+unit)\b|\b(?:manager|{_WORKFORCE})\b[^;]{{0,60}}?\b(?:was|were)\s+using\s+(?:an?other\s+|other\s+)?(?:\w+\s+)?\w+['’]s?\s+(?:passwords|credentials|log-?ins)\b"
          rf"|\b{_ACTOR}\b[^;]{{0,120}}?\b(?:accessed|accessing|viewed|printed|printing|took|removed|copied|(?:e-?)?mailed|sent|sending|used|forward|forwarded|forwarding|provided|acquired|disclosed|submitted|shared)\b[^;]{{0,160}}?(?:\bbeyond\s+the\s+scope\b|\bin\s+excess\s+of\b|\bwithout\s+(?:a\s+)?(?:business|legitimate|work-related|job-related)\s+(?:need|reason|purpose)\b|\bwithout\s+(?:(?:the\s+)?patients?['’]?\s+)?authori[sz]ation\b|\b(?:personal|home|private)\b[^;]{{0,30}}?\be-?mail\b|\bwithout\s+a\s+need\s+to\s+know\b|\bfor\s+(?:illegal|personal|unauthorized)\s+purposes?\b|\boutside\s+(?:the\s+scope|of\s+(?:his|her|their)\s+(?:\w+\s+)?(?:job|duties)))"
          rf"|\b{_WORKFORCE}\b[^;]{{0,200}}?\b(?:e-?mailed|sent|disclosed|gave|provided|shared|forwarded)\b[^;]{{0,80}}?\bto\s+(?:his|her|their|a|an)\s+(?:husband|wife|spouse|family\s+member|friend|relative|boyfriend|girlfriend|attorney)\b"
          rf"|\b{_WORKFORCE}\b[^;]{{0,120}}?\b(?:prior\s+to|before)\s+(?:his|her|their)\s+(?:resignation|termination|departure)\b|\bfor\s+(?:tax\s+)?fraud(?:ulent)?\s+purposes\b|\bpotentially\s+for\s+(?:tax\s+)?fraud\b"
          rf"|\b(?:continued\s+to\s+access|accessed)\b[^;]{{0,120}}?\bafter\s+(?:(?:his|her|their)\s+)?(?:employment\s+(?:ended|was\s+terminated)|(?:being\s+)?terminated|(?:his|her|their)\s+resignation|leaving\s+the\s+(?:practice|organization|company|job))\b"
          rf"|\b{_WORKFORCE}\b[^;]{{0,40}}?\btook\s+(?:a|the)\s+(?:\w+\s+){{0,2}}?(?:list|lists|records|files|charts|documents|data|information)\b"
          rf"|\b{_WORKFORCE}\b[^;]{{0,30}}?\bhacked\b|\b{_WORKFORCE}\b[^;]{{0,40}}?\b(?:impermissibly|improperly|inappropriately)\s+(?:acquired|retained|kept)\b"
          rf"|\bformer\s+{_WORKFORCE}\b[^;]{{0,30}}?\b(?:was|were)\s+in\s+possession\s+of\b|\b{_WORKFORCE}\b[^;]{{0,80}}?\b(?:fraud|identity\s+theft)\s+investigation\b"
          rf"|\bleaving\b[^;]{{0,60}}?\bto\s+(?:begin|start)\s+(?:employment|work)\b|\b{_WORKFORCE}\b[^;]{{0,100}}?\bidenti(?:ty|fy)\s+theft\b|\b{_WORKFORCE}\b[^;]{{0,40}}?\b(?:resigned|was\s+terminated|left)\b[^;]{{0,30}}?\b(?:and\s+)?(?:removed|took)\b"
          rf"|\bidentity\s+theft\s+(?:scheme|ring)\b|\b{_WORKFORCE}\b[^;]{{0,120}}?\bfound\s+in\s+(?:his|her|their)\s+possession\b|\bin\s+(?:his|her|their)\s+possession\b[^;]{{0,60}}?\bwhile\s+(?:\w+\s+){{0,4}}?{_WORKFORCE}\b[^;]{{0,20}}?\barrested\b|\b{_WORKFORCE}\b[^;]{{0,120}}?\bwas\s+being\s+arrested\b[^;]{{0,80}}?\bin\s+(?:his|her|their)\s+possession\b|\b{_WORKFORCE}\b[^;]{{0,160}}?\bto\s+(?:an?\s+|the\s+)?competit(?:or|ors|ing)\b|\b{_WORKFORCE}\b[^;]{{0,120}}?\bdisclosed\b[^;]{{0,60}}?\bto\s+(?:a|the)\s+(?:news\s+)?(?:reporter|journalist|newspaper)\b|\b{_WORKFORCE}\b[^;]{{0,60}}?\b(?:attempted\s+to\s+)?(?:upload(?:ed)?|transferred|sent|e-?mailed|forwarded)\b[^;]{{0,120}}?\bto\s+an?\s+unauthorized\s+(?:website|web\s?site|cloud|account)\b|\b(?:prosecution|indictment)\s+of\s+the\s+(?:former\s+)?{_WORKFORCE}\b|\brogue\s+(?:employee|staff|workforce\s+member|physician|nurse)s?\b|\b{_WORKFORCE}\b[^;]{{0,20}}?\b(?:impermissibly|inappropriately)\s+(?:accessing|viewing|using)\b|\b{_WORKFORCE}\b[^;]{{0,160}}?\bafter\s+(?:the\s+)?(?:termination\s+of\s+(?:their|his|her)\s+employment|(?:their|his|her)\s+(?:termination|resignation|departure))\b|\b{_WORKFORCE}\b[^;]{{0,120}}?\bon\s+(?:his|her|their)\s+last\s+day\b|\b{_WORKFORCE}\b[^;]{{0,120}}?\bon\s+the\s+day\s+of\s+(?:his|her|their)\s+(?:employment\s+)?(?:termination|resignation)\b|\b{_WORKFORCE}\b[^;]{{0,80}}?\b(?:sent|e-?mailed|forwarded|gave|disclosed)\b[^;]{{0,80}}?\bto\s+a\s+former\s+(?:employee|staff\s+member|workforce\s+member|co-?worker)\b|\bleft\s+the\s+(?:CE|practice|company|organization)\s+to\s+(?:work|join|conduct|practice|begin|start)\b|\buser\s+account\s+of\s+a\s+former\s+(?:employee|workforce\s+member|staff\s+member)\b|\b{_WORKFORCE}\b[^;]{{0,40}}?\bfraudulently\s+(?:\w+\s+)?(?:used|us(?:e|ing)|obtain\w*|access\w*|open\w*|fil\w*)\b|\bformer\s+{_WORKFORCE}\b[^;]{{0,40}}?\bwhile\s+still\s+employed\b|\b{_WORKFORCE}\b[^;]{{0,40}}?\b(?:committing|committed)\s+(?:\w+\s+)?fraud\b|\bformer\s+(?:\w+\s+){{0,2}}?{_WORKFORCE}\b[^;]{{0,20}}?\bcontinued\s+to\s+access\b|\b(?:on|to)\s+(?:an?\s+|the\s+)?(?:employee|staff\s+member|workforce\s+member|physician|nurse)['’]s\s+personal\s+(?:laptop|computer|device|phone|e-?mail)|\b{_WORKFORCE}\b[^;]{{0,120}}?\b(?:accessed|viewed|used|disclosed)\b[^;]{{0,120}}?\bwithout\s+(?:an?\s+)?(?:\w+\s+)?(?:business|professional|legitimate|work-related|job-related)\s+(?:need|reason|purpose)\b|\b{_WORKFORCE}\b[^;]{{0,60}}?\baccessed\b[^;]{{0,60}}?\b(?:without\s+(?:authorization|a\s+business\s+need|a\s+legitimate)|outside\s+(?:the\s+scope|of\s+(?:his|her|their)\s+job))"),
    _rule("insider-deed", "vectors", "insider",
          rf"\b(?:an?|the|its|one\s+of\s+its|certain|former|two|three|several|\w+['’]s)\s+(?:[\w-]+\s+){{0,3}}?{_ACTOR}\b(?:\s*\([^)]*\))?(?!\s+of\s+(?:its|the|a)\s+(?:business\s+associate|BA|vendor))"
          rf"(?:\s+(?:of|at|with|from|employed\s+by)\s+[^,;]{{1,60}}?)?,?\s+(?:who\s+[^,;]{{1,60}}?,\s+)?(?:had\s+|has\s+|also\s+|allegedly\s+|then\s+)?"
          r"(?:(?:impermissibly|improperly|inappropriately|wrongfully)\s+(?:\w+\s+)?(?:access(?:ed)?|view(?:ed)?|used|removed|took|copied|downloaded|uploaded|printed)\b"
          r"|(?:impermissibly|improperly|inappropriately|wrongfully)\s+(?:\w+\s+)?(?:sent|e-?mailed|provided|shared|forwarded|transmitted|gave|released)\b(?=[^;.]{0,100}?\b(?:unauthorized|not\s+authorized|personal|family|friends?|relatives?)\b)"
          r"|(?:(?:printed\s+and\s+)?removed|took(?!\s+home\b)|copied|downloaded)\s+(?:[\w'’(),.-]+\s+){0,6}?(?:PHI|e-?PHI|protected\s+health|information|records?|data|files?|documents?|charts?|lists?|spreadsheets?|box(?:es)?|forms?|copies)\b(?![^;.]{0,80}?\b(?:to\s+work|home|work\s+from|business\s+trip)\b)"
          r"|(?:photographed|diverted|exfiltrated|stole|attempted\s+to\s+upload|continued\s+to\s+access)\b)"),
    _rule("insider-shared", "vectors", "insider",
          rf"\b{_ACTOR}\b(?![’'])[^;.]{{0,60}}?\b(?:impermissibly|improperly|inappropriately|wrongfully)\s+(?:disclosed|shared|provided|released|gave)\b[^;.]{{0,80}}?\b(?:to|with)\s+(?:an?|the|his|her|their)\s+(?!wrong\b|incorrect\b|unintended\b)(?:[\w-]+\s+){{0,2}}?(?:students?|mentees?|third\s+part(?:y|ies)|unauthorized|competitors?|family|friends?|relatives?|acquaintances?|news|reporters?|former)\b(?![^;.]{{0,60}}?\b(?:subpoena|records?\s+requests?|request\s+for\s+records))"
          rf"|\b{_ACTOR}\b(?![’'])[^;.]{{0,40}}?\b(?:impermissibly|improperly|inappropriately)\s+provided\s+(?:an?\s+|the\s+)?(?:unauthorized\s+)?(?:individual|person|third\s+party|family\s+member|friend|relative)\s+with\s+access\b"
          rf"|(?<!\bof\s)(?<!\bof\sa\s)(?<!\bof\san\s)(?<!\bof\sthe\s)\bformer\s+(?:[\w-]+\s+){{0,2}}?{_ACTOR}\b(?![’'])(?:\s+(?:of|at|with|from)\s+[^,;]{{1,60}}?)?,?\s+(?:had\s+|has\s+|also\s+|then\s+|allegedly\s+)?(?:accessed|viewed|(?:contacted|solicited)\s+(?:[\w,]+\s+){{0,3}}?(?:patients|individuals|clients|members|them)\b|disclosed\s+(?:[\w'’]+\s+){{0,3}}?(?:PHI|e?PHI|protected|information|records)|sent\s+(?:\w+\s+){{0,3}}?(?:mailings?|letters?|e-?mails?|an\s+e-?mail)\s+(?:\w+\s+){{0,3}}?to\s+(?:[\w,]+\s+){{0,3}}?(?:patients|individuals|clients|members|a\s+former|an?\s+staff))\b(?![^;.]{{0,80}}?\b(?:retire\w*|closing|closure|closed)\b)"
          rf"|\b{_ACTOR}\b(?![’'])[^;.]{{0,60}}?\ballowed\s+(?:an?\s+|his\s+|her\s+|their\s+)?(?:unauthorized\s+)?(?:volunteer|family\s+member|friend|relative|spouse|husband|wife|visitor|non-employee|acquaintance|boyfriend|girlfriend)\s+to\s+(?:view|access|see)\b"
          rf"|\b{_ACTOR}\b(?![’'])(?:(?!\b(?:that|who|whose)\b)[^;.]){{0,100}}?\b(?:took|taking)\s+(?:\w+\s+)?(?:pictures|photos|photographs|screenshots|screen\s+shots)\s+of\b"
          rf"|\b{_WORKFORCE}['’]s?\s+(?:inappropriate|impermissible|unauthorized|improper)\s+access\b|\bstolen\s+by\s+(?:an?\s+|the\s+)?(?:former\s+)?(?:\w+\s+)?{_WORKFORCE}\b(?!['’])|\bfound\s+in\s+the\s+possession\s+of\s+(?:an?\s+|the\s+)?(?:former\s+)?(?:\w+\s+)?{_WORKFORCE}\b(?!['’])"
          rf"|(?<!\bof\s)\b(?:an?|the|one|two|three|several|certain|its)\s+(?:former\s+)?{_ACTOR}\s+(?:had\s+|also\s+)?accessed\s+(?:the\s+)?(?:e?PHI|protected\s+health|electronic\s+protected|(?:medical\s+|patient\s+|health\s+)?records|patient\s+(?:information|files))"),
    _rule("insider-recipient", "vectors", "insider",
          rf"\b{_ACTOR}\b(?![’'])[^;.]{{0,60}}?\b(?:disclosed|gave|provided|showed|shared|sent|e-?mailed|forwarded)\s+(?:(?!\w+['’]s\b|(?:patients|members|clients|residents|individuals)\s+(?:to|with)\s+their\b)[\w'’()-]+\s+){{0,6}}?(?:to|with)\s+(?:(?:an?|his|her|their)\s+(?:[\w-]+\s+){{0,2}}?(?:students?|mentees?|acquaintances?|competitors?|reporters?)(?!['’]|\s+(?:organi[sz]ations?|teachers?|health|newspapers?|government|athletes?|services?|affairs|loans?))|(?:his|her|their)\s+(?:friends?|relatives?|family\s+members?|spouse|husband|wife|boyfriend|girlfriend)(?!['’]))\b(?![^;.]{{0,80}}?\b(?:by\s+mistake|in\s+error|instead\s+of|rather\s+than|intend\w*|case\s+presentation|lecture|supervision|training|in\s+response\s+to\s+(?:a|the)\s+(?:media|press)))"
          rf"|\b(?:disclosed|given|provided|shown)\s+to\s+(?:an?\s+|the\s+)?(?:acquaintance|friend|relative|family\s+member|spouse|husband|wife)\s+of\s+(?:an?\s+|the\s+)?(?:former\s+)?(?:[\w-]+\s+)?{_WORKFORCE}\b"
          rf"|\b{_ACTOR}\b,?\s+(?:who\s+(?:was|were)\s+)?being\s+(?:terminated|fired|dismissed)\b(?:\s+for\s+\w+)?,?\s+(?:also\s+)?(?:took|removed|copied|downloaded|printed)\b"),
    _rule("lost-device", "vectors", "lost_device",
          rf"\b{_DEVICE}\b[^;]{{0,160}}?\b(?:was|were|had\s+been|has\s+been|went|got|been)\s+(?:\w+\s+)?(?:lost|missing|misplaced|mislaid|unaccounted\s+for)\b|(?<!theft\sand\s)\b(?:lost|misplaced|mislaid|missing|loss\s+of)\s+(?:an?\s+|the\s+|its\s+|two\s+|several\s+)?(?:[\w-]+,?\s+){{0,3}}?{_DEVICE}\b"
          rf"|\b{_DEVICE}\b[^;]{{0,60}}?\b(?:could\s+not|cannot)\s+be\s+(?:located|found)\b|\b(?:lost|misplaced)\s+(?:his|her|their)\s+[^;]{{0,50}}?\b{_DEVICE}\b"
          rf"|\b{_DEVICE}\b[^;]{{0,160}}?\blost,?\s+(?:or\s+)?stolen\b"),
    _rule("stolen-device", "vectors", "stolen_device",
          rf"\b{_DEVICE}\b[^;]{{0,160}}?\b(?:was|were|had\s+been|has\s+been|been)\s+(?:\w+\s+){{0,2}}?(?<!lost\sor\s)(?<!lost,\s)stolen\b|\b(?:stole|theft\s+(?:and\s+loss\s+)?of|(?<!lost\sor\s)(?<!lost,\s)stolen)\s+(?:an?\s+|the\s+|its\s+|two\s+|several\s+|\d+\s+)?(?:[\w-]+\s+){{0,6}}?{_DEVICE}\b"),
    _rule("stolen-with", "vectors", "stolen_device", rf"\b{_DEVICE}\b[^;]{{0,40}}?\bremoved\b[^;]{{0,60}}?\bwithout\s+(?:its|their|the\s+\w+['’]s)?\s*(?:consent|authori[sz]ation|permission)\b|\bstolen\s+with\s+(?:an?\s+|the\s+)?(?:\w+\s+){{0,3}}?{_DEVICE}\b|\b{_WORKFORCE}\b[^;]{{0,40}}?\b(?:resigned|was\s+terminated|left)\b[^;]{{0,30}}?\b(?:and\s+)?(?:removed|took)\b[^;]{{0,30}}?\b{_DEVICE}\b"),
    _rule("taken-from", "vectors", "stolen_device", rf"\b{_DEVICE}\b[^;]{{0,120}}?\b(?:was|were)\s+(?:(?!never\b|not\b)\w+\s+)?(?:taken|removed)\s+from\s+(?:an?\s+|the\s+|its\s+|their\s+)?(?:\w+['’]?s?\s+){{0,3}}?(?:office|building|facility|room|vehicle|car|truck|home|residence|premises|clinic|locker)\b(?![^;]{{0,80}}?\b(?:recycl|dispos|destr|shred|sent\s+to))"),
    _rule("missing-after-theft", "vectors", "stolen_device", rf"\b{_DEVICE}\b[^;]{{0,160}}?\b(?:missing|lost|gone)\s+(?:following|after)\s+(?:a|the)\s+(?:theft|burglary|break-in|robbery)\b"),
    _rule("paper-theft", "vectors", "paper_theft",
          rf"\b{_PAPER}\b[^;]{{0,160}}?\b(?:was|were|had\s+been|been)\s+(?:\w+\s+)?stolen\b|\b(?:stole|theft\s+of|stolen)\s+(?:an?\s+|the\s+|its\s+|several\s+)?(?:\w+\s+){{0,6}}?{_PAPER}\b"
          r"|\b(?:journals?|notebooks?|ledgers?|log\s?books?|charts|documents|records|files)\b[^;]{0,80}?\b(?:were|was)\s+(?:\w+\s+)?taken\b(?!\s+(?:offline|down|off)\b)(?![^;]{0,40}?\b(?:to|home)\b)"
          rf"|\bstolen\b(?:(?!\b(?:contain\w*|held|holds?|holding|stor\w*|saved|with|that|which|on\s+it)\b)[^;.]){{0,60}}?\b(?:along\s+with|together\s+with|as\s+well\s+as)\s+(?:[\w-]+\s+){{0,4}}?(?:{_SHEETS}|folders?|binders?|files|records|(?:bags?|box(?:es)?|briefcases?|backpacks?|purses?)\s+(?:of|containing|with)\s+(?:[\w-]+\s+){{0,3}}?{_PAPER})\b"
          rf"|\b(?:printed,?\s+(?:and\s+)?)?removed\s+(?:the\s+)?(?:paper\s+copies|(?:medical\s+|patient\s+)?(?:records|documents|files|charts)|paper\w*)\s+from\s+(?:the|its)\b"
          rf"|\bunauthorized\s+removal\s+of\s+(?:[\w'’-]+\s+){{0,6}}?(?:paper\w*|box(?:es)?|charts|folders|documents|binders)\b"),
    _rule("misdirected", "vectors", "mailing_error",
          r"\b(?:to|by)\s+(?:the\s+|an?\s+)?(?:wrong|incorrect|unintended|unauthorized\s+and\s+unintended)\s+(?:\w+\s+)?(?:recipients?|address(?:es)?|individuals?|persons?|patients?|members?|fax\s+numbers?|e-?mail\s+address(?:es)?|parties|party|entity|providers?|beneficiar(?:y|ies)|plan)\b"
          r"|\bmis-?(?:directed|addressed|mailed|sent|delivered|routed)\b|\bmis-?label(?:ed|led|ing)\s+(?:\w+\s+)?(?:envelopes?|mail|letters?|mailings?|packages?|invitations?|cards?|notices?|statements?|postcards?)\b|\bwith\s+(?:the\s+)?(?:incorrect|wrong)\s+(?:mailing\s+)?address(?:es)?\b|\bsee\s+(?:the\s+)?other\s+recipients?['’]?s?\s+e-?mail\s+addresses\b|\bto\s+an\s+e-?mail\s+address\s+outside\b|\breceiv\w*\s+(?:the\s+)?wrong\s+(?:\w+\s+){0,2}?(?:statements?|letters?|bills?|documents?|mail|EOBs?|packets?)\b|\bon\s+the\s+outside\s+of\s+(?:(?:a|an|the)\s+)?(?:mailing\s+)?(?:pamphlets?|envelopes?|mailers?|postcards?|letters?)\b|\b(?:visible|displayed|shown|showing|showed)\s+(?:in|through)\s+the\s+(?:(?:envelope['’]?s?|address|addressee|clear|mailing|glassine)\s+){1,2}windows?\b|\b(?:visible|displayed|shown|showing|showed)\s+(?:in|through)\s+the\s+(?:\w+\s+)?windows?\s+of\s+(?:the\s+)?(?:\w+\s+)?envelopes?\b|\benvelope\s+(?:address\s+)?windows?\s+(?:that|which)\s+(?:displayed|showed|revealed|exposed)\b|\b(?:batch\s+)?processing\s+error\b[^;]{0,40}?\bprint|\bmailing\s+(?:error|incident|vendor['’]s\s+error)\b|\b(?:window|windowed)\s+envelopes?\b|\bwrong\s+envelopes?\b|\bwrong\s+(?:patients?|individuals?|members?)['’]s?\s+(?:address|mailbox)"
          r"|\b(?:mailed|sent|faxed|e-?mailed|delivered)\s+(?:\w+\s+){0,6}?to\s+(?:an?\s+|the\s+)?(?:wrong|incorrect|unintended)\b"
          r"|\b(?:letters?|mailings?|envelopes?|statements?|notices?|cards?|faxes|postcards?|explanations?\s+of\s+benefits|pages?|invoices?|bills|EOBs?|packets?)\b[^;]{0,80}?\b(?:contained|containing|included|belong\w*\s+to)\s+(?:the\s+)?(?:(?:PHI|information|names?|protected\s+health\s+information(?:\s+\(PHI\))?)\s+(?:of|for|belonging\s+to)\s+)?(?:another|other|a\s+different)\b"
          r"|\b(?:visible|seen)\s+(?:to|by)\s+(?:all|the\s+other|other|each\s+other)\b|\bmail(?:ing)?[- ]merge\b"
          r"|\b(?:mailed|sent|faxed|e-?mailed|delivered|disclosed|provided)\b[^;]{0,140}?\bto\s+(?:an?\s+)?(?:unauthorized|unintended)\s+(?:individuals?|persons?|recipients?|third[- ]part(?:y|ies)|part(?:y|ies)|entit(?:y|ies))\b|\bnot\s+the\s+intended\s+recipients?\b"
          r"|\b(?:mailed|sent|faxed|e-?mailed)\s+(?:\w+\s+){0,8}?to\s+an\s+unknown\s+(?:individual|person|recipient|third\s+party|party)\b"
          r"|\bto\s+(?:[\w,]+['’]?\s+){0,5}?(?:incorrect|wrong|former|old|outdated|previous)\s+(?:mailing\s+)?address(?:es)?\b|\bmismatched\s+(?:\w+\s+){0,4}?(?:in|on)\s+(?:a|the)\s+mailing\b"
          r"|\bintended\s+for\b[^;]{0,80}?\bto\s+(?:an?other|a\s+different|the\s+wrong)\b|\bprint(?:ing)?\s+error\b|\bintended\s+for\s+(?:an?other|a\s+different)\s+(?:individual|person|patient|member|recipient|customer)s?\b|\bwrong\s+names?\s+to\s+be\b"
          r"|\bpost\s?cards?\b[^;]{0,80}?\b(?:included|including|contained|containing|displayed|showing|with|indicating|listed|listing|revealed|revealing)\b|\busing\s+post\s?cards\b"
          r"|\b(?:failed\s+to\s+(?:mask|hide|conceal)|exposed|showed|displayed)\s+(?:the\s+|all\s+)?(?:\w+['’]?\s+){0,2}?e-?mail\s+addresses\b"
          r"|\bto\s+the\s+wrong\s+(?:subscribers?|customers?|clients?|employers?|members?|recipients?|patients?|individuals?|persons?|people|parents?|guardians?)\b"
          r"|\b(?:mistakenly|inadvertently|erroneously|accidentally|accidently|incorrectly)\s+(?:e-?mailed|mailed|sent|faxed|delivered|forwarded|distributed)\b|\b(?:mailed|sent|faxed|e-?mailed|delivered)\s+(?:\w+\s+){0,4}?to\s+(?:an?other|the\s+wrong)\s+(?:patient|member|individual|person|recipient|customer|enrollee)s?\b|\b(?:e-?mail|letter|mailing|envelope|fax)\w*\b[^;]{0,160}?\b(?:inadvertently|mistakenly|accidentally|erroneously)\s+(?:attached|included|enclosed)\b|\bnot\s+intended\s+to\s+receive\b|\b(?:erroneously|mistakenly|incorrectly)\s+printed\b[^;]{0,80}?\b(?:mailed|sent)\b|\bmailed\b[^;]{0,120}?\b(?:inadvertently|mistakenly|erroneously)\s+(?:disclosed|exposed|revealed)\b|\bprinted\s+on\s+(?:the\s+)?(?:address\s+)?(?:labels?|envelopes?|postcards?)\b"
          r"|\be-?mailed\s+[\d,]+\s+(?:\w+\s+){0,2}?(?:participants|patients|members|employees|individuals|recipients)\s+an?\s+(?:spreadsheet|list|file)\b|\b(?:spreadsheet|list)\s+(?:[\w()]+\s+){0,6}?for\s+all\s+(?:the\s+)?recipients\b"
          r"|\b(?:attached|sent)\s+to\s+an?\s+(?:group|mass)\s+e-?mail\b|\be-?mail\s+addressed\s+to\s+[\d,]+\s+(?:\w+\s+)?(?:employees|patients|members|recipients|individuals|participants)\b"
          r"|\bpages?\s+per\s+envelope\b|\banother\s+(?:member|patient|individual|person|customer|enrollee)['’]s\s+(?:\w+\s+){0,3}?(?:name|address|information|PHI)\b[^;]{0,40}?\b(?:to\s+appear|appeared|printed|included)\b"
          r"|\b(?:attached|sent|included|enclosed|faxed|e-?mailed|mailed)\s+(?:the\s+)?wrong\s+(?:\w+\s+)?(?:files?|documents?|attachments?|spreadsheets?|reports?|records?|letters?|forms?|information|statements?)\b|\b(?:erroneously|incorrectly|mistakenly|improperly)\s+(?:merged|consolidated|combined|stuffed|inserted)\b|\b(?:delivered|sent|mailed|faxed|e-?mailed|shipped)\s+in\s+error\b|\breceiv\w*\s+(?:an?other|other|a\s+different)\s+(?:[\w-]+['’]s?\s+){0,2}?(?:PHI|protected\s+health|information|records?|documents?|letters?|statements?|EOBs?|forms?)\b|\bmailed\b[^;]{0,80}?\b(?:contained|containing|included|including)\s+(?:the\s+)?(?:an?other|other|a\s+different)\s+(?:[\w-]+['’]s?\s+){0,2}?(?:PHI|protected\s+health|information|names?)\b|\berroneous\s+(?:mailings?|letters?|faxe?s?|distribution)\b|\berroneously\s+(?:\w+\s+)?(?:and\s+)?mailed\b"
          r"|\b(?:see|view|disclos\w+|reveal\w*|expos\w+|show\w*)\s+(?:the\s+)?(?:\w+['’]?\s+){0,2}?e-?mail\s+addresses\s+(?:of\s+(?:all|the\s+other|other)\s+(?:\w+\s+)?recipients|to\s+(?:each\s+other|one\s+another|all\s+(?:other\s+)?recipients|other\s+recipients))\b"
          r"|\b(?:mistakenly|inadvertently|erroneously|accidentally)\s+included\b[^;]{0,80}?\b(?:mailings?|letters?|postcards?|envelopes?|statements?)\b"
          r"|\ballowed\s+(?:all\s+)?(?:the\s+)?(?:other\s+)?recipients\s+to\s+(?:see|view)\b|\bdisclosed\s+the\s+(?:identit(?:y|ies)|names?|e-?mail\s+addresses)\s+of\s+(?:the\s+|all\s+|other\s+)?(?:e-?mail\s+)?recipients\b"
          r"|\b(?:sent|mailed|delivered|distributed)\b[^;.]{0,80}?\bcontain\w*\s+(?:the\s+)?(?:PHI|protected\s+health\s+information)(?:\s+\(PHI\))?\s+(?:of|about|for|belonging\s+to)\s+(?:unrelated|other|another|different)\b"
          r"|\b(?:incorrect|erroneous)\s+mailings?\b|\breceiv\w*\s+(?:an?\s+|the\s+)?(?:incorrect|wrong)\s+(?:[\w-]+\s+){0,3}?(?:forms?|cards?|letters?|statements?|notices?|packets?|EOBs?)\b[^;.]{0,20}?\b(?:in\s+the\s+mail|mailed)?"
          r"|\b(?:sent|mailed|delivered)\s+(?:[\w-]+\s+){0,4}?(?:the\s+)?wrong\s+(?:[\w-]+\s+){0,2}?(?:identification\s+cards?|ID\s+cards?|cards?|forms?|letters?|statements?|notices?)\b"
          r"|\b(?:mailed|sent|printed)\b[^;.]{0,100}?\bon\s+the\s+(?:outside\s+of\s+the\s+)?(?:mailing\s+labels?|address\s+labels?|envelopes?)\b|\b(?:mass|group)\s+e-?mails?\b[^;.]{0,80}?\b(?:incorrect|wrong)\s+(?:\w+\s+)?(?:names?|information|attachments?)\b"),
    _rule("blind-copy", "vectors", "mailing_error", r"\bblind[\s-]+(?:carbon[\s-]+)?copy\b|\bnot\s+(?:been\s+)?blind[\s-]+(?:carbon[\s-]+)?copied\b|\bwithout\s+blind[\s-]+(?:carbon[\s-]+)?copying\b|\bBCC\b|\bwithout\s+concealing\b|\bwithout\s+(?:masking|hiding)\s+(?:the\s+|their\s+)?(?:recipients['’]?\s+)?(?:e-?mail\s+)?(?:addresses|recipients)\b", negation_applies=False),
    _rule("disposal", "vectors", "improper_disposal",
          r"\bdiscarded\s+by\b|\b(?:improperly|inappropriately|incorrectly|impermissibly)\s+(?:disposed|discarded|destroyed)\b|\b(?:discarded|disposed\s+of|thrown\s+(?:away|out)|threw|left|placed|placing|put|putting|sent|sending|deposited|dumped)\b[^;]{0,120}?\b(?:in|into|to)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:dumpster|trash|garbage|recycl\w+|waste|landfill)\b|\bdonated\s+(?:\w+\s+){0,3}?(?:documents|records|files|boxes|computers?|equipment|cabinets?|devices?|hard\s+drives?)\b|\b(?:purchased|bought)\s+(?:at|from)\s+an?\s+(?:salvage|thrift|second-?hand|used\s+\w+|surplus)\b"
          r"|\bfound\s+(?:\w+\s+){0,6}?(?:in|inside|near|next\s+to)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:dumpster|trash|garbage|recycl\w+)\b|\b(?:sold|donated|distributed|gave|given|resold|auctioned|returned)\b[^;.]{0,60}?\b(?:computers?|laptops?|(?:hard\s+)?drives?|copiers?|devices?|servers?|equipment|phones?|tablets?|workstations?|machines?)\b[^;.]{0,60}?\bwithout\s+(?:first\s+)?(?:being\s+)?(?:wiped|erased|sanitized|purged|deleting|wiping|erasing|sanitizing|purging|removing\s+(?:all\s+)?(?:the\s+)?(?:e?PHI|protected\s+health|electronic\s+protected|data|patient\s+(?:data|information)))\b"
          r"|\b(?:threw|thrown)\s+(?:away|out)\b|\bsold\s+(?:\w+\s+){0,3}?(?:devices?|computers?|equipment|hard\s+drives?|servers?|copiers?)\s+(?:that\s+)?(?:still\s+)?contain\w*|\babandoned\s+(?:records|files|documents|boxes|e?PHI|protected\s+health\s+information|paper|charts|medical\s+records)\b|\b(?:unintentionally|accidentally|inadvertently|mistakenly)\s+(?:discarded|thrown\s+(?:away|out)|disposed)\b|\bsold\s+at\s+(?:an?\s+)?auction\b|\bno\s+longer\s+occupie[sd]\b|\bleft\s+(?:\w+\s+){0,2}?in\s+an?\s+(?:[\w-]+\s+){0,3}?parking\s+(?:garage|lot)\b|\bwith\s+the\s+(?:garbage|trash)\b|\b(?:trash|garbage|waste)\s+transfer\s+station\b|\bauctioned\s+off\b|\b(?:left|placed)\s+(?:\w+\s+){0,2}?(?:outside\s+)?on\s+(?:a|the)\s+curb\b"
          r"|\b(?:records|documents|files|charts|box(?:es)?|paper\w*|PHI)\b[^;]{0,100}?\bleft\s+(?:\w+\s+){0,3}?(?:at|in|inside)\s+(?:its|the|their|a)\s+(?:former|old|previous|vacated|prior)\s+(?:\w+\s+)?(?:facility|office|building|location|premises|site|clinic)\b"
          r"|\bleft\s+(?:[\w'’-]+\s+){0,5}?(?:records|documents|files|charts|box(?:es)?|paper\w*|PHI)\b[^;]{0,60}?\b(?:at|in|inside)\s+(?:its|the|their|a)\s+(?:former|old|previous|vacated|prior)\s+(?:\w+\s+)?(?:facility|office|building|location|premises|site|clinic)\b"),
    _rule("disposal-road", "vectors", "improper_disposal", r"\b(?:spilled|scattered|fell\s+(?:off|out)|blew\s+(?:off|out))\b[^;.]{0,80}?\b(?:roads?|streets?|highways?|roadways?|roadside)\b"),
    # Which information.
    _rule("name", "data_types", "name", r"\b(?:(?:full|first\s+and\s+last|last|patient|patients['’]|member|individuals['’]|first)\s+)?names?\b(?!\s+of\s+(?:its|the|a)\b)"),
    _rule("address", "data_types", "address", r"(?<!e-mail\s)(?<!email\s)(?<!\bip\s)(?<!web\s)(?<!e-mail)(?<!incorrect\s)(?<!wrong\s)(?<!correct\s)(?<!outdated\s)(?<!previous\s)(?<!\bto\s)\b(?:(?:mailing|home|street|physical|residential|postal)\s+)?address(?:es)?\b(?!ed)(?!\s+(?:any|the|this|these|its|their|such|labels?|verification|updates?)\b)"),
    _rule("date-of-birth", "data_types", "date_of_birth", r"\bdates?\s+of\s+birth\b|\bbirth\s?dates?\b|\bDOBs?\b|\bbirthdays?\b"),
    _rule("ssn", "data_types", "ssn", r"\bsocial\s+security(?:\s+(?:numbers?|nos?\.?|information|cards?))?\b|\bSSNs?\b"),
    _rule("taxpayer-id", "data_types", "taxpayer_id", r"\btaxpayer\s+identification\b|\btax\s+(?:identification|ID)\s+numbers?\b|\bTINs?\b"),
    _rule("drivers-license", "data_types", "drivers_license", r"\bdriver(?:['’]?s)?['’]?\s*licen[cs]es?\b|\bdriving\s+licen[cs]es?\b"),
    _rule("passport", "data_types", "passport", r"\bpassports?\b"),
    _rule("government-id", "data_types", "government_id", r"\b(?:state|military|government(?:-issued)?)\s+(?:identification|ID)(?:\s+(?:numbers?|cards?))?\b|\balien\s+registration\b"),
    _rule("financial", "data_types", "financial_account", r"\bfinancial\s+(?:account\s+)?(?:information|data|account|accounts|records|details)\b|\bbank(?:ing)?\s+(?:account|routing|information)\w*|\baccount\s+(?:and\s+routing\s+)?numbers?\b(?<=bank account number)|\bfinancial\b(?=,|\s+and\b|\s+information)"),
    _rule("payment-card", "data_types", "payment_card", r"\b(?:credit|debit|payment)\s+card\b|\bcredit\s+card\s+(?:numbers?|information)\b"),
    _rule("health-insurance", "data_types", "health_insurance", r"\b(?:health\s+)?insurance\s+(?:information|data|details|provider|company|carrier|plan\s+information|claims?\s+information|and\s+claims)\b|\bhealth\s+plan\s+information\b|\binsurer\b|\binsurance\b(?=,|\s+and\b|\s+(?:policy|group))"),
    _rule("member-id", "data_types", "member_id", r"\b(?:member|subscriber|beneficiary|policy|insurance|health\s+plan|medicare|medicaid|group|enrollee|participant)\s+(?:identification\s+|ID\s+)?(?:numbers?|IDs?|identifiers?)\b|\bMedicare\s+(?:beneficiary\s+)?numbers?\b|\bHICN\b|\bMBIs?\b"),
    _rule("clinical", "data_types", "medical_records",
          r"\bdiagnos(?:is|es|tic)\b|\b(?:medical|health|clinical)\s+conditions?\b|\bconditions\b(?=,|\s+and\b|/)|\btreatment(?:s)?(?:\s+(?:information|plans?|dates?|records?|history|notes?|details|codes?))?\b"
          r"|\bclinical\s+(?:information|data|notes?|records?|details)\b|\bmedical\s+(?:information|history|histories|records?(?!\s+(?:numbers?|system|software|platform|database|server|application|vendor))|data|notes?|details|conditions?)\b"
          r"|\b(?:medical\s+|surgical\s+|dental\s+)?procedures?\s+(?:performed|codes?|information|dates?)\b|\b(?:medical|surgical|dental|types\s+of)\s+procedures?\b|(?<!operating\s)\bprocedures?(?=,|/|\s+and\s+(?!polic))"
          r"|\bhealth\s+information\s+(?:such\s+as|including)\b|\b(?:progress|physician|doctor|visit)\s+notes\b|\bcare\s+plans?\b|\bsurgical\s+(?:information|history)\b|\bclinical\b(?=,|\s+and\b)|\bmedical\b(?=,\s|\s+and\s+(?:financial|demographic|insurance))|\bservices?\s+(?:received|provided|rendered)\b|\bvital\s+signs\b"),
    _rule("lab-results", "data_types", "lab_results", r"\b(?:lab|laboratory|test)\s+(?:test\s+)?(?:results?|information|reports?|orders?|values)\b|\b(?:HIV|blood|covid(?:-19)?|drug|genetic)\s+tests?\s*(?:results?)?\b"),
    _rule("medications", "data_types", "prescriptions", r"\bmedications?\b|\bprescriptions?\b|\bprescribed\b|\bdrug\s+(?:names?|information)\b|\bpharmacy\s+information\b|\bRx\b"),
    _rule("radiology", "data_types", "radiology", r"\bx-?rays?\b(?!\s+(?:exposure|technician|department|room|machine|logs?|log\s*books?|binders?))|\bradiolog(?:y|ic|ical)\s+(?:reports?|images?|films?|information(?!\s+systems?)|results?|studies|records?)\b|\b(?:MRI|CT|PET|CAT)\s+(?:scans?|images?|results?|reports?)\b(?!\s+(?:logs?|schedules?|appointments?))|\b(?:medical|diagnostic|radiology|radiologic)\s+images?\b|\bfilms\b|\bmammogra(?:ms|phy\s+(?:images|results))\b|\bultrasound\s+(?:images?|results?)\b"),
    _rule("phone", "data_types", "phone", r"(?<!dedicated\s)(?<!a\s)(?<!toll-free\s)\b(?:tele)?phone\s+numbers?\b|\bcontact\s+numbers?\b"),
    _rule("email-address", "data_types", "email", r"(?<!external\s)(?<!personal\s)(?<!unknown\s)(?<!\ban\s)(?<!dedicated\s)\be-?mail\s+address(?:es)?\b"),
    _rule("online", "data_types", "online_activity", r"\bIP\s+address(?:es)?\b|\bbrowsing\s+(?:data|history|activity)\b|\b(?:website|web\s+site|app|online)\s+(?:activity|usage|interactions?)\b"),
    _rule("claims", "data_types", "claims", r"\bclaims?\s+(?:information|data|numbers?|details|history|records?)\b|\bclaims\b(?=,|\s+and\b)|\b(?:and|insurance)\s+claims\b"),
    _rule("demographic", "data_types", "demographic", r"\bdemographics?\b"),
    _rule("mrn", "data_types", "medical_record_number", r"\bmedical\s+record\s+(?:numbers?|nos?\.?|#s?)\b|\bMRNs?\b"),
    # What the entity did.
    _rule("credit-monitoring", "actions", "credit_monitoring", r"\bcredit\s+(?:monitoring|protection|restoration)\b|\bidentity\s+(?:theft\s+)?(?:protection|monitoring|restoration|repair)\b"),
    _rule("encryption", "actions", "encryption",
          r"\b(?:implement(?:ed|ing|s)?|install(?:ed|ing|s)?|deploy(?:ed|ing|s)?|add(?:ed|ing|s)?|adopt(?:ed|ing|s)?|expand(?:ed|ing|s)?|requir(?:ed|es|ing)|enabl(?:ed|es|ing)|upgrad(?:ed|es|ing)|purchas(?:ed|es|ing)|appl(?:ied|ies|ying)|institut(?:ed|es|ing)|began|begin(?:ning|s)?|start(?:ed|ing|s)?|us(?:ed|es|ing)|enhanc(?:ed|es|ing)|improv(?:ed|es|ing)|complet(?:ed|es|ing))\s+(?:[\w-]+\s+){0,6}?(?:encryption|encrypted|encrypt)\b|\bdevelop(?:ed|s)?\s+(?:an?\s+|new\s+)?encryption\s+(?:program|policy|solution|software)"
          r"|(?:(?<=, )|(?<=and )|(?<=CE )|(?<=BA )|(?<=also )|(?<=has )|(?<=have )|(?<=then )|(?<=now ))encrypt(?:ed|s)\s+(?:and\s+password[- ]protected\s+)?(?:(?:all|its|their|the|remaining|of|any)\s+)*(?:[\w-]+\s+){0,3}?(?:devices?|laptops?|computers?|workstations?|e-?mails?|drives?|media|data|ePHI|servers?|tablets?|phones?|tapes?|network|attachments?|files?)\b"
          r"|\bensured\s+(?:that\s+)?[^;.]{0,80}?\b(?:was|were|are|is)\s+(?:either\s+|now\s+|all\s+)?encrypted\b|\breplac\w+\s+[^;.]{0,60}?\bwith\s+(?:an?\s+)?encrypt\w*|\bby\s+encrypting\b"
          r"|\bencryption\s+(?:was|has\s+been|is\s+now)\s+(?:\w+\s+)?(?:implemented|installed|added|enabled|deployed|required)\b|\b(?:to|will)\s+encrypt\b"),
    _rule("retrained", "actions", "staff_retrained", r"\bre-?train(?:ed|ing|s)?\b|\bre-?educat\w+|\b(?:additional|further|new|mandatory|refresher|more|extra|ongoing|specific|targeted|updated|enhanced|increased)\s+(?:\w+\s+){0,3}?training\b|\btrain(?:ed|ing)\s+(?:all\s+|its\s+|the\s+)?(?:\w+\s+){0,2}?(?:staff|employees?|workforce|personnel|physicians?|workers?|members?|providers?|users?)\b|\b(?:provided|conducted|implemented|required|held|completed)\s+(?:\w+\s+){0,3}?training\b|\b(?:staff|employees?|workforce(?:\s+members?)?|personnel)\s+(?:\w+\s+){0,3}?(?:were|was|have\s+been|has\s+been)\s+(?:\w+\s+)?trained\b"),
    _rule("sanctioned", "actions", "staff_sanctioned", r"\bsanction(?:ed|s|ing)?\b(?!\s+polic)|\bdisciplin\w+|(?<!after\s)(?<!following\s)(?<!upon\s)(?<!before\s)(?<!to\s)\bterminat(?:ed|ion\s+of)\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:\w+\s+){0,3}?(?:employ\w*|workforce\s+members?|staff\s+members?|individuals?|physicians?|nurses?|technicians?|workers?)\b(?!['’]s?\s+(?:access|account|user))|\b(?:employee|workforce\s+member|staff\s+member|individual|physician|nurse|technician|worker)s?\s+(?:\w+\s+){0,3}?(?:was|were|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:terminated|fired|dismissed|suspended|let\s+go)\b|\b(?:fired|dismissed|suspended)\s+the\s+(?:\w+\s+){0,2}?(?:employee|workforce\s+member|staff|individual)s?\b"),
    _rule("policies", "actions", "policies_revised", r"\b(?:revis|updat|develop|implement|strengthen|enhanc|modif|creat|adopt|amend|chang|improv|establish|institut|draft|redesign)\w*\s+(?:[\w/-]+\s+){0,5}?(?:polic(?:y|ies)|procedures?)\b|\bpolic(?:y|ies)\s+(?:and\s+procedures?\s+)?(?:were|was|have\s+been|has\s+been)\s+(?:\w+\s+)?(?:revised|updated|developed|implemented|strengthened|modified|amended|changed|created)\b"),
    _rule("mfa", "actions", "mfa", r"\bmulti-?\s?factor\b|\btwo-?\s?factor\b|\bdual[- ]factor\b|\b2FA\b|\bMFA\b|\btwo-step\s+authentication\b"),
    _rule("passwords", "actions", "passwords_reset", r"\b(?:reset|changed?|changing|updat\w+|forced?\s+(?:a\s+)?(?:\w+\s+)?(?:reset|change))\s+(?:(?!polic|procedur|requirement|guideline|standard)[\w'’]+\s+){0,5}?(?:passwords?|credentials|log-?in\s+credentials)\b(?!\s+(?:requirements?|polic(?:y|ies)|procedures?|management|complexity|standards?|rules?|guidelines?|controls?|protocols?|length|strength|expiration|settings?|protect\w*)\b)|\bpasswords?\s+(?:were|was|have\s+been|had\s+been)\s+(?:\w+\s+)?(?:reset|changed)\b|(?<!requesting\sa\s)(?<!requested\sa\s)(?<!request\sa\s)\bpassword\s+(?:resets?|changes?)\b(?!\s+(?:requirements?|polic(?:y|ies)|procedures?|e-?mails?|notices?|notifications?|requests?|links?|features?|tools?|portals?|pages?|scams?|messages?|functions?|process\w*))"),
    _rule("law-enforcement", "actions", "law_enforcement", r"\b(?:notif|report|contact|alert|inform|fil|work|cooperat|call)\w*\b(?!\s+by\b)\s+(?:(?!by\b|when\b|that\b)[\w,]+\s+){0,10}?(?:police|law\s+enforcement|FBI|Federal\s+Bureau|sheriff|Secret\s+Service|(?:local|federal|proper|the)\s+authorities)\b|\bpolice\s+report\b|\b(?:police|law\s+enforcement|FBI)\s+(?:was|were|has\s+been|had\s+been)\s+(?:notified|contacted|informed|alerted|called)\b"),
    _rule("media", "actions", "media_notice", r"\b(?:notif|alert|inform|contact|provided\s+(?:\w+\s+){0,3}?notice\s+to)\w*\s+(?:[\w,]+\s+){0,8}?(?:the\s+)?(?:local\s+|prominent\s+)?media\b|\bmedia\s+(?:notice|notification|outlets?|release)\b|\bpress\s+releases?\b|\bnotice\s+to\s+(?:the\s+)?(?:local\s+|prominent\s+)?media\b|\b(?:and|,)\s+(?:the\s+)?(?:local\s+|prominent\s+)?media\b(?=[^;]{0,80}\b(?:notif|notice))"),
    _rule("website", "actions", "website_notice", r"\bsubstitute\s+notice\b|\b(?:post|plac|publish|display)\w*\s+(?:\w+\s+){0,8}?(?:on|to)\s+(?:its|their|the\s+CE['’]s|the\s+BA['’]s|a|the)\s+(?:\w+\s+)?(?:website|web\s?site|web\s?page|home\s?page|internet\s+site)\b|\bwebsite\s+(?:notice|posting)\b|\bnotice\s+on\s+(?:its|their|the)\s+(?:\w+\s+)?(?:website|web\s?site)\b"),
    _rule("call-center", "actions", "call_center", r"\bcall\s+cent(?:er|re)s?\b|\btoll[- ]?free\s+(?:\w+\s+){0,2}?(?:numbers?|lines?|hotlines?|call)\b|\b(?:established|set\s+up|provided|created|opened|offered|dedicated|designated|toll-free)\s+(?:\w+\s+){0,3}?hotlines?\b|\b(?:dedicated|designated)\s+(?:tele)?phone\s+(?:numbers?|lines?)\b|\bcall\s+lines?\b"),
    # What OCR did.
    _rule("technical-assistance", "outcomes", "technical_assistance", r"\btechnical\s+assistance\b"),
    _rule("assurances", "outcomes", "corrective_action",
          r"\bOCR\b[^;]{0,120}?\b(?:obtained|received|secured|required|verified|confirmed|requested)\b[^;]{0,60}?\b(?:assurances?|corrective\s+actions?|documentation\s+of\s+(?:the\s+)?corrective)\b"
          r"|\bassurances?\s+(?:were\s+)?(?:obtained|received|provided\s+to\s+OCR)\b|\b(?:As\s+(?:a|the)\s+result\s+of|As\s+of\s+the\s+result\s+of|Following|In\s+response\s+to|Due\s+to|Because\s+of|After)\s+(?:OCR['’]s|the\s+OCR|an\s+OCR)\s+(?:investigation|review|compliance\s+review|contact|inquiry|involvement)(?:\s+(?:and|in)\s+(?:technical\s+assistance|this\s+matter))?,?\s+(?!(?:OCR|HHS)\b)(?:the\s+(?:CE|BA|covered\s+entity|business\s+associate|practice|company|hospital)|it|[A-Z][\w&.-]*)\s+(?:has\s+|have\s+|also\s+|immediately\s+|further\s+|then\s+)?(?!(?:failed|refused|declined|denied|claimed|stated|reported|indicated|explained|asserted|argued|contended|notified|received|provided|submitted|supplied|furnished|produced|demonstrated|showed|confirmed|verified|cooperated|responded|informed|answered|agreed)\b)(?:\w+ed|took|undertook|began|made|wrote|built|put|set\s+up|rewrote|committed\s+to)\b|\bOCR['’]s\s+investigation\s+resulted\s+in\s+the\s+(?:CE|BA|covered\s+entity|business\s+associate)\b|\bcorrective\s+action\s+plan\b|\bOCR\s+(?:\w+\s+){0,6}?(?:assurances?)\b"),
    _rule("resolution-agreement", "outcomes", "resolution_agreement", r"\bresolution\s+agreement\b|\b(?:agreed|agreement)\s+to\s+pay\b|\bsettle(?:d|ment)\b[^;]{0,80}?\b(?:OCR|HHS|\$\s?\d)|\b(?:OCR|HHS)\b[^;]{0,80}?\bsettle(?:d|ment)\b|\bpaid\s+\$\s?\d|\bsettle\s+potential\s+violations\b|\bagreed\s+to\s+settle\b|\bwill\s+pay\s+(?:a\s+resolution\s+amount\s+of\s+)?\$\s?\d|\bThe\s+settlement\s+(?:requires|includes)\b"),
    _rule("civil-money-penalty", "outcomes", "civil_money_penalty", r"\bcivil\s+money\s+penalt(?:y|ies)\b|\bCMPs?\b(?=[^.]{0,40}\$)|\bimposed\s+a\s+(?:\$[\d.,]+\s+(?:million\s+)?)?(?:civil\s+)?penalty\b"),
)

_DATA_SENTENCE = re.compile(
    r"\b(?:e?PHI|protected\s+health\s+information|information|included?|including|involv\w+|consist\w*|such\s+as|contain\w*|compris\w*|data|records?|exposed|compromised|affected|list\w*|types?\s+of)\b",
    re.I,
)
_TOLD_OTHERWISE = {"phishing", "stolen_credentials", "misconfiguration", "insider", "lost_device", "stolen_device", "paper_theft", "mailing_error", "improper_disposal"}
"""How a breach may be told, beside which a remedy's "vulnerability" is that weakness, not a software flaw."""
_SPECIFIC_HACKING = {"ransomware", "phishing", "malware", "stolen_credentials", "software_vulnerability", "misconfiguration", "tracking_technology"}
_HACKING_WORDS = re.compile(
    r"\bhack(?:ed|er|ers|ing)?\b|\bcyber-?\s?(?:attack(?:er)?|security\s+(?:incident|attack|event)|incident|intrusion|criminals?|event)s?\b|\bintrusion\b"
    r"|\b(?:(?:unauthorized|unknown|outside|external|malicious|threat)\s+(?:third[- ]part(?:y|ies)|part(?:y|ies)|individuals?|persons?|actors?|users?|attackers?|entit(?:y|ies)|hackers?|sources?)|attackers|intruders?|cyber-?\s?criminals?)(?:\(s\))?\s+[^;]{0,40}?\b(?:gained|obtained|accessed|had\s+access|infiltrated|breached|compromised|downloaded|acquired)\b"
    r"|\b(?:unauthorized|unknown|outside|external|malicious)\s+(?:users?|individuals?|persons?|part(?:y|ies)|actors?|attackers?|hackers?)\s+[^;.]{0,40}?\b(?:established|created|installed)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:user\s+accounts?|accounts?\s+with\s+administrative|administrat\w+\s+accounts?|backdoors?|remote\s+access)\b"
    r"|\b(?:unauthorized|unlawful(?:ly)?)\s+(?:remote\s+)?(?:access(?:ed)?|intrusion)\s+(?:to|into|of|on)\s+(?:[\w'’()]+\s+){0,5}?(?:network|server|system|computers?|e-?mail|database|accounts?|portal|website|web\s?site|application)s?\b|\bunlawfully\s+accessed\b"
    r"|\b(?:e-?mail\s+accounts?|network|server|system|laptop|computer|device|workstation)s?\s+(?:\w+\s+){0,3}?(?:was|were|may\s+have\s+been|had\s+been|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:compromised|hacked|breached|infiltrated|accessed\s+by\s+an?\s+(?:unauthorized|unknown))\b"
    r"|\b(?:servers?|systems?|networks?|databases?|e-?mail\s+accounts?)\b[^;.]{0,80}?\b(?:was|were|had\s+been)\s+accessed\s+by\s+(?:an?\s+)?(?:unauthorized|unknown)\s+(?:persons?|individuals?|part(?:y|ies)|third\s+part(?:y|ies)|users?|actors?)\b"
    r"|\bcompromised\s+(?:\w+\s+){0,2}?e-?mail\s+accounts?\b|\bsecurity\s+(?:incident|breach)\s+(?:involving|affecting|in\s+which|that)\b|\bIT\s+(?:security\s+)?incident\b",
    re.I,
)
_REMEDIATION = re.compile(
    r"^\s*(?:In\s+(?:response|its\s+mitigation)|Additional\s+(?:mitigation|measures|steps|actions|safeguards|remediation)|Following|To\s+(?:resolve|mitigate|prevent|address)|Subsequently|Since|Moving\s+forward|As\s+a\s+result\s+of\s+(?:this|the)\s+(?:incident|breach))\b"
    r"|\bmitigation\s+efforts\b|\bin\s+response\s+to\s+the\s+(?:breach|incident)\b|\bfollowing\s+the\s+(?:breach|incident|discovery)\b|\bprovided\s+(?:breach\s+)?notif"
    r"|\bnotified\s+(?:HHS|OCR|the\s+(?:affected|media|Secretary|FBI|police)|law\s+enforcement)(?!\s+that)|\b(?:hired|retained|engaged|selected|selecting|switched\s+to|migrated\s+to)\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}?(?:vendor|firm|company|consultant|business\s+associat\w*|BA)s?\b|\b(?:renewed|reviewed|executed)\s+(?:its\s+|the\s+)?(?:BAA|BA['’]s|business\s+associate)|\bsaid\s+(?:OCR|HHS)\b|\bOCR\s+Director\b|\bOCR\s+(?:also\s+)?(?:provided|gave|offered|reminded|advised|recommended|obtained|required|requested|imposed|reached|verified|closed|determined)\b|\btechnical\s+assistance\b|\bcorrective\s+actions?\b|\b(?-i:implemented|improved|strengthened|enhanced|revised)\b",
    re.I,
)
_CONTINUES = re.compile(r"^\s*(?:In\s+addition|Additionally|Also)\b", re.I)
_GIVES_AN_EXAMPLE = re.compile(r"^\s*For\s+(?:example|instance)\b", re.I)
_ABOUT_THE_LAW = re.compile(
    r"^\s*OCR\s+enforces\b|\bRules?\s+(?:establishes|sets\s+forth)\b[^.]{0,40}?\bstandards\b|\bare\s+the\s+primary\s+cyber-?\s?threats\b"
    r"|\bincrease\s+in\s+large\s+breaches\b|^\s*Ransomware\s+is\s+a\s+type\s+of\b",
    re.I,
)
"""A press release's sentences on the law and the field rather than on this breach ("... the requirements that
covered entities ... and business associates must follow"): OCR pastes its press releases as summaries of the
cases it settles."""
_ADVICE_FOLLOWS = re.compile(r"\b(?:OCR|HHS)\s+(?:also\s+)?recommends\b[^.]{0,200}?\bfollowing\b[^.]{0,80}?:", re.I)
_ADVICE_ITEM = re.compile(
    r"^\s*(?:[•\-\u2022]\s*|\d+[.)]\s*)?(?:Review|Utilize|Use|Encrypt|Implement|Ensure|Conduct|Integrate|Incorporate|Provide|Train|Establish|Monitor"
    r"|Develop|Maintain|Adopt|Require|Enable|Deploy|Audit|Limit|Restrict|Patch|Update|Identify|Assess|Evaluate|Verify|Consider|Protect|Safeguard"
    r"|Secure|Back\s+up|Test|Perform|Apply|Remove|Disable|Change|Create|Educate|Regularly|Periodically|Make|Terminate|Modify|Reinforce|Document)\b"
    r"|^[^.]{0,80}?\bshould\b|^\s*\d+[.)]\s*$"
)
"""OCR's list of steps it recommends to every entity, after "OCR recommends that ... take the following steps ...:":
each step starts with a verb ("Utilize multi-factor authentication ..."), numbered, bulleted or plain, and is advice,
not what this entity did or suffered. The first sentence that is no step ends the list."""


def _told(text: str) -> Iterator[tuple[int, str, bool]]:
    """(offset, sentence, whether it tells of what was done afterwards): "In addition, ..." goes on with the
    sentence before it: the breach ("In addition, the employee sent the ePHI to a personal account"), or the
    remedies and OCR's findings ("In addition, the CE retrained its staff")."""
    before = remedy = False
    for offset, sentence in sentences(text):
        afterwards = bool(_REMEDIATION.search(sentence)) or (before and bool(_CONTINUES.search(sentence))) or (remedy and bool(_GIVES_AN_EXAMPLE.search(sentence)))
        yield offset, sentence, afterwards
        before, remedy = afterwards or _sentence_about_ocr(sentence), afterwards
"""A sentence on what was done afterwards: how the breach happened is not read from it ("installed antivirus")."""
_AMENDS = re.compile(r"(?:,|\band|\bCE|\bBA|\bit|\bthey|\balso)\s+(?:also\s+)?(?:re-?trained|trained|educated|(?:provided|offered)\s+(?:\w+\s+)?(?:free|complimentary))\b", re.I)
"""The entity's deeds after the breach, within a sentence: no vector is read after them ("..., and the CE retrained
its staff on phishing"), though the sentence may still tell one before them, or list the data."""
_BREACHED_AFTER = re.compile(r"\b(?:experienced|suffered|(?:was|were)\s+(?:then\s+|later\s+)?(?:hacked|breached|attacked|compromised|the\s+victim)|whose\s+\w+\s+(?:was|were)\s+(?:then\s+|later\s+)?(?:hacked|breached|compromised))\b", re.I)
"""A vendor that received the data and then was breached is where the breach happened after all."""
_BA_INTRO = (
    r"(?:\b(?i:its|their|a|the|the\s+CE['’]s|the\s+covered\s+entity['’]s(?:\s+\((?:CE)['’]?s?\))?|covered\s+entity['’]s(?:\s+\((?:CE)['’]?s?\))?)"
    r"\s+(?i:(?:former|past|then)\s+)?(?i:business\s+associate\s*\(BA\)\s*,?\s+|business\s+associate(?:s|['’]s)?\s*(?:\((?:BAs?)\)\s*)?,\s+)"
    r"|\b(?i:the)\s+BA\s*,\s+|\b(?i:its)\s+(?:(?i:[\w-]+)\s+){0,2}?(?i:vendor),\s+)"
)
_LEGAL_SUFFIX = r"(?:,\s+(?:Inc|LLC|L\.L\.C|LLP|Ltd|P\.C|PLLC|Corp|Co|N\.A|P\.A)\.?)?"
_NAME_WORD = r"(?:[A-Z0-9][\w&'’/-]*(?:\.[\w&'’/-]+)*\.?|[a-z]+[A-Z][\w-]*)"
"""One word of a name, matched one way only (a name of many words must not make the search backtrack)."""
_BA_NAMES = (
    # "its business associate (BA), Acme Billing, LLC, experienced ...": the name runs to the next comma.
    re.compile(_BA_INTRO + rf"(?P<name>(?:[A-Z0-9]|[a-z]+[A-Z])[^,()]{{1,80}}?{_LEGAL_SUFFIX})\s*(?:\([^)]{{1,40}}\)\s*)?,(?!\s+(?:Inc|LLC|L\.L\.C|LLP|Ltd|P\.C|PLLC|Corp|Co|N\.A|P\.A)\b)"),
    # "its business associate (BA), Acme Billing experienced ...": capitalised words up to a verb or a full stop.
    re.compile(
        _BA_INTRO + rf"(?P<name>{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|of|and|for|the|&|de|la|del)){{0,8}}?{_LEGAL_SUFFIX})\s*(?:\([^)]{{1,40}}\)\s*)?"
        r"(?=,|\.(?:\s|$)|(?:(?<=[a-z]{2}\.)|(?<=\bL\.L\.C\.)|(?<=\bP\.C\.)|(?<=\bP\.A\.)|(?<=\bN\.A\.))\s+(?=[A-Z])|;|\s+(?:accessed|experienced|was|were|had|has|have|reported|discovered|detected|learned|inadvertently|mistakenly|mailed|sent|notified|suffered|which|who|that|posted|lost|informed|improperly|erroneously|accidentally|due|when|after|because|to|and|for|in|on|used|uses|is|may|did)\b)"
    ),
)
_NAME_APPOSITIVE = re.compile(
    rf"(?<=\((?:CE|BA)\)),\s+{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|of|and|for|the|&|de|la|del|at|in|on)){{0,10}}{_LEGAL_SUFFIX}(?:\s+\([^)]{{1,40}}\))?(?:,\s+(?:dba|d/b/a)\s+{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|of|and|for|the|&)){{0,8}})?(?=,)"
)
"""", Acme Health, Inc. (AHI)" after "the covered entity (CE)": the name between the commas, which puts the
subject far from its verb ("an employee of the covered entity (CE), <name>, impermissibly accessed")."""


_NAME_CONNECTORS = {"of", "and", "for", "the", "&", "de", "la", "del", "d/b/a", "dba"}
_NOT_A_NAME = re.compile(r"^(?:the|its|which|who|that|a|an|and|on|in|this|these|was|were|had|has|also|experienced|reported|discovered|notified|may|because|when|while|after|due)\b", re.I)


_REPORTER_IS_CE = re.compile(r"^(?:[^.]|\.(?=[,)]|\s+[a-z]))*?\b(?:the\s+)?covered\s+entity\s*\((?:CE)\)(?:[^.]|\.(?=[,)]|\s+[a-z]))*?\breported\b|^\s*(?:The|A)\s+covered\s+entity\b", re.I)
_REPORTER_IS_BA = re.compile(r"^\s*(?:An?\s+employee\s+of\s+)?[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,7},\s+(?:a|the)\s+business\s+associate\s*\(BA\)\s*,(?!\s*of\b)|^(?:[^.]|\.(?=[,)]|\s+[a-z]))*?\b(?:the\s+|a\s+)?business\s+associate\s*\((?:BA)\),?(?:[^.]|\.(?=[,)]|\s+[a-z])){0,120}?\breported\b|^\s*The\s+business\s+associate\s*\(BA\),", re.I)
_VENDORS_OWN_VENDOR = re.compile(r"\b(?:its|their|the\s+BA['’]s|(?:company|vendor|BA)['’]s)\s+(?:[\w-]+\s+){0,3}?(?:sub-?contractors?|vendors?|service\s+providers?|providers?|contractors?|business\s+associates?)\b(?!\s+(?:arrangements?|agreements?|contracts?|relationships?))|\bits\s+(?-i:BA)\b(?!\s+(?:agreements?|contracts?))", re.I)
_DEVICE_AND_PAPER = re.compile(
    rf"\b{_DEVICE}\b[^.;]{{0,60}}?\b(?:and|along\s+with|as\s+well\s+as|together\s+with|in\s+addition\s+to)\s+(?:(?!contain|with\b|hold|stor|folder|backup|laptop|electronic)[\w-]+\s+){{0,4}}?"
    rf"(?:(?:bags?|box(?:es)?|briefcases?|backpacks?|purses?)\s+(?:of|containing|with)\s+(?:[\w-]+\s+){{0,3}}?)?{_SHEETS}\b"
    rf"|(?<!contain)(?<!containing\s)(?<!holding\s)(?<!with\s)\b{_SHEETS}\s+and\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+,?\s+){{0,3}}?{_DEVICE}\b"
    rf"|\b(?:bags?|box(?:es)?|briefcases?|backpacks?|purses?|envelopes?|folders?|binders?)\s+(?:of|containing|with)\s+[^,;.]{{1,80}}?\s+and\s+(?:an?\s+|the\s+|its\s+)?(?:[\w-]+,?\s+){{0,3}}?{_DEVICE}\b",
    re.I,
)
"""A device and paper stolen together ("a laptop and a bag of charge tickets"), not paper held on a device
(a folder beside a laptop may be one of its own: paper only where HHS lists paper)."""
_PHYSICAL_PAPER = re.compile(r"\bpaper|\bbinders?\b|\bprinted\b|\bprint-?outs?\b|\bhard\s+cop(?:y|ies)\b|\bfilms\b|\bface\s?sheets\b|\bprescription\s+pads\b|\bsuper-?bills\b", re.I)
"""Paper no device could hold: stolen paper is paper even in a sentence that also names a stolen laptop (a folder or
chart counts only where HHS lists paper: a laptop's folders are files)."""
_FAILED_TO = re.compile(r"(?:\bfail(?:ed|ure|ing)(?:\s+to\b|\s*$)|\bdid\s+not\s+have\b)(?:(?!\b(?:was|were|is|are|has|had)\b)[^,;])*$", re.I)
"""A deed the entity failed to do, up to the deed: "failed to implement a mechanism to encrypt", not "the employee
who failed to verify the number was sanctioned" nor "to address its failure to encrypt, the CE encrypted"."""
_ABOUT_AGREEMENTS = re.compile(r"\bsatisfactory\s+assurances\b|\b(?:written\s+)?business\s+associate\s+(?:agreements?|contracts?)\b[^;]{0,80}?\b(?:would|will|must|to)\s+(?:appropriately\s+)?safeguard\b", re.I)
_FAILURES_FOLLOW = re.compile(r"\b(?:fail(?:ed|ure)\s+to|did\s+not)\s*:?\s*$", re.I)
_ATTACKERS_DEED = re.compile(r"\b(?:(?:unknown|unauthorized|malicious|outside)\s+(?:third[- ]part(?:y|ies)|part(?:y|ies)|individuals?|actors?|users?|persons?)|hackers?|attackers?|threat\s+actors?|cyber-?\s?criminals?|bad\s+actors?|impostors?|imposters?|impersonat\w*|persuaded|tricked|request\w*)\b(?!['’])", re.I)
_ENTITY_SUBJECT = re.compile(r"\b(?:CE|BA|covered\s+entity|business\s+associate|company|practice|hospital|organization)\b", re.I)
_LEFT_OPEN = re.compile(r"[^;.]{0,60}?\b(?:that|which)\s+(?:allowed|caused|left|made)\b[^;.]{0,80}?\b(?:to\s+be\s+|be\s+)?(?:publicly\s+)?(?:accessible|available|viewable|visible|exposed|open)\b(?![^;.]{0,40}?\b(?:attackers?|hackers?|threat\s+actors?|unauthorized)\b)", re.I)
_LOOKED_FOR = re.compile(r"\b(?:identify|identifying|find|finding|assess\w*|address\w*|scan\w*|remediat\w*|evaluat\w*|mitigat\w*|for|of)\s+(?:\w+\s+){0,2}$", re.I)
_NOT_BEFORE_LAST_WORD = re.compile(r"(?<!could\s)(?<!can\s)(?<!would\s)\b(?:not|never)\s+(?:been\s+|be\s+)?\w+$", re.I)
_MAIL_WORDS = re.compile(r"\b(?:e-?mail\w*|mail\w*|letters?|envelopes?|postcards?|fax\w*|misdirected|statements?|EOBs?|explanations?\s+of\s+benefits|wrong\s+(?:recipients?|people|individuals|address\w*))\b", re.I)
_ATTACKER = re.compile(r"\b(?:ransom\s?ware|malware|virus|hackers?|attackers?|threat\s+actors?|cyber-?\s?criminals?)\b", re.I)
_ATTACK_TOLD = re.compile(_ATTACKER.pattern + r"|\b(?:exploit\w*|hack\w*|attack\w*|criminals?|exfiltrat\w*|download\w*|stole\w*|zero-?day|MOVEit|intruders?)\b", re.I)
"""An attack told in the sentence: the attacker's words, or what attackers do."""
_PHYSICAL_PUBLIC = re.compile(r"\b(?:paper\w*|documents|boxes|dumpsters?|bins?|trash|files\s+cabinets?|filing\s+cabinets?|charts|records\s+room|hallway|lobby)\b", re.I)
_ONLINE = re.compile(r"\b(?:internet|online|web\w*|servers?|database|cloud|portal|FTP|electronic|e-?PHI|computer|network|search\w*|google|indexed|buckets?|S3|AWS|links?|URLs?)\b", re.I)
_FOR_WORK = re.compile(r"^[^;.]{0,80}?\b(?:for\s+work(?:-related)?\s+purposes|to\s+(?:complete|do|finish)\s+(?:\w+\s+)?work|to\s+work\s+(?:on\s+it\s+)?(?:from|at)\s+home|in\s+order\s+to\s+(?:prepare|complete|process|respond)|as\s+part\s+of\s+(?:an?\s+|the\s+|a\s+routine\s+)?(?:quality|audit|review|job|duties|work)|while\s+performing\s+(?:\w+\s+)?(?:duties|job|work)|as\s+a\s+means\s+of\s+storing|to\s+carry\s+out\s+(?:his|her|their)\s+(?:job|work|duties))\b", re.I)
"""A deed done to get the work done, which the guide does not count as misuse."""
_MISTAKE_AFTER = re.compile(r"^[^;.]{0,60}?\b(?:by\s+mistake|in\s+error|instead\s+of|rather\s+than|intended\s+for|auto-?(?:fill|complet)\w*)\b", re.I)
"""A mistake told after the deed: "sent a patient's results to her husband in error"."""
_MAILED_THING = re.compile(r"\b(?:fax\w*|letters?|statements?|EOBs?|envelopes?|mailed|postcards?|invoices?|bills)\b", re.I)
"""A mailing's own words: "faxed lab results to an unauthorized recipient" is misdirected mail, however OCR words it."""
_DELIBERATE = re.compile(r"\b(?:impermissibly|improperly|inappropriately|wrongfully|intentionally|deliberately|knowingly|without\s+(?:\w+\s+)?authori[sz]ation)\b", re.I)
_BY_MISTAKE = re.compile(r"\b(?:mistakenly|inadvertently|accidentally|erroneously|unintentionally|unknowingly|misdirect\w*)\b", re.I)
_VENDOR_AS_RECIPIENT = re.compile(
    r"\b(?:sent|sending|disclosed|disclosing|disclosures?|e-?mailed|mailed|faxed|transmitted|transferred|uploaded|gave|forwarded|shared)\b[^.;]{0,120}?\bto\s+(?:its|a|an|the)\s+(?:[\w'’-]+\s+){0,3}$"
    r"|\bwith\s+(?:[\w'’-]+,\s+)?(?:its|a|an)\s+(?:[\w()'’-]+\s+){0,4}$|\brecipients\s+at\s+(?:its|a|an|the)\s+$",
    re.I,
)
_SUBJECT_IS_BA = re.compile(r"^\s*(?:[^,]{0,60},\s*)?the\s+(?:BA|business\s+associate)\b(?!\s*,)", re.I)


_CE_PERSPECTIVE = re.compile(r"^\s*An?\s+business\s+associate\b|\bthe\s+CE['’]s\s+business\s+associate\s*\(BA\)|\bcovered\s+entity['’]s\s+(?:\((?:CE)['’]?s?\)\s+)?(?:former\s+)?business\s+associate|\bbusiness\s+associate\s*\(BA\)\s+of\s+the\s+covered\s+entity"
    r"|\b(?:its|it['’]s|their)\s+(?:former\s+|new\s+)?business\s+associate\b(?!\s+agreement)|\b(?-i:[A-Z][\w.&-]*)['’]s?\s+(?:former\s+|new\s+)?business\s+associate\s*\(BA\)|\bcovered\s+entity\s*\(CE\),?\s+[^.]{0,80}?\b(?:discovered|learned|was\s+notified|found)\s+that\s+(?:its|it['’]s|their|an?|the)\s+(?:\w+\s+)?(?:business\s+associate|vendor|contractor|sub-?contractor)", re.I)


_BA_OF_THE_CE = re.compile(r"\b(?:a|the)\s+business\s+associate\s*\(BA\)\s+(?:of|for|to)\s+(?:the\s+covered\s+entity|(?-i:[A-Z]))", re.I)


def _reporter_is_business_associate(text: str, entity_type: str | None) -> bool:
    """Whose report it is: what the summary's opening says, else the HHS column (which sometimes lists a
    covered entity's report of its vendor's breach under the vendor's type). A summary that speaks of
    "the covered entity's business associate" tells the vendor's breach from the covered entity's side."""
    opening = text[:400]
    if (_REPORTER_IS_CE.search(opening) or _CE_PERSPECTIVE.search(opening)) and not _REPORTER_IS_BA.search(opening):
        return False
    if _REPORTER_IS_BA.search(opening):
        return True
    return entity_type == "business_associate"


_SETTLEMENT = re.compile(r"\bresolution\s+agreement\b|\b(?:agreed|agreement)\s+to\s+pay\b|\bcorrective\s+action\s+plan\b|\bcivil\s+money\s+penalt", re.I)
_QUOTED = re.compile(r"^\s*[“\"]|[”\"]\s*,?\s*said\b|\bsaid\s+(?:OCR|HHS)\b", re.I)
_OBLIGED = re.compile(
    r"\b(?:(?:is|are|was|were)\s+(?:also\s+)?(?:expected|required|obligated|obliged)\s+to|expectation\s+that|committed\s+to|agreed\s+to"
    r"|requires\s+(?:[\w-]+\s+){0,3}?to)\b|\b(?:working|obligation)\s+to\s+(?:[\w-]+\s+){0,3}$",
    re.I,
)
"""What the entity is to do, not what it did: "the CE is expected to revise its policies", "a corrective action plan
requires it to train its staff"."""
_DISPOSAL_WORDS = re.compile(r"\bunsecured\s+location\b|\b(?:incinerat\w*|garbage|recycl\w*|trash|dumpster|dispos\w+|discard\w*|destr(?:oy|uction)\w*|shred\w*|landfill|junk)\b", re.I)
_DEVICE_WORD = re.compile(rf"\b{_DEVICE}\b", re.I)


_PLAIN_WORDING = (
    (re.compile(r"\b(?:his|her|their)\s*(?:/|\bor\b)\s*(?:his|her|their)\b", re.I), "their"),
    (re.compile(r"\bthe\s+(?:covered\s+entity\s*(?:and|/)\s*(?:a\s+)?business\s+associate|business\s+associate\s*(?:and|/)\s*(?:a\s+)?covered\s+entity)\s*\((?:CE/BA|BA/CE)\)|\bthe\s+(?:CE/BA|BA/CE)\b", re.I), "the CE"),
    (re.compile(r"\b(?:an?\s+|one\s+|two\s+|several\s+)?members?\s+of\s+(?:its|the|their|the\s+CE['’]s|the\s+covered\s+entity['’]s)\s+(?:\((?:CE|BA)\)\s+)?(?:workforce|staff)\b(?!\s+(?:training|policies))", re.I), "a workforce member"),
)
"""One spelling for wordings the rules need not tell apart: "his/her" is "their", "a member of its workforce"
is "a workforce member", and an entity that is both, "the covered entity and business associate (CE/BA)", is the
CE: it reports its own breach, not its vendor's."""


def _plainly_worded(sentence: str) -> tuple[str, list[int]]:
    """The sentence without the names in apposition to (CE) or (BA) and in the plain wording above, and where
    each of its characters (and its end) stands in the sentence, so that a match's place can still be shown."""
    kept, position, start = [], [], 0
    for match in _NAME_APPOSITIVE.finditer(sentence):
        kept.append(sentence[start:match.start()])
        position.extend(range(start, match.start()))
        start = match.end()
    kept.append(sentence[start:])
    position.extend(range(start, len(sentence) + 1))
    text = "".join(kept)
    for pattern, plain in _PLAIN_WORDING:
        pieces, places, start = [], [], 0
        for match in pattern.finditer(text):
            pieces += [text[start:match.start()], plain]
            places += position[start:match.start()] + [position[match.start()]] * len(plain)
            start = match.end()
        pieces.append(text[start:])
        text, position = "".join(pieces), places + position[start:]
    return text, position


def _sentence_at(text: str, position: int) -> str:
    return next((sentence for offset, sentence in sentences(text) if offset <= position < offset + len(sentence)), "")


def _sentence_about_ocr(sentence: str) -> bool:
    """OCR's own words or deeds, or anyone's quoted words ("'We are pleased with the agreement ...'")."""
    return bool(_ABOUT_OCR.search(sentence) or _QUOTED.search(sentence))


def _applies(rule: Rule, about_ocr: bool, lists_data: bool, remediation: bool) -> bool:
    if rule.only_in == "incident":
        return not remediation
    if rule.only_in == "data":
        return lists_data and not remediation
    if rule.only_in == "deeds":
        return not about_ocr
    return True


_BA_LEADS = re.compile(
    rf"^\s*(?:On\s+[^.]{{3,40}}?\d{{4}},\s+)?(?:the\s+)?(?P<name>{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|of|and|for|the|&)){{0,8}}?{_LEGAL_SUFFIX})\s*(?:\([^)]{{1,40}}\)\s*)?,\s+"
    r"a\s+(?:former\s+)?business\s+associate\s*\(BA\)(?:\s+of\s+(?:the\s+)?(?:covered\s+entity|CE\b|(?-i:[A-Z0-9]))|\s+(?:for|to)\s+(?:the\s+)?(?:covered\s+entity|CE)\b"
    r"|\s+(?:that|which)\b[^.;]{0,100}?\b(?:the\s+)?(?:covered\s+entity|CE)\b|,?\s+(?:notified|informed|alerted)\s+(?:the\s+)?(?:covered\s+entity|CE)\b)"
)
"""The opening of a report HHS files as the covered entity's though its vendor tells it: "Acme Billing, a business
associate (BA) of Lakeside Clinic, reported ...": the vendor is named first."""


_NOT_A_FIRST_WORD = (r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Then|The|This|These|In|On|"
                     r"After|When|Also|Its|OCR|HHS|CE|BA|PHI|Dr|Mr|Mrs|Ms)\b)")
_BA_IN_APPOSITION = re.compile(
    rf"(?<![\w&'’.-])(?<!\bDr\.\s)(?<!\bMr\.\s)(?<!\bMs\.\s)(?<!\bMrs\.\s)(?P<name>{_NOT_A_FIRST_WORD}(?-i:[A-Z])[\w&'’-]*(?:\s+(?-i:[A-Z])[\w&'’-]*){{0,6}}{_LEGAL_SUFFIX})\s*(?:\([^)]{{1,40}}\)\s*)?,\s+"
    r"(?:its|the\s+CE['’]s|the\s+covered\s+entity['’]s)\s+(?:former\s+)?business\s+associate\s*\(BA\)\s*,"
)
"""", Iron Mountain, its business associate (BA), ...": the vendor named before its title."""


_NOT_A_VENDOR = re.compile(r"['’]s\b|\b(?:CEO|CFO|CIO|Officer|Director|President|Manager|Department|Staff|Server|System|Employees?|M\.D)\b|^(?:Dr|Mr|Mrs|Ms)\b")
"""A person, a title or a part of the vendor rather than its name ("its business associate's (BA) IT Director")."""


def _leading_business_associate(text: str) -> tuple[str | None, Evidence | None]:
    match = _BA_LEADS.match(text) or _BA_IN_APPOSITION.search(text)
    if not match or _NOT_A_NAME.match(match.group("name")) or _NOT_A_VENDOR.search(match.group("name")):
        return None, None
    if re.search(r"(?:\b(?-i:[A-Z])[\w&'’-]*|\b(?:Dr|Mr|Ms|Mrs)\.)\s$", text[max(0, match.start("name") - 40):match.start("name")]):
        return None, None  # the end of a longer name or a person's ("Dr. Ann Lee")
    return match.group("name"), Evidence("business_associate", match.group("name"), "business-associate-leads", match.start("name"), match.end("name"))


def _business_associate_name(text: str) -> tuple[str | None, Evidence | None]:
    matches = (match for pattern in _BA_NAMES for match in pattern.finditer(text))
    for match in matches:
        name = match.group("name").strip(" ,")
        if re.search(r"[a-z]\.\s", name):
            continue  # ran past the end of a sentence
        if any(word.islower() and word not in _NAME_CONNECTORS for word in name.split()):
            continue  # a clause, not a name: "Acme encountered a ransomware attack"
        if name.endswith(".") and not re.search(r"\b(?:Inc|Co|Corp|Ltd|L\.L\.C|P\.C|P\.A|N\.A)\.$", name):
            name = name[:-1]
        if re.search(r"\b(?:Inc|Corp|Co|Ltd)$", name) and text[match.end("name"):match.end("name") + 1] == ".":
            name += "."  # "Acme Billing Inc. impermissibly ...": the full stop is the suffix's
        if len(name) > 2 and not _NOT_A_NAME.match(name) and not re.search(r"\b(?:reported|experienced|discovered|notified|CE|PHI)\b", name):
            return name, Evidence("business_associate", name, "business-associate-name", match.start("name"), match.end("name"))
    return None, None


def extract(text: str, breach_types: tuple[str, ...] = (), locations: tuple[str, ...] = (), entity_type: str | None = None) -> CaseFacts:
    """The facts one summary states about its own breach. The report's HHS columns settle what the
    words leave open: a device is only lost or stolen in a report of a loss or theft, paper only stolen
    where HHS lists paper, and a business associate reporting its own breach is not a vendor's breach."""
    found: dict[str, dict[str, Evidence]] = {kind: {} for kind in KINDS}
    reporter_is_vendor = _reporter_is_business_associate(text, entity_type)
    listing_failures = False
    advising = False
    settled = bool(_SETTLEMENT.search(text))
    for offset, sentence, remediation in _told(text):
        about_ocr, lists_data = _sentence_about_ocr(sentence), bool(_DATA_SENTENCE.search(sentence))
        # "OCR found that the CE failed to: • implement policies ...": the list's items are failures, not deeds,
        # until a line that is no item ("As corrective action, the CE: ...") starts another list.
        bullet = bool(re.match(r"[ ]*(?:[•-]|\t)", sentence)) and not re.search(r"\n[ \t]*[^\s•-]", sentence.rstrip())
        listing_failures = (listing_failures and bullet) or bool(_FAILURES_FOLLOW.search(sentence))
        advising = (advising and bool(_ADVICE_ITEM.match(sentence))) or bool(_ADVICE_FOLLOWS.search(sentence))
        if advising or _ABOUT_THE_LAW.search(sentence):
            continue
        # Not what the reporting entity did: its vendor's deeds, a list of its failures, or a settlement's list (its
    # violations or what the corrective action plan will require).
        not_a_deed = (
            (not reporter_is_vendor and bool(_SUBJECT_IS_BA.search(sentence))) or (listing_failures and bullet) or (settled and bullet)
        )
        about_ocr = about_ocr or not_a_deed
        sentence, position = _plainly_worded(sentence)
        lowered = " ".join(sentence.lower().split())
        amends = _AMENDS.search(sentence)
        for rule in RULES:
            if rule.code in found[rule.kind] or not _applies(rule, about_ocr, lists_data, remediation):
                continue
            if rule.trigger is not None and not any(piece in lowered for piece in rule.trigger):
                continue
            for match in rule.pattern.finditer(sentence):
                if _set_aside(rule, sentence, match, amends):
                    continue
                found[rule.kind][rule.code] = Evidence(rule.kind, rule.code, rule.name, offset + position[match.start()], offset + position[match.end()])
                break
    vectors = found["vectors"]
    if "ransomware" in vectors:
        vectors.pop("malware", None)
    if "phishing" in vectors:
        vectors.pop("stolen_credentials", None)
    filed_by_its_client = entity_type not in (None, "business_associate") and bool(_BA_OF_THE_CE.search(text[:400]))
    if reporter_is_vendor and not filed_by_its_client and "third_party_vendor" in vectors and not _VENDORS_OWN_VENDOR.search(text):
        vectors.pop("third_party_vendor")  # a vendor's own breach, unless HHS files it as its client's ("Acme, a BA of Lakeside Clinic, reported")
    if "stolen_device" in vectors:
        vectors.pop("lost_device", None)  # "the missing laptop" of a theft
        paper_sentence = _sentence_at(text, vectors["paper_theft"].start) if "paper_theft" in vectors else ""
        physical = _PHYSICAL_PAPER.search(paper_sentence) or ("paper_films" in locations and re.search(r"\bfolders?\b|\bcharts\b", paper_sentence, re.I))
        if paper_sentence and _DEVICE_WORD.search(paper_sentence) and not physical and not _DEVICE_AND_PAPER.search(paper_sentence):
            vectors.pop("paper_theft")  # "a hard drive containing patient records was stolen"
    if "resolution_agreement" in found["outcomes"]:
        found["outcomes"].pop("corrective_action", None)  # the agreement's corrective action plan is part of it
    _gate_by_hhs_columns(text, vectors, breach_types, locations)
    _from_hhs_columns(text, vectors, breach_types, locations)
    remedied = vectors.get("software_vulnerability")
    if remedied is not None and remedied.rule == "vulnerability-remedied" and _TOLD_OTHERWISE & set(vectors):
        vectors.pop("software_vulnerability")  # "to address the vulnerability that allowed the breach" of a phishing email
    if "improper_disposal" in breach_types and "improper_disposal" not in vectors:
        disposal = _unnegated(_DISPOSAL_WORDS, text)
        if disposal is not None:  # HHS says so, and the summary tells of the disposal in its own words
            vectors["improper_disposal"] = Evidence("vectors", "improper_disposal", "disposal-hhs", *disposal)
    if not _SPECIFIC_HACKING & set(vectors):
        hacking = _unnegated(_HACKING_WORDS, text)
        if hacking is not None:
            vectors["hacking_unspecified"] = Evidence("vectors", "hacking_unspecified", "hacking-no-detail", *hacking)
    name, name_evidence = None, None
    if not reporter_is_vendor or filed_by_its_client:
        leads = entity_type not in (None, "business_associate") and bool(_BA_LEADS.match(text))
        name, name_evidence = _leading_business_associate(text) if leads else _business_associate_name(text)
        if name is None and entity_type not in (None, "business_associate"):
            name, name_evidence = _leading_business_associate(text)
    evidence = [item for kind in KINDS for item in found[kind].values()] + ([name_evidence] if name_evidence else [])
    return CaseFacts(
        **{kind: tuple(_in_vocabulary_order(kind, found[kind])) for kind in KINDS},
        business_associate=name,
        evidence=tuple(evidence),
    )


def _set_aside(rule: Rule, sentence: str, match: re.Match[str], amends: re.Match[str] | None) -> bool:
    """Whether a match states nothing about this breach, though its words are there."""
    start, end, words = match.start(), match.end(), match.group(0)
    if rule.negation_applies and (negated(sentence, start, end) or _NOT_BEFORE_LAST_WORD.search(words)) or rule.hedges_count and _hedged(sentence, start):
        return True  # ... or "the laptops were not stolen", "was never lost": the match's own verb negated
    if rule.kind == "vectors" and amends and start > amends.start():
        return True  # "..., and the CE retrained its staff on phishing": told of what was done afterwards
    if rule.kind == "actions" and (_FAILED_TO.search(_clause_before(sentence, start)) or _OBLIGED.search(_clause_before(sentence, start))):
        return True  # "failed to implement a mechanism to encrypt ePHI": OCR's finding, not a deed
    if rule.code == "passwords_reset":
        # "an unknown party gained access to the account and reset the employee’s password": the attacker's deed,
        # unless the entity was named after the attacker ("the CE terminated the unauthorized parties' access and reset ...")
        clause = _clause_before(sentence, start)
        attackers, entities = list(_ATTACKERS_DEED.finditer(clause)), list(_ENTITY_SUBJECT.finditer(clause))
        return bool(attackers) and (not entities or entities[-1].start() < attackers[-1].start())
    if rule.code == "software_vulnerability":
        # "scans to identify security vulnerabilities": flaws looked for, not one exploited; "a vulnerability on its
        # server that allowed the ePHI to be accessible via the Internet": data left open, which is a misconfiguration
        looked_for = words.lower().startswith(("vulnerab", "software", "security")) and bool(_LOOKED_FOR.search(sentence[:start]))
        looked_for = looked_for and not re.search(r"\b(?:exploited|targeted|allowed)\b", words, re.I)
        left_open = words.lower().startswith("vulnerab") and bool(_LEFT_OPEN.match(sentence[end:])) and not _ATTACK_TOLD.search(sentence)
        return looked_for or left_open
    if rule.code == "insider":
        return _not_misuse(sentence, start, end, words)
    if rule.code == "mailing_error" and re.search(r"\bto\s+(?:an?\s+)?unauthorized\s+(?:third[- ]part(?:y|ies)|\w+)$", words, re.I) and _DELIBERATE.search(sentence) and not (
        _BY_MISTAKE.search(sentence) or _MAILED_THING.search(sentence)
    ):
        return True  # "an employee impermissibly provided ePHI to an unauthorized individual": misuse, not a misdirected mailing
    if rule.code == "mailing_error" and re.match(r"(?:erroneously|incorrectly|mistakenly|improperly)\s+(?:merged|consolidated|combined|stuffed|inserted)|receiv", words, re.I):
        return not (_MAIL_WORDS.search(sentence) or re.search(r"\blists\b", sentence, re.I))  # "incorrectly merged records" in an EHR is no mailing
    if rule.code == "misconfiguration":
        return _not_a_fault(sentence, start, end, words)
    if rule.code == "encryption":
        # "ransomware infected its server and encrypted all of the data": the attacker's deed
        described = words.lower().startswith("encrypted") and re.search(r"\b(?:an?|the)\s+(?:[\w-]+\s+){0,2}and\s+$", sentence[:start], re.I)
        if _ATTACKER.search(words) or (described and (_THEFT_WORDS.search(sentence[end:]) or _LOSS_WORDS.search(sentence[end:]))):
            return True  # "deployed a ransomware attack that encrypted files"; "a password-protected and encrypted drive was lost"
        attackers = list(_ATTACKER.finditer(sentence[:start]))
        return words.lower().startswith("encrypted") and bool(attackers) and not re.search(
            r"\b(?:the\s+)?(?:CE|BA|covered\s+entity|business\s+associate|it|they)\b", sentence[attackers[-1].end():start], re.I)  # "an employee mistakenly took home documents": an error, not misuse
    if rule.code == "third_party_vendor":
        if re.search(r"^[^.;]{0,60}?\bto\s+(?:send|mail|provide)\s+(?:\w+\s+){0,3}?(?:letters?|notices?|notifications?)\b", sentence[end:], re.I):
            return True  # "it used a third-party mailing company to send letters to the affected individuals": the notice
        if re.search(r"\b(?:provided|offered|trained|retrained|re-trained|educated|required|reminded|instructed)\s+(?:all\s+)?(?:of\s+)?(?:its|their|the\s+CE['’]s)\s+(?:\w+\s+)?$", sentence[max(0, start - 60):start], re.I):
            return True  # "the CE also provided its business associates with additional training": a remedy
        if re.search(r"\b(?:business\s+associate|BA)\s+agreements?\s+(?:\(BAAs?\)\s+)?with\s+(?:all\s+)?(?:of\s+)?(?:its\s+|their\s+|the\s+CE['’]s\s+)?(?:existing\s+|current\s+)?$", sentence[max(0, start - 80):start], re.I):
            return True  # "business associate agreements with all existing business associates": the contracts
        agreements = _ABOUT_AGREEMENTS.search(sentence)
        if agreements and start > agreements.start():
            return True  # "satisfactory assurances that its business associate would safeguard PHI": the contract, not the breach
        # "sent the PHI to its mailing vendor", "worked with X, its EHR vendor": the vendor is not where it happened,
        # unless it was breached after it received the data
        return bool(_VENDOR_AS_RECIPIENT.search(sentence[max(0, start - 150):start]) and not _BREACHED_AFTER.search(sentence[end:end + 120]))
    return False


def _not_misuse(sentence: str, start: int, end: int, words: str) -> bool:
    """Whether a workforce member's deed is a mistake, the work itself, an attack or a third party's deed after all."""
    # "a workforce member inadvertently emailed the ePHI to a personal account", though not "an employee, whose access
    # had mistakenly not been limited, impermissibly accessed"; "... to complete his work off-site", unless sold after
    deed = re.split(r",\s|\band\s+(?:then\s+)?", re.sub(r"\b(?:who|whose)\s+[^,;]*,", " ", words))[-1]
    for_work = _FOR_WORK.search(sentence[end:]) and not re.search(r"\bsold\b|\bfraud\w*|\bidentity\s+theft\b", sentence[end:], re.I)
    attacked = re.search(r"\b(?:malware|virus|ransomware|hack(?:ed|er|ers|ing))\b", sentence, re.I) and not re.search(r"\bhacked\b", words, re.I)
    passed_on = re.search(r"\bthird[- ]part(?:y|ies),?\s+(?:who|which|that)\s+(?:then\s+|later\s+)?\w+", sentence[start:], re.I)  # the third party's deed
    mistaken = _BY_MISTAKE.search(deed) or _MISTAKE_AFTER.search(sentence[end:])
    return bool(mistaken or for_work or attacked or passed_on)


def _not_a_fault(sentence: str, start: int, end: int, words: str) -> bool:
    """Whether a system's exposure is the breach's notice, an attacker's deed, a human error, paper, or misuse after all."""
    if re.search(r"\bletters?\b|\bstatements?\b", words, re.I) or re.search(
            r"\bnoti(?:ce|fication)s?\b|\bpress\s+releases?\b|\babout\s+the\s+(?:breach|incident)\b", sentence[max(0, start - 60):end], re.I):
        return True  # "posted substitute notice on its website", "notice was posted on its public website": the notice, not the cause
    if re.match(r"(?:update|upgrade|change|modification)", words, re.I) and (
            _ATTACKER.search(sentence) or re.search(r"\bmalicious\b|\bunauthorized\s+(?:part(?:y|ies)|individuals?|persons?|users?)\b", sentence, re.I)):
        return True  # "a malicious update to its IT software allowed attackers in": the attack, not a fault
    if re.match(r"(?:error|glitch|bug|flaw|discrepancy)", words, re.I) and re.search(
            r"\bexploit\w*\s+(?:\w+\s+){0,3}$|\b(?:human|data[- ]entry|clerical|typing|typographical|manual)\s+$", sentence[:start], re.I):
        return True  # "a hacker exploited a flaw in its software" (a vulnerability); "a human error in its database"
    if re.search(r"\bable\s+to\b|\bcould\s+(?:access|view|see)\b", words, re.I):
        return not re.search(r"\b(?:portals?|apps?|applications?|tablets?|iPads?|kiosks?|websites?|web\s?sites?|software|online|accounts?|systems?)\b", sentence, re.I)  # patients who saw paper
    if re.match(r"uploaded\b", words, re.I) and re.search(r"\bhack\w*|\bwithout\s+(?:\w+\s+)?authori[sz]ation\b|\bimpermissibly\b", sentence, re.I):
        return True  # "... to the BA's website, which was later hacked"; "an employee impermissibly uploaded PHI to a website": misuse
    if re.match(r"(?:published|posted|placed|uploaded)\b", words, re.I):
        # "hackers exfiltrated files and posted them on a public website": the attackers' deed, not a fault
        return bool(_ATTACKER.search(sentence[:start]) or re.search(r"\bexfiltrat\w*|\bstole\b|\b(?:unidentified|unknown|unauthorized)\s+(?:persons?|individuals?|part(?:y|ies)|third\s+part(?:y|ies)|users?)\b", sentence[:start], re.I))
    if re.search(r"public", words, re.I) and _PHYSICAL_PUBLIC.search(sentence) and not _ONLINE.search(sentence):
        return True  # "paper documents left unattended and accessible to the public", "a publicly accessible dumpster"
    if re.match(r"(?:computer|data)\s", words, re.I):
        return bool(_MAIL_WORDS.search(sentence))  # "mailed letters to the wrong people due to a computer error": the mailing's cause
    return False


def _unnegated(pattern: re.Pattern[str], text: str) -> tuple[int, int] | None:
    """The span in the summary of the first match that no negation, hypothesis or remediation covers."""
    for offset, sentence, remediation in _told(text):
        for match in pattern.finditer(sentence):
            if not (negated(sentence, match.start(), match.end(), inside=True) or _hedged(sentence, match.start()) or remediation):
                return offset + match.start(), offset + match.end()
    return None


def _gate_by_hhs_columns(text: str, vectors: dict[str, Evidence], breach_types: tuple[str, ...], locations: tuple[str, ...]) -> None:
    """A device is lost or stolen only in a report of a loss or theft, and paper stolen only in a report of a
    theft where HHS lists paper or the summary's words can only mean paper ("a laptop and paper charts"). Records
    that fell on a road were disposed of only on their way to destruction or where HHS calls it a disposal."""
    if not breach_types and not locations:
        return
    for code in ("lost_device", "stolen_device"):
        if code in vectors and not {"loss", "theft", "other", "unknown"} & set(breach_types):
            vectors.pop(code)
    road = vectors.get("improper_disposal")
    if road and road.rule == "disposal-road" and "improper_disposal" not in breach_types and not _DISPOSAL_WORDS.search(_sentence_at(text, road.start)):
        vectors.pop("improper_disposal")  # records dropped on the road are a disposal only on the way to one, or where HHS says so
    if "paper_theft" in vectors and not ({"theft"} & set(breach_types) and (
        {"paper_films", "other"} & set(locations) or _PHYSICAL_PAPER.search(_sentence_at(text, vectors["paper_theft"].start))
        or _DEVICE_AND_PAPER.search(_sentence_at(text, vectors["paper_theft"].start))
    )):
        vectors.pop("paper_theft")  # HHS lists no paper, and the summary names no paper either


_THEFT_WORDS = re.compile(r"\bstol(?:e|en)\b|(?<!identity\s)\btheft\b|\bburglar\w*|\bbroke\s+into\b|\bbreak-?\s?ins?\b|\brobbe(?:ry|d)\b|\bloot(?:ed|ing)\b", re.I)
_THEFT_WORDS_NO_BREAK_IN = re.compile(r"\bstol(?:e|en)\b(?!\s+identit)|\b(?:intruders?|burglars?|thie(?:f|ves)|perpetrators?|suspects?|robbers?)\s+(?:\w+\s+)?(?:took|carried\s+(?:off|away))\b|(?<!identity\s)\btheft\b|\brobbe(?:ry|d)\b|\bloot(?:ed|ing)\b|\b(?:was|were|had\s+been)\s+taken\b(?!\s+(?:home|off(?:site|-site)?\b|out\s+of\s+the\s+office\s+to\s+work))", re.I)
"""A theft's own words, without a break-in's: paper in a burgled office was not always taken."""
_LOSS_WORDS = re.compile(r"\blost\b|\bmissing\b|\bmisplaced\b|\bmislaid\b|\bunaccounted\s+for\b|\bcould\s+not\s+be\s+(?:located|found)\b", re.I)
_PAPER_WORD = re.compile(rf"\b{_PAPER}\b|\bhard\s+copies\b|\b(?:census|billing|charge)\s+(?:reports|tickets)\b|\bbooklets\b|\binvoices\b|\bprescriptions\b", re.I)
_ANYTHING = re.compile(r"")
_TAKEN_WORDS = re.compile(r"\b(?:e?PHI|\(PHI\)|information|records|documents|files|charts|prescriptions)\b[^;.]{0,80}?\b(?:was|were|had\s+been)\s+stolen\b|\bstole\s+(?:\w+\s+){0,4}?(?:e?PHI|protected|information|records|documents|files|charts)\b|(?<!identity\s)\btheft\s+of\s+(?:the\s+|this\s+|their\s+)?(?:e?PHI|protected|information|records|documents|files|charts|hard\s+copies)\b", re.I)
"""A theft that says the PHI or records were taken: a burglary may have taken nothing ("its office was burglarized"),
and "a theft took place" does not say what."""
_DEVICE_LOCATIONS = {"laptop", "desktop_computer", "other_portable_device", "network_server", "other"}


def _from_hhs_columns(text: str, vectors: dict[str, Evidence], breach_types: tuple[str, ...], locations: tuple[str, ...]) -> None:
    """Where HHS lists a theft or a loss and the summary tells of it in its own words ("the car was
    stolen; inside was a laptop"), what was stolen or lost is the device or paper the summary names there
    (in that sentence or the next) and HHS lists as the location. Where paper is all HHS lists, the summary
    need not name it ("the PHI was stolen during a robbery"), though it must say something was taken."""
    located = set(locations)
    wanted = []
    if "theft" in breach_types and not {"stolen_device", "paper_theft", "lost_device"} & set(vectors):
        if located & _DEVICE_LOCATIONS:
            wanted.append(("stolen_device", _THEFT_WORDS, _DEVICE_WORD, "theft-hhs"))
        if "paper_films" in located:
            wanted.append(("paper_theft", _THEFT_WORDS_NO_BREAK_IN, _PAPER_WORD, "paper-theft-hhs"))
        if located == {"paper_films"}:
            wanted.append(("paper_theft", _TAKEN_WORDS, _ANYTHING, "paper-theft-hhs"))  # whatever was stolen was paper
    if "loss" in breach_types and not {"stolen_device", "lost_device"} & set(vectors) and located & _DEVICE_LOCATIONS:
        wanted.append(("lost_device", _LOSS_WORDS, _DEVICE_WORD, "loss-hhs"))
    if not wanted:
        return
    told = list(_told(text))
    for code, event, thing, rule in wanted:
        if code in vectors:
            continue
        for index, (offset, sentence, remediation) in enumerate(told):
            if remediation:
                continue
            near = sentence + (told[index + 1][1] if index + 1 < len(told) else "")
            match = next((m for m in event.finditer(sentence) if not (negated(sentence, m.start(), m.end()) or _hedged(sentence, m.start()))), None)
            if match and thing.search(near):
                vectors[code] = Evidence("vectors", code, rule, offset + match.start(), offset + match.end())
                break


def _in_vocabulary_order(kind: str, codes: dict[str, Evidence]) -> list[str]:
    order = vocabulary(VOCABULARY_OF_KIND[kind]).codes
    return sorted(codes, key=order.index)


def explain(text: str, facts: CaseFacts, width: int = 60) -> list[str]:
    """One line per fact: kind, code, rule and the words it matched, for a person tracing a wrong fact.
    For the terminal only: the words are OCR's, and must never be written into the project."""
    lines = []
    for item in facts.evidence:
        words = " ".join(text[item.start:item.end].split())
        if len(words) > width:
            words = words[: width - 1] + "…"
        lines.append(f"{item.kind:<18} {item.code:<24} {item.rule:<24} “{words}”")
    return lines
