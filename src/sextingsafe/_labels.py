"""Interface labels that apps and the CLI show around the content, translated like the content.

``pybabel extract`` reads this module with Babel's Python extractor (see ``babel.cfg``): the
calls below only mark the messages; :meth:`sextingsafe.Catalogue.label` looks them up.
"""

from __future__ import annotations

__all__ = ["LABELS", "PLURAL_LABELS"]


def pgettext(context: str, message: str) -> tuple[str, str]:
    """Mark a label for extraction; return ``(context, message)``."""
    return context, message


def npgettext(context: str, singular: str, plural: str) -> tuple[str, str, str]:
    """Mark a label with a count for extraction; return ``(context, singular, plural)``."""
    return context, singular, plural


_SINGULAR = (
    pgettext("ui:where-to-get-help", "Where to get help"),
    pgettext("ui:tip-of-the-day", "Tip of the day"),
    pgettext("ui:sources", "Sources"),
    pgettext("ui:caveat", "Caveat"),
    pgettext("ui:content-note", "Content note"),
    pgettext("ui:original-words", "Original words"),
    pgettext("ui:translation", "Translation"),
    pgettext("ui:unreviewed", "Machine-quality translation, not yet reviewed by a person"),
    pgettext("ui:not-translated", "Not yet translated into your language; shown in English"),
    pgettext("ui:pseudonym", "not their real name"),
    pgettext("ui:phone", "Phone"),
    pgettext("ui:sms", "Text"),
    pgettext("ui:chat", "Chat"),
    pgettext("ui:email", "Email"),
    pgettext("ui:web", "Website"),
    pgettext("ui:whatsapp", "WhatsApp"),
    pgettext("ui:app", "App"),
    pgettext("ui:hours", "Hours"),
    pgettext("ui:worldwide", "Available from anywhere"),
    pgettext("ui:partial", "Some details of this service are not fully confirmed"),
    pgettext("ui:report-a-correction", "Report a wrong number or text"),
    pgettext("ui:last-checked", "Last checked"),
    pgettext(
        "ui:evidence-undated",
        "The date of the evidence for these details is not recorded: check before relying on them",
    ),
    pgettext("ui:undated", "no date"),
    pgettext("ui:source", "Source"),
    pgettext("ui:in-print", "in print"),
    pgettext("ui:next-date-unknown", "next date not yet known"),
    pgettext("ui:read-at-a-copy", "read at a copy"),
    pgettext("ui:as-of", "as of"),
    pgettext(
        "ui:stale", "Checked against evidence more than two years old: confirm before relying on it"
    ),
    pgettext("ui:closed", "This service has closed"),
    # The limits of removal and reporting tools, shown wherever a tool is offered.
    pgettext(
        "ui:limit-public-internet-only",
        "It can only remove images that are public online, "
        "not ones in private chats or saved on someone's device.",
    ),
    pgettext(
        "ui:limit-on-your-device",
        "You need to have the image or video on your own device to use it.",
    ),
    pgettext(
        "ui:limit-not-encrypted-services", "It does not work on end-to-end encrypted services."
    ),
    pgettext(
        "ui:limit-participating-companies", "It only works on the apps and sites that take part."
    ),
    pgettext("ui:limit-exact-copies", "It matches exact copies of the image only."),
    pgettext(
        "ui:limit-do-not-share", "Do not download or send the image to anyone in order to use it."
    ),
    pgettext(
        "ui:limit-keep-case-number",
        "Write down your case number and PIN: they cannot be recovered.",
    ),
    # Field names and terms, as the Sphinx extension's catalogue pages show them.
    pgettext("ui:place", "Place"),
    pgettext("ui:population", "Population"),
    pgettext("ui:period", "Period"),
    pgettext("ui:note", "Note"),
    pgettext("ui:audiences", "For"),
    pgettext("ui:topics", "Topics"),
    pgettext("ui:applies-in", "Applies in"),
    pgettext("ui:everywhere", "Everywhere"),
    pgettext("ui:operator", "Run by"),
    pgettext("ui:countries", "Countries"),
    pgettext("ui:also-by", "Also by"),
    pgettext("ui:other", "Other"),
    pgettext("ui:full-entry", "Full entry"),
    pgettext("ui:audience-young-people", "Young people"),
    pgettext("ui:audience-parents-carers", "Parents and carers"),
    pgettext("ui:audience-professionals", "Professionals"),
    pgettext("ui:audience-adults", "Adults"),
    pgettext("ui:topic-before-sending", "Before sending"),
    pgettext("ui:topic-being-asked", "Being asked or pressured"),
    pgettext("ui:topic-sent-an-image", "If you sent an image"),
    pgettext("ui:topic-received-an-image", "If you received an image"),
    pgettext("ui:topic-image-shared", "If an image has been shared"),
    pgettext("ui:topic-sextortion", "Threats and sextortion"),
    pgettext("ui:topic-reporting-and-removal", "Reporting and removal"),
    pgettext("ui:topic-the-law", "The law"),
    pgettext("ui:topic-police-response", "How the police respond"),
    pgettext("ui:topic-support", "Support and wellbeing"),
    pgettext("ui:topic-talking-about-it", "Talking about it"),
    pgettext("ui:topic-responding-calmly", "Responding calmly"),
    pgettext("ui:topic-responding-to-disclosure", "Responding to a disclosure"),
    pgettext("ui:topic-prevalence", "How common it is"),
    pgettext("ui:topic-ai-images", "AI-made and faked nude images"),
    pgettext("ui:topic-unwanted-images", "Unwanted nudes and cyberflashing"),
    pgettext("ui:topic-helping-a-friend", "Helping a friend"),
    pgettext("ui:topic-removal-tools", "What removal tools can and can't do"),
    pgettext("ui:topic-crisis-support", "Help right now"),
    pgettext("ui:topic-shared-someone-elses", "If you shared someone else's image"),
    pgettext("ui:kind-helpline", "Helpline"),
    pgettext("ui:kind-report", "Report"),
    pgettext("ui:kind-removal", "Removal"),
    pgettext("ui:kind-information", "Information"),
    # Help for the reader's country: the kinds of help (needs) and what is said around them.
    pgettext("ui:need-child-helpline", "Someone to talk to"),
    pgettext("ui:need-parent-helpline", "Advice for parents and carers"),
    pgettext("ui:need-professional-helpline", "Advice for professionals"),
    pgettext("ui:need-report-abuse", "Report abuse, grooming or threats"),
    pgettext("ui:need-report-csam", "Report sexual images of children online"),
    pgettext("ui:need-remove-image-under-18", "Get a nude image taken under 18 removed"),
    pgettext("ui:need-remove-image-adult", "Get an intimate image of an adult removed"),
    pgettext("ui:need-crisis-support", "Support in a crisis"),
    pgettext("ui:need-emergency", "In an emergency"),
    pgettext("ui:named-services", "The service this is about"),
    pgettext("ui:local-emergency-number", "your local emergency number"),
    pgettext("ui:in-danger-call", "If someone is in danger right now, call {emergency}."),
    pgettext(
        "ui:country-unknown",
        "Only services you can use from anywhere are shown. "
        "Tell us which country you are in to see the services there.",
    ),
    pgettext(
        "ui:country-not-covered",
        "We do not list services in your country yet. "
        "Only services you can use from anywhere are shown.",
    ),
)
_PLURAL = (
    npgettext("ui:places-to-get-help", "{count} place to get help", "{count} places to get help"),
    npgettext("ui:sources-count", "{count} source", "{count} sources"),
)

#: Label name (the context without ``ui:``) to English text.
LABELS = {context.removeprefix("ui:"): message for context, message in _SINGULAR}
#: Label name to the English singular and plural; the text has a ``{count}`` placeholder.
PLURAL_LABELS = {context.removeprefix("ui:"): (one, other) for context, one, other in _PLURAL}
