"""The enumerations of the content model: audiences, topics, kinds, confidence, review status."""

from __future__ import annotations

import enum

__all__ = [
    "Audience",
    "ChannelKind",
    "Confidence",
    "Need",
    "ResourceKind",
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
    SMS = "sms"
    CHAT = "chat"
    EMAIL = "email"
    WEB = "web"


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
