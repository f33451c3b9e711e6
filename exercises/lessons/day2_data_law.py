"""Day 2: the law on using and sharing data, as it stands in December 2026.

Answer keys and reference lists for the page on data law (UK GDPR lawful bases, data
protection impact assessments, the Caldicott principles, the health and care duty to
share, information-sharing agreements). Plain Python: nothing here imports ipywidgets.
"""

from __future__ import annotations

import pandas as pd

from exercises.lessons.common import ChoiceKey, SortKey

PUBLIC_TASK = "Public task"
LEGAL_OBLIGATION = "Legal obligation"
CONSENT = "Consent"
VITAL_INTERESTS = "Vital interests"
NOT_PERSONAL = "Not personal data"

# UK GDPR Article 6(1): the six lawful bases, in the Article's order, with what each
# usually means for a public body. (The Data (Use and Access) Act 2025 adds a seventh,
# "recognised legitimate interests", Article 6(1)(ea).)
LAWFUL_BASES: tuple[tuple[str, str, str], ...] = (
    (
        "(a) Consent",
        "The person has freely agreed, for a specific purpose.",
        "Rarely right for a public body's core work: the power imbalance means consent is seldom freely given, "
        "and the person can withdraw it at any time.",
    ),
    ("(b) Contract", "Needed for a contract with the person.", "Uncommon in commissioning."),
    ("(c) Legal obligation", "Needed to comply with a law.", "For example a statutory return to government."),
    ("(d) Vital interests", "Needed to protect someone's life.", "Emergencies only, when no other basis will do."),
    (
        "(e) Public task",
        "Needed for a task in the public interest or an official function with a basis in law.",
        "The usual basis for councils, the NHS and the police: name the statute that gives the function.",
    ),
    (
        "(f) Legitimate interests",
        "Needed for the organisation's legitimate interests, balanced against the person's.",
        "Not available to a public authority for its public tasks; voluntary and private providers use it.",
    ),
)

# The eight Caldicott principles (National Data Guardian, December 2020), in our words.
CALDICOTT: tuple[str, ...] = (
    "Justify the purpose for using confidential information.",
    "Use confidential information only when it is necessary.",
    "Use the minimum necessary confidential information.",
    "Access to confidential information should be on a strict need-to-know basis.",
    "Everyone with access to confidential information should understand their responsibilities.",
    "Comply with the law.",
    "The duty to share information for individual care is as important as the duty to protect confidentiality.",
    "Inform patients and service users about how their confidential information is used.",
)

# What an information-sharing agreement sets out (after the ICO's data sharing code, 2021).
SHARING_AGREEMENT: tuple[tuple[str, str], ...] = (
    ("Purpose", "What the sharing is for, and the benefit to people, in plain words."),
    ("Parties and roles", "Who shares with whom; who is a controller, a joint controller or a processor."),
    (
        "Lawful basis",
        "The Article 6 basis and, for health or other special category data, the Article 9 condition; "
        "for confidential patient information, how the common law duty of confidence is met.",
    ),
    ("Data items", "Exactly which fields, at what level (named, pseudonymised or aggregate): the minimum needed."),
    ("Transparency", "How people are told (privacy notices) and how they can object."),
    ("Security and access", "How it is sent, stored and who may see it."),
    ("Retention and deletion", "How long each party keeps it, and how it is destroyed."),
    ("Rights and requests", "Who handles subject access requests, complaints and breaches."),
    ("Review", "When the agreement is reviewed, and who signs it off."),
)


def lawful_bases_table() -> pd.DataFrame:
    """The six Article 6 lawful bases, what they mean, and what they mean for public bodies."""
    return pd.DataFrame(LAWFUL_BASES, columns=["Lawful basis (Article 6(1))", "What it means", "For a public body"])


def sharing_agreement_table() -> pd.DataFrame:
    """The headings of an information-sharing agreement, with what each covers."""
    return pd.DataFrame(SHARING_AGREEMENT, columns=["Heading", "What it covers"])


LAWFUL_BASIS_SORT = SortKey(
    categories=(PUBLIC_TASK, LEGAL_OBLIGATION, CONSENT, VITAL_INTERESTS, NOT_PERSONAL),
    answers={
        "A council and a GP practice share named social care and GP records to plan one person's care": PUBLIC_TASK,
        "A council sends a statutory data return about children in care to the Department for Education": LEGAL_OBLIGATION,
        "A walking group run by a charity asks residents to join its mailing list": CONSENT,
        "A paramedic tells the emergency department about an unconscious man's allergy": VITAL_INTERESTS,
        "A public health team publishes falls admissions per ward, with counts under 10 suppressed": NOT_PERSONAL,
        "An ICB and a council combine records to find older people at high risk of falling and offer them help": PUBLIC_TASK,
    },
    feedback={
        "A council and a GP practice share named social care and GP records to plan one person's care": "Public task, with "
        "the Article 9 condition for health and social care. This is direct care: the Caldicott principles and the "
        "duty to share (section 251B) expect it, and the person's reasonable expectations cover it.",
        "A council sends a statutory data return about children in care to the Department for Education": "Legal "
        "obligation: a law requires the return. (Public task would also be arguable; what matters is naming the law.)",
        "A walking group run by a charity asks residents to join its mailing list": "Consent: the person chooses freely, "
        "and nothing is lost if they say no. A charity could also use legitimate interests; a council doing its "
        "statutory work should not rely on consent.",
        "A paramedic tells the emergency department about an unconscious man's allergy": "Vital interests: his life may "
        "depend on it and he cannot agree. It is also direct care.",
        "A public health team publishes falls admissions per ward, with counts under 10 suppressed": "Not personal data, "
        "if it is truly anonymous: counts by ward, with small numbers suppressed so that no one can be picked out. "
        "Making the statistics from named records is still processing personal data.",
        "An ICB and a council combine records to find older people at high risk of falling and offer them help": "Public "
        "task, with an Article 9 condition. Because it matches data sets and profiles people on health data at scale, "
        "it needs a data protection impact assessment first, and a route through the common law duty of "
        "confidentiality (for example, that the offer of help is direct care, or support under section 251).",
    },
)

DPIA_NEEDED = ChoiceKey(
    options={
        "Yes, before it starts: it profiles people at scale using health data and matches data sets": (
            "Right. UK GDPR Article 35 requires a DPIA where processing is likely to result in a high risk; large-scale "
            "special category data, data matching and profiling are on the ICO's list. If a high risk remains after "
            "mitigation, you must consult the ICO before you start."
        ),
        "Only if residents complain": "No. A DPIA is done before the processing, not after a complaint.",
        "No: public bodies are exempt when the purpose is to help people": (
            "No. A good purpose does not remove the duty. Public task gives you a lawful basis; the DPIA shows the "
            "processing is necessary, proportionate and safe."
        ),
        "No: the data will be pseudonymised": (
            "No. Pseudonymised data is still personal data: whoever holds the key can re-identify people. "
            "Pseudonymising is a safeguard to record in the DPIA, not a reason to skip it."
        ),
    },
    answer="Yes, before it starts: it profiles people at scale using health data and matches data sets",
)

CALDICOTT_SHARE = ChoiceKey(
    options={
        "Principle 3: use the minimum necessary": "A real principle, but not the one that tells you to share.",
        "Principle 7: the duty to share for individual care is as important as the duty to protect confidentiality": (
            "Right. Dame Fiona Caldicott added it in 2013 because staff were failing to share information that "
            "people's care needed. Principle 8 (2020) adds: tell people how their information is used."
        ),
        "Principle 6: comply with the law": "A real principle, but it does not settle whether to share.",
        "There is no such principle; confidentiality always comes first": (
            "No. Failing to share for someone's care can harm them. Inquiries into deaths have often found that "
            "information sat with one agency while another acted without it."
        ),
    },
    answer="Principle 7: the duty to share for individual care is as important as the duty to protect confidentiality",
)
