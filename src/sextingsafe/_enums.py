"""The enumerations of the content model: audiences, topics, kinds, confidence, review status."""

from __future__ import annotations

import enum

__all__ = [
    "Audience",
    "ChannelKind",
    "Confidence",
    "EmergencyUse",
    "Limit",
    "Need",
    "ResourceKind",
    "ResourceStatus",
    "Review",
    "SourceKind",
    "Topic",
]


class Audience(enum.StrEnum):
    """Who a piece of advice or a resource is for."""

    YOUNG_PEOPLE = "young-people"
    PARENTS_CARERS = "parents-carers"
    PROFESSIONALS = "professionals"
    #: Adults (18 and over) whose own images are involved; used for resources.
    ADULTS = "adults"


class Topic(enum.StrEnum):
    """What an item is about."""

    BEFORE_SENDING = "before-sending"
    BEING_ASKED = "being-asked"
    SENT_AN_IMAGE = "sent-an-image"
    RECEIVED_AN_IMAGE = "received-an-image"
    IMAGE_SHARED = "image-shared"
    SEXTORTION = "sextortion"
    REPORTING_AND_REMOVAL = "reporting-and-removal"
    THE_LAW = "the-law"
    POLICE_RESPONSE = "police-response"
    SUPPORT = "support"
    TALKING_ABOUT_IT = "talking-about-it"
    RESPONDING_CALMLY = "responding-calmly"
    RESPONDING_TO_DISCLOSURE = "responding-to-disclosure"
    PREVALENCE = "prevalence"
    #: AI-made, "nudified" or otherwise faked nude images.
    AI_IMAGES = "ai-images"
    #: Being sent nudes or sexual images nobody asked for (including cyberflashing).
    UNWANTED_IMAGES = "unwanted-images"
    #: What to do when a friend or someone else is affected (being a bystander).
    HELPING_A_FRIEND = "helping-a-friend"
    #: What the report and removal tools can and cannot do.
    REMOVAL_TOOLS = "removal-tools"
    #: Support now for a young person who feels overwhelmed or unsafe.
    CRISIS_SUPPORT = "crisis-support"
    #: For a young person who shared an image of someone else.
    SHARED_SOMEONE_ELSES = "shared-someone-elses"


class ResourceKind(enum.StrEnum):
    """What a help resource does."""

    HELPLINE = "helpline"
    REPORT = "report"
    REMOVAL = "removal"
    INFORMATION = "information"


class Need(enum.StrEnum):
    """A kind of help that advice can call for and that resources meet.

    Advice names the help it needs; each reader gets, for each need, the services of their own
    country first and then services usable from anywhere.
    """

    #: Someone to talk to, for a child or young person (a child helpline).
    CHILD_HELPLINE = "child-helpline"
    #: Advice for parents, carers and other adults worried about a child.
    PARENT_HELPLINE = "parent-helpline"
    #: Advice for people who work with children (teachers, social workers, youth workers).
    PROFESSIONAL_HELPLINE = "professional-helpline"
    #: Reporting grooming, threats, sextortion or other online sexual abuse of a child.
    REPORT_ABUSE = "report-abuse"
    #: Reporting sexual images of children found online (a hotline).
    REPORT_CSAM = "report-csam"
    #: Getting a nude image removed that was taken when the person in it was under 18.
    REMOVE_IMAGE_UNDER_18 = "remove-image-under-18"
    #: Getting an intimate image of an adult removed (taken when they were 18 or over).
    REMOVE_IMAGE_ADULT = "remove-image-adult"
    #: Support now for someone in crisis or thinking about suicide or self-harm.
    CRISIS_SUPPORT = "crisis-support"
    #: Immediate danger: the country's emergency number.
    EMERGENCY = "emergency"


class ChannelKind(enum.StrEnum):
    """How a resource can be reached."""

    PHONE = "phone"
    #: A text message, to a number or short code, maybe with a keyword.
    SMS = "sms"
    #: Live chat on a web page.
    CHAT = "chat"
    WHATSAPP = "whatsapp"
    EMAIL = "email"
    #: A web page or online form.
    WEB = "web"
    #: A mobile app, by the address of its page.
    APP = "app"


class ResourceStatus(enum.StrEnum):
    """Whether a resource is running as recorded."""

    ACTIVE = "active"
    #: The service has closed; kept so that old links can say so.
    CLOSED = "closed"
    #: The service runs, but its operator or arrangements changed (see the resource's note).
    CHANGED = "changed"


class Limit(enum.StrEnum):
    """A limit of a removal or reporting tool, to state wherever the tool is offered."""

    #: It can only act on images that are public on the internet, not private chats or devices.
    PUBLIC_INTERNET_ONLY = "public-internet-only"
    #: You must have the image on your own device to use it.
    ON_YOUR_DEVICE = "on-your-device"
    #: It does not work on end-to-end encrypted services.
    NOT_ENCRYPTED_SERVICES = "not-encrypted-services"
    #: It only works on the companies that take part.
    PARTICIPATING_COMPANIES = "participating-companies"
    #: A digital fingerprint matches exact copies only.
    EXACT_COPIES = "exact-copies"
    #: Do not download or share the image in order to use it.
    DO_NOT_SHARE = "do-not-share"
    #: Note the case number and PIN: they cannot be recovered.
    KEEP_CASE_NUMBER = "keep-case-number"


class EmergencyUse(enum.StrEnum):
    """What an emergency number is for."""

    #: Every emergency service (police, ambulance, fire).
    GENERAL = "general"
    POLICE = "police"
    AMBULANCE = "ambulance"
    FIRE = "fire"


class SourceKind(enum.StrEnum):
    """What kind of publication a source is."""

    NEWS = "news"
    REPORT = "report"
    GUIDANCE = "guidance"
    LAW = "law"
    SURVEY = "survey"
    PAPER = "paper"
    OFFICIAL = "official"
    CAMPAIGN = "campaign"


class Confidence(enum.StrEnum):
    """How well a resource's details are confirmed by its sources."""

    #: Confirmed by the operator, a government page or several independent reports.
    VERIFIED = "verified"
    #: Found only in a secondary, old or single source, or with conflicting details.
    PARTIAL = "partial"


class Review(enum.StrEnum):
    """The review status of one piece of text in one locale."""

    #: The original text as the editors wrote and sourced it (English, or a quote's language).
    SOURCE = "source"
    #: A translation that a named human reviewer has checked.
    REVIEWED = "reviewed"
    #: A translation nobody has reviewed yet (machine-quality until proven otherwise).
    UNREVIEWED = "unreviewed"
