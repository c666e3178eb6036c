"""The HTML of every kind of localised view, written out in full: escaped, with lang and dir."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

from sextingsafe import Catalogue
from sextingsafe._html import correction_html, emergency_html, resource_html
from sextingsafe._localized import LocalizedText

PACKS = Path(__file__).parent / "packs"
#: The day freshness is judged on: evidence from 2019 is stale, from November 2026 is not.
DAY = dt.date(2026, 12, 7)

#: (pack, collection, id, locale) -> the exact HTML of that view.
PAGES = {
    ("example", "facts", "example-share", "fr"): (
        '<figure class="sextingsafe-fact" data-id="example-share"><p>'
        '<span lang="fr" dir="ltr">Entre 1 janv. 2017\u2009–\u200919 août 2019, 14,8\xa0% des 12\u202f500 signalements d&#x27;exemple ont été clos en 2019.</span>'
        '</p><figcaption><span class="sextingsafe-sources"><cite>'
        '<a href="https://example.org/guidance">Example guidance for testing packs</a>'
        '</cite> (Example Safeguarding Partnership, <time datetime="2024-03-11">11 mars 2024</time>)</span>'
        "</figcaption></figure>"
    ),
    ("selection", "facts", "sel-fact-gb", "ar"): (
        '<figure class="sextingsafe-fact" data-id="sel-fact-gb"><p>'
        '<span lang="en" dir="ltr">Between 1 January 2019 and 31 December 2020, police in a fictional UK force recorded 1,234,567 reports.</span>'
        '</p><p class="sextingsafe-caveat">'
        '<span lang="en" dir="ltr">A recorded report is not a charge.</span></p>'
        '<figcaption><span class="sextingsafe-sources"><cite>'
        '<a href="https://example.org/selection">Fictional guidance for the selection tests</a>'
        '</cite> (Example Council, <time datetime="2024-05-01">01\u200f/05\u200f/2024</time>); <cite>A fictional printed report</cite> (Example Press, <time datetime="2023-02-14">14\u200f/02\u200f/2023</time>)</span>'
        "</figcaption></figure>"
    ),
    ("selection", "facts", "sel-fact-everywhere", "ar"): (
        '<figure class="sextingsafe-fact" data-id="sel-fact-everywhere"><p>'
        '<span lang="ar" dir="rtl">في استطلاع خيالي، قال 86% من <bdi dir="ltr">4,200</bdi> شاب إنهم لم يرسلوا صورة عارية قط.</span>'
        '</p><figcaption><span class="sextingsafe-sources"><cite>'
        '<a href="https://example.org/selection">Fictional guidance for the selection tests</a>'
        '</cite> (Example Council, <time datetime="2024-05-01">01\u200f/05\u200f/2024</time>)</span>'
        "</figcaption></figure>"
    ),
    ("example", "quotes", "example-speaker-talk", "fr"): (
        '<figure class="sextingsafe-quote" data-id="example-speaker-talk">'
        '<blockquote lang="en" dir="ltr">Talking helps.</blockquote>'
        '<figcaption>Sam <span class="sextingsafe-pseudonym">*</span>, <span lang="en" dir="ltr">Example youth worker</span>, <time datetime="2024-03-11">11 mars 2024</time>. <span class="sextingsafe-sources">'
        "<cite>"
        '<a href="https://example.org/guidance">Example guidance for testing packs</a>'
        '</cite> (Example Safeguarding Partnership, <time datetime="2024-03-11">11 mars 2024</time>)</span>'
        "</figcaption></figure>"
    ),
    ("selection", "quotes", "sel-alex-en", "fr"): (
        '<figure class="sextingsafe-quote" data-id="sel-alex-en">'
        '<blockquote lang="en" dir="ltr">Nobody should be shamed for asking for help.</blockquote>'
        '<blockquote class="sextingsafe-translation" data-review="unreviewed">'
        '<span lang="fr" dir="ltr">Personne ne devrait avoir honte de demander de l&#x27;aide.</span>'
        "</blockquote>"
        '<figcaption>Alex Example, <span lang="en" dir="ltr">Fictional safeguarding lead</span>, <time datetime="2024-05-01">1 mai 2024</time>. <span class="sextingsafe-sources">'
        "<cite>"
        '<a href="https://example.org/selection">Fictional guidance for the selection tests</a>'
        '</cite> (Example Council, <time datetime="2024-05-01">1 mai 2024</time>)</span>'
        "</figcaption></figure>"
    ),
    ("selection", "quotes", "sel-bea-en", "fr"): (
        '<figure class="sextingsafe-quote" data-id="sel-bea-en">'
        '<p class="sextingsafe-content-note">'
        '<span lang="en" dir="ltr">Mentions feeling alone.</span></p>'
        '<blockquote lang="en" dir="ltr">I thought I was the only one.</blockquote>'
        '<figcaption>Bea <span class="sextingsafe-pseudonym">*</span>, <span lang="en" dir="ltr">Fictional young person</span>, <time datetime="2023-02-14">14 févr. 2023</time>. <span class="sextingsafe-sources">'
        '<cite>A fictional printed report</cite> (Example Press, <time datetime="2023-02-14">14 févr. 2023</time>)</span>'
        "</figcaption></figure>"
    ),
    ("example", "advice", "example-talk", "fr"): (
        '<article class="sextingsafe-advice" data-id="example-talk" data-country-unknown>'
        "<h3>"
        '<span lang="fr" dir="ltr">Parle à quelqu&#x27;un en qui tu as confiance</span>'
        "</h3><p>"
        '<span lang="fr" dir="ltr">Tu peux parler à un adulte de confiance de tout ce qui t&#x27;inquiète.</span>'
        '</p><section class="sextingsafe-help"><p class="sextingsafe-country-unknown">'
        '<span lang="en" dir="ltr">Only services you can use from anywhere are shown. Tell us which country you are in to see the services there.</span>'
        "</p></section></article>"
    ),
    ("example", "resources", "example-line", "fr"): (
        '<div class="sextingsafe-resource" data-id="example-line" data-confidence="partial">'
        "<strong><bdi>Example Line</bdi>"
        '</strong> (<bdi>Example Trust</bdi>): <span lang="en" dir="ltr">A fictional helpline used by the tests.</span> <span class="sextingsafe-reach">'
        '<span class="sextingsafe-channel" data-channel="phone">'
        '<a href="tel:0000000000"><bdi dir="ltr">0000 000 000</bdi></a></span> '
        '<a href="https://example.org/line"><bdi dir="ltr">https://example.org/line</bdi></a></span>'
        '<p class="sextingsafe-partial"><span lang="en" dir="ltr">Some details of this service are not fully confirmed</span></p>'
        '<p class="sextingsafe-undated"><span lang="en" dir="ltr">The date of the evidence for these '
        "details is not recorded: check before relying on them</span></p>"
        '<p class="sextingsafe-checked"><span lang="en" dir="ltr">Last checked</span>: '
        '<time datetime="2026-11-27" lang="fr" dir="ltr">27 nov. 2026</time></p></div>'
    ),
    ("reference", "scripts", "ref-saying-no", "fr"): (
        '<article class="sextingsafe-script" data-id="ref-saying-no"><h3>'
        '<span lang="fr" dir="ltr">Dire non</span></h3><p class="sextingsafe-situation">'
        '<span lang="en" dir="ltr">Someone asks you for a nude.</span></p><ol><li>'
        '<span lang="fr" dir="ltr">« Non, je ne veux pas. »</span></li><li>'
        '<span lang="en" dir="ltr">You don&#x27;t have to give a reason.</span></li><li>'
        '<span lang="fr" dir="ltr">Parle à un adulte de confiance.</span></li></ol>'
        '<span class="sextingsafe-sources"><cite>'
        '<a href="https://example.org/words">Example guidance on words and conversations</a>'
        '</cite> (Example Safeguarding Partnership, <time datetime="2024-03-11">11 mars 2024</time>)</span>'
        "</article>"
    ),
    ("reference", "glossary", "ref-image-abuse", "fr"): (
        '<div class="sextingsafe-term" data-id="ref-image-abuse"><dt>'
        '<span lang="fr" dir="ltr">abus fondé sur l&#x27;image</span></dt><dd><p>'
        '<span lang="en" dir="ltr">Sharing an intimate image of someone without their consent.</span>'
        '</p><p class="sextingsafe-usage">'
        '<span lang="en" dir="ltr">Say &quot;image-based abuse&quot;, not &quot;revenge porn&quot;.</span>'
        '</p><span class="sextingsafe-sources"><cite>'
        '<a href="https://example.org/words">Example guidance on words and conversations</a>'
        '</cite> (Example Safeguarding Partnership, <time datetime="2024-03-11">11 mars 2024</time>)</span>'
        "</dd></div>"
    ),
    ("reference", "glossary", "ref-nudes", "fr"): (
        '<div class="sextingsafe-term" data-id="ref-nudes"><dt>'
        '<span lang="en" dir="ltr">nudes</span></dt><dd><p>'
        '<span lang="en" dir="ltr">Nude or semi-nude images or videos.</span></p>'
        '<span class="sextingsafe-sources"><cite>'
        '<a href="https://example.org/words">Example guidance on words and conversations</a>'
        '</cite> (Example Safeguarding Partnership, <time datetime="2024-03-11">11 mars 2024</time>)</span>'
        "</dd></div>"
    ),
    ("reference", "faq", "ref-in-trouble", "fr"): (
        '<details class="sextingsafe-question" data-id="ref-in-trouble" data-country-unknown>'
        '<summary><span lang="fr" dir="ltr">Vais-je avoir des ennuis ?</span></summary><p>'
        '<span lang="en" dir="ltr">No. Whoever shared it is in the wrong. Talk to an adult you trust.</span>'
        '</p><section class="sextingsafe-help"><p class="sextingsafe-country-unknown">'
        '<span lang="en" dir="ltr">Only services you can use from anywhere are shown. '
        "Tell us which country you are in to see the services there.</span></p></section>"
        '<span class="sextingsafe-sources"><cite>'
        '<a href="https://example.org/words">Example guidance on words and conversations</a>'
        '</cite> (Example Safeguarding Partnership, <time datetime="2024-03-11">11 mars 2024</time>)</span>'
        "</details>"
    ),
    ("reference", "faq", "ref-parent-tell-school", "fr"): (
        '<details class="sextingsafe-question" data-id="ref-parent-tell-school"><summary>'
        '<span lang="en" dir="ltr">Should I tell the school?</span></summary><p>'
        '<span lang="en" dir="ltr">Yes: the school can help &lt;and&gt; support your child.</span>'
        '</p><span class="sextingsafe-sources"><cite>'
        '<a href="https://example.org/words">Example guidance on words and conversations</a>'
        '</cite> (Example Safeguarding Partnership, <time datetime="2024-03-11">11 mars 2024</time>)</span>'
        "</details>"
    ),
}


#: (collection, id, locale, country) -> the exact HTML of that view of the help-html pack.
HELP_PAGES = {
    ("advice", "hh-get-help", "en", "GB"): (
        '<article class="sextingsafe-advice" data-id="hh-get-help" data-country="GB"><h3>'
        '<span lang="en" dir="ltr">Get help</span></h3><p><span lang="en" dir="ltr">'
        "If you are in danger now, call 999 or 112. You can also talk to a helpline.</span></p>"
        '<section class="sextingsafe-help"><p class="sextingsafe-emergency" data-known="true">'
        '<span lang="en" dir="ltr">'
        'If someone is in danger right now, call <a href="tel:999" dir="ltr">999</a>'
        ' or <a href="tel:112" dir="ltr">112</a>.</span></p>'
        '<div class="sextingsafe-need" data-need="child-helpline">'
        '<h4 class="sextingsafe-need-label"><span lang="en" dir="ltr">Someone to talk to</span>'
        '</h4><ul class="sextingsafe-resources"><li>'
        '<div class="sextingsafe-resource" data-id="hh-gb-line" data-confidence="verified" data-stale="true">'
        "<strong><bdi>GB Line</bdi></strong> (<bdi>Example Trust</bdi>"
        '): <span lang="en" dir="ltr">A fictional helpline for young people in the UK.</span>'
        ' <span class="sextingsafe-hours"><span lang="en" dir="ltr">'
        "Monday–Friday 09:00–17:00 (United Kingdom Time)</span></span>"
        ' <span class="sextingsafe-reach">'
        '<span class="sextingsafe-channel sextingsafe-stale" data-channel="phone" data-stale="true">'
        '<a href="tel:+440000222"><bdi dir="ltr">0000 222</bdi></a>'
        ' <span class="sextingsafe-as-of"><span lang="en" dir="ltr">as of</span>'
        ' <time datetime="2019-03-01" lang="en" dir="ltr">1 Mar 2019</time></span></span>'
        ' <span class="sextingsafe-channel" data-channel="web"><span lang="en" dir="ltr">'
        'Website</span> <span class="sextingsafe-as-of"><span lang="en" dir="ltr">as of</span>'
        ' <time datetime="2026-11-01" lang="en" dir="ltr">1 Nov 2026</time></span></span>'
        ' <a href="https://example.org/gb-line"><bdi dir="ltr">'
        'https://example.org/gb-line</bdi></a></span><p class="sextingsafe-stale-note">'
        '<span lang="en" dir="ltr">'
        "Checked against evidence more than two years old: confirm before relying on it</span>"
        '</p><p class="sextingsafe-checked"><span lang="en" dir="ltr">Last checked</span>'
        ': <time datetime="2026-11-27" lang="en" dir="ltr">27 Nov 2026</time></p></div></li>'
        '<li><div class="sextingsafe-resource" data-id="hh-gb-chat" data-confidence="partial">'
        "<strong><bdi>GB Chat</bdi></strong> (<bdi>Example Trust</bdi>"
        '): <span lang="en" dir="ltr">'
        "A fictional chat service for young people in the UK, reached from an app.</span>"
        ' <p class="sextingsafe-partial"><span lang="en" dir="ltr">'
        "Some details of this service are not fully confirmed</span></p>"
        '<p class="sextingsafe-undated"><span lang="en" dir="ltr">'
        "The date of the evidence for these details is not recorded: check before relying on them</span>"
        '</p><p class="sextingsafe-checked"><span lang="en" dir="ltr">Last checked</span>'
        ': <time datetime="2026-11-27" lang="en" dir="ltr">27 Nov 2026</time></p></div></li>'
        '</ul></div><div class="sextingsafe-need" data-need="remove-image-under-18">'
        '<h4 class="sextingsafe-need-label"><span lang="en" dir="ltr">'
        'Get a nude image taken under 18 removed</span></h4><ul class="sextingsafe-resources">'
        '<li><div class="sextingsafe-resource" data-id="hh-remove" data-confidence="verified">'
        "<strong><bdi>Remove Tool</bdi></strong> (<bdi>Example Foundation</bdi>"
        '): <span lang="en" dir="ltr">A fictional removal tool usable from anywhere.</span>'
        ' <span class="sextingsafe-reach"><span class="sextingsafe-channel" data-channel="web">'
        '<bdi dir="ltr">https://example.org/remove</bdi> <span class="sextingsafe-as-of">'
        '<span lang="en" dir="ltr">as of</span>'
        ' <time datetime="2026-11-01" lang="en" dir="ltr">1 Nov 2026</time></span></span>'
        '</span><ul class="sextingsafe-limits"><li><span lang="en" dir="ltr">'
        "You need to have the image or video on your own device to use it.</span></li><li>"
        '<span lang="en" dir="ltr">It matches exact copies of the image only.</span></li></ul>'
        '<p class="sextingsafe-checked"><span lang="en" dir="ltr">Last checked</span>'
        ': <time datetime="2026-11-27" lang="en" dir="ltr">27 Nov 2026</time></p></div></li>'
        '</ul></div><p class="sextingsafe-correction">'
        '<a href="https://sextingsafe.readthedocs.io/en/latest/how-to/report-a-correction.html">'
        '<span lang="en" dir="ltr">Report a wrong number or text</span></a></p></section>'
        "</article>"
    ),
    ("advice", "hh-get-help", "en", None): (
        '<article class="sextingsafe-advice" data-id="hh-get-help" data-country-unknown><h3>'
        '<span lang="en" dir="ltr">Get help</span></h3><p><span lang="en" dir="ltr">'
        "If you are in danger now, call your local emergency number. You can also talk to a helpline.</span>"
        '</p><section class="sextingsafe-help"><p class="sextingsafe-country-unknown">'
        '<span lang="en" dir="ltr">'
        "Only services you can use from anywhere are shown. Tell us which country you are in to see the services there.</span>"
        '</p><p class="sextingsafe-emergency" data-known="false"><span lang="en" dir="ltr">'
        "If someone is in danger right now, call your local emergency number.</span></p>"
        '<div class="sextingsafe-need" data-need="remove-image-under-18">'
        '<h4 class="sextingsafe-need-label"><span lang="en" dir="ltr">'
        'Get a nude image taken under 18 removed</span></h4><ul class="sextingsafe-resources">'
        '<li><div class="sextingsafe-resource" data-id="hh-remove" data-confidence="verified">'
        "<strong><bdi>Remove Tool</bdi></strong> (<bdi>Example Foundation</bdi>"
        '): <span lang="en" dir="ltr">A fictional removal tool usable from anywhere.</span>'
        ' <span class="sextingsafe-reach"><span class="sextingsafe-channel" data-channel="web">'
        '<bdi dir="ltr">https://example.org/remove</bdi> <span class="sextingsafe-as-of">'
        '<span lang="en" dir="ltr">as of</span>'
        ' <time datetime="2026-11-01" lang="en" dir="ltr">1 Nov 2026</time></span></span>'
        '</span><ul class="sextingsafe-limits"><li><span lang="en" dir="ltr">'
        "You need to have the image or video on your own device to use it.</span></li><li>"
        '<span lang="en" dir="ltr">It matches exact copies of the image only.</span></li></ul>'
        '<p class="sextingsafe-checked"><span lang="en" dir="ltr">Last checked</span>'
        ': <time datetime="2026-11-27" lang="en" dir="ltr">27 Nov 2026</time></p></div></li>'
        '</ul></div><p class="sextingsafe-correction">'
        '<a href="https://sextingsafe.readthedocs.io/en/latest/how-to/report-a-correction.html">'
        '<span lang="en" dir="ltr">Report a wrong number or text</span></a></p></section>'
        "</article>"
    ),
    ("advice", "hh-get-help", "fr", "GB"): (
        '<article class="sextingsafe-advice" data-id="hh-get-help" data-country="GB"><h3>'
        '<span lang="en" dir="ltr">Get help</span></h3><p><span lang="en" dir="ltr">'
        "If you are in danger now, call 999 or 112. You can also talk to a helpline.</span></p>"
        '<section class="sextingsafe-help"><p class="sextingsafe-emergency" data-known="true">'
        '<span lang="en" dir="ltr">'
        'If someone is in danger right now, call <a href="tel:999" dir="ltr">999</a>'
        ' or <a href="tel:112" dir="ltr">112</a>.</span></p>'
        '<div class="sextingsafe-need" data-need="child-helpline">'
        '<h4 class="sextingsafe-need-label"><span lang="en" dir="ltr">Someone to talk to</span>'
        '</h4><ul class="sextingsafe-resources"><li>'
        '<div class="sextingsafe-resource" data-id="hh-gb-line" data-confidence="verified" data-stale="true">'
        "<strong><bdi>GB Line</bdi></strong> (<bdi>Example Trust</bdi>"
        '): <span lang="en" dir="ltr">A fictional helpline for young people in the UK.</span>'
        ' <span class="sextingsafe-hours"><span lang="fr" dir="ltr">'
        "lundi–vendredi 09:00\u2009–\u200917:00 (heure : Royaume-Uni)</span></span>"
        ' <span class="sextingsafe-reach">'
        '<span class="sextingsafe-channel sextingsafe-stale" data-channel="phone" data-stale="true">'
        '<a href="tel:+440000222"><bdi dir="ltr">0000 222</bdi></a>'
        ' <span class="sextingsafe-as-of"><span lang="fr" dir="ltr">au</span>'
        ' <time datetime="2019-03-01" lang="fr" dir="ltr">1 mars 2019</time></span></span>'
        ' <span class="sextingsafe-channel" data-channel="web"><span lang="en" dir="ltr">'
        'Website</span> <span class="sextingsafe-as-of"><span lang="fr" dir="ltr">au</span>'
        ' <time datetime="2026-11-01" lang="fr" dir="ltr">1 nov. 2026</time></span></span>'
        ' <a href="https://example.org/gb-line"><bdi dir="ltr">'
        'https://example.org/gb-line</bdi></a></span><p class="sextingsafe-stale-note">'
        '<span lang="en" dir="ltr">'
        "Checked against evidence more than two years old: confirm before relying on it</span>"
        '</p><p class="sextingsafe-checked"><span lang="fr" dir="ltr">'
        'Dernière vérification</span>: <time datetime="2026-11-27" lang="fr" dir="ltr">'
        "27 nov. 2026</time></p></div></li><li>"
        '<div class="sextingsafe-resource" data-id="hh-gb-chat" data-confidence="partial">'
        "<strong><bdi>GB Chat</bdi></strong> (<bdi>Example Trust</bdi>"
        '): <span lang="en" dir="ltr">'
        "A fictional chat service for young people in the UK, reached from an app.</span>"
        ' <p class="sextingsafe-partial"><span lang="en" dir="ltr">'
        "Some details of this service are not fully confirmed</span></p>"
        '<p class="sextingsafe-undated"><span lang="en" dir="ltr">'
        "The date of the evidence for these details is not recorded: check before relying on them</span>"
        '</p><p class="sextingsafe-checked"><span lang="fr" dir="ltr">'
        'Dernière vérification</span>: <time datetime="2026-11-27" lang="fr" dir="ltr">'
        "27 nov. 2026</time></p></div></li></ul></div>"
        '<div class="sextingsafe-need" data-need="remove-image-under-18">'
        '<h4 class="sextingsafe-need-label"><span lang="en" dir="ltr">'
        'Get a nude image taken under 18 removed</span></h4><ul class="sextingsafe-resources">'
        '<li><div class="sextingsafe-resource" data-id="hh-remove" data-confidence="verified">'
        "<strong><bdi>Remove Tool</bdi></strong> (<bdi>Example Foundation</bdi>"
        '): <span lang="en" dir="ltr">A fictional removal tool usable from anywhere.</span>'
        ' <span class="sextingsafe-reach"><span class="sextingsafe-channel" data-channel="web">'
        '<bdi dir="ltr">https://example.org/remove</bdi> <span class="sextingsafe-as-of">'
        '<span lang="fr" dir="ltr">au</span> <time datetime="2026-11-01" lang="fr" dir="ltr">'
        '1 nov. 2026</time></span></span></span><ul class="sextingsafe-limits"><li>'
        '<span lang="en" dir="ltr">'
        "You need to have the image or video on your own device to use it.</span></li><li>"
        '<span lang="en" dir="ltr">It matches exact copies of the image only.</span></li></ul>'
        '<p class="sextingsafe-checked"><span lang="fr" dir="ltr">Dernière vérification</span>'
        ': <time datetime="2026-11-27" lang="fr" dir="ltr">27 nov. 2026</time></p></div></li>'
        '</ul></div><p class="sextingsafe-correction">'
        '<a href="https://sextingsafe.readthedocs.io/en/latest/how-to/report-a-correction.html">'
        '<span lang="fr" dir="ltr">Signaler un numéro ou un texte erroné</span></a></p>'
        "</section></article>"
    ),
    ("advice", "hh-for-parents", "en", "GB"): (
        '<article class="sextingsafe-advice" data-id="hh-for-parents" data-country="GB"><h3>'
        '<span lang="en" dir="ltr">Help for parents</span></h3><p><span lang="en" dir="ltr">'
        "A helpline for parents can talk it through with you.</span></p></article>"
    ),
    ("faq", "hh-no-help", "en", "GB"): (
        '<details class="sextingsafe-question" data-id="hh-no-help"><summary>'
        '<span lang="en" dir="ltr">Is it OK to say no?</span></summary><p>'
        '<span lang="en" dir="ltr">Yes. You never have to send a nude.</span></p>'
        '<span class="sextingsafe-sources"><cite><a href="https://example.org/help-html">'
        "Fictional guidance for the help HTML tests</a></cite>"
        ' (Example Council, <time datetime="2024-05-01">1 May 2024</time>)</span></details>'
    ),
    ("resources", "hh-gb-line", "pt", None): (
        '<div class="sextingsafe-resource" data-id="hh-gb-line" data-confidence="verified" data-stale="true">'
        "<strong><bdi>GB Line</bdi></strong> (<bdi>Example Trust</bdi>"
        '): <span lang="en" dir="ltr">A fictional helpline for young people in the UK.</span>'
        ' <span class="sextingsafe-hours"><span lang="pt" dir="ltr">'
        "segunda-feira–sexta-feira 09:00\u2009–\u200917:00 (Hora de Reino Unido)</span></span>"
        ' <span class="sextingsafe-reach">'
        '<span class="sextingsafe-channel sextingsafe-stale" data-channel="phone" data-stale="true">'
        '<a href="tel:+440000222"><bdi dir="ltr">0000 222</bdi></a>'
        ' <span class="sextingsafe-as-of"><span lang="en" dir="ltr">as of</span>'
        ' <time datetime="2019-03-01" lang="pt" dir="ltr">01/03/2019</time></span></span>'
        ' <span class="sextingsafe-channel" data-channel="web"><span lang="en" dir="ltr">'
        'Website</span> <span class="sextingsafe-as-of"><span lang="en" dir="ltr">as of</span>'
        ' <time datetime="2026-11-01" lang="pt" dir="ltr">01/11/2026</time></span></span>'
        ' <a href="https://example.org/gb-line"><bdi dir="ltr">'
        'https://example.org/gb-line</bdi></a></span><p class="sextingsafe-stale-note">'
        '<span lang="en" dir="ltr">'
        "Checked against evidence more than two years old: confirm before relying on it</span>"
        '</p><p class="sextingsafe-checked"><span lang="en" dir="ltr">Last checked</span>'
        ': <time datetime="2026-11-27" lang="pt" dir="ltr">27/11/2026</time></p></div>'
    ),
    ("resources", "hh-gb-line", "tlh", None): (
        '<div class="sextingsafe-resource" data-id="hh-gb-line" data-confidence="verified" data-stale="true">'
        "<strong><bdi>GB Line</bdi></strong> (<bdi>Example Trust</bdi>"
        '): <span lang="en" dir="ltr">A fictional helpline for young people in the UK.</span>'
        ' <span class="sextingsafe-hours"><span lang="en" dir="ltr">'
        "Monday–Friday 09:00–17:00 (United Kingdom Time)</span></span>"
        ' <span class="sextingsafe-reach">'
        '<span class="sextingsafe-channel sextingsafe-stale" data-channel="phone" data-stale="true">'
        '<a href="tel:+440000222"><bdi dir="ltr">0000 222</bdi></a>'
        ' <span class="sextingsafe-as-of"><span lang="en" dir="ltr">as of</span>'
        ' <time datetime="2019-03-01" lang="en" dir="ltr">1 Mar 2019</time></span></span>'
        ' <span class="sextingsafe-channel" data-channel="web"><span lang="en" dir="ltr">'
        'Website</span> <span class="sextingsafe-as-of"><span lang="en" dir="ltr">as of</span>'
        ' <time datetime="2026-11-01" lang="en" dir="ltr">1 Nov 2026</time></span></span>'
        ' <a href="https://example.org/gb-line"><bdi dir="ltr">'
        'https://example.org/gb-line</bdi></a></span><p class="sextingsafe-stale-note">'
        '<span lang="en" dir="ltr">'
        "Checked against evidence more than two years old: confirm before relying on it</span>"
        '</p><p class="sextingsafe-checked"><span lang="en" dir="ltr">Last checked</span>'
        ': <time datetime="2026-11-27" lang="en" dir="ltr">27 Nov 2026</time></p></div>'
    ),
    ("resources", "hh-gb-chat", "en", None): (
        '<div class="sextingsafe-resource" data-id="hh-gb-chat" data-confidence="partial">'
        "<strong><bdi>GB Chat</bdi></strong> (<bdi>Example Trust</bdi>"
        '): <span lang="en" dir="ltr">'
        "A fictional chat service for young people in the UK, reached from an app.</span>"
        ' <p class="sextingsafe-partial"><span lang="en" dir="ltr">'
        "Some details of this service are not fully confirmed</span></p>"
        '<p class="sextingsafe-undated"><span lang="en" dir="ltr">'
        "The date of the evidence for these details is not recorded: check before relying on them</span>"
        '</p><p class="sextingsafe-checked"><span lang="en" dir="ltr">Last checked</span>'
        ': <time datetime="2026-11-27" lang="en" dir="ltr">27 Nov 2026</time></p></div>'
    ),
}

#: Pages in a locale Babel has no data for: dates as the text's own locale (English) writes them.
TLH = {
    ("facts", "example-share"): (
        '<figure class="sextingsafe-fact" data-id="example-share"><p><span lang="en" dir="ltr">'
        "In 1 Jan 2017\u2009–\u200919 Aug 2019, 14.8% of 12,500 example reports were closed in 2019.</span>"
        '</p><figcaption><span class="sextingsafe-sources"><cite>'
        '<a href="https://example.org/guidance">Example guidance for testing packs</a></cite>'
        ' (Example Safeguarding Partnership, <time datetime="2024-03-11">11 Mar 2024</time>'
        ")</span></figcaption></figure>"
    ),
    ("quotes", "example-speaker-talk"): (
        '<figure class="sextingsafe-quote" data-id="example-speaker-talk">'
        '<blockquote lang="en" dir="ltr">Talking helps.</blockquote><figcaption>'
        'Sam <span class="sextingsafe-pseudonym">*</span>, <span lang="en" dir="ltr">'
        'Example youth worker</span>, <time datetime="2024-03-11">11 Mar 2024</time>'
        '. <span class="sextingsafe-sources"><cite><a href="https://example.org/guidance">'
        "Example guidance for testing packs</a></cite>"
        ' (Example Safeguarding Partnership, <time datetime="2024-03-11">11 Mar 2024</time>'
        ")</span></figcaption></figure>"
    ),
}


class TestViewHtml:
    """Each view renders as this exact HTML: nothing dropped, added or left unescaped."""

    @pytest.fixture(scope="class")
    @classmethod
    def packs(cls) -> dict[str, Catalogue]:
        """The fixture packs, each alone."""
        return {
            name: Catalogue.load(PACKS / name, include_bundled=False)
            for name in ("example", "selection", "reference")
        }

    @pytest.mark.parametrize(("pack", "kind", "item_id", "locale"), PAGES)
    def test_html(
        self, packs: dict[str, Catalogue], pack: str, kind: str, item_id: str, locale: str
    ) -> None:
        """The view of the item in the locale is exactly the HTML written out above."""
        view = getattr(packs[pack], kind)[item_id].localize(locale)

        assert PAGES[pack, kind, item_id, locale] == view.__html__()

    @pytest.mark.parametrize(("kind", "item_id"), TLH)
    def test_locale_babel_does_not_know(
        self, packs: dict[str, Catalogue], kind: str, item_id: str
    ) -> None:
        """A reader's locale Babel has no data for (tlh) gets dates as the text's English has them."""
        view = getattr(packs["example"], kind)[item_id].localize("tlh")

        assert TLH[kind, item_id] == view.__html__()

    def test_region_babel_does_not_know(self, packs: dict[str, Catalogue]) -> None:
        """A reader's region Babel has no data for (fr-AQ) gets dates as the French text has them."""
        view = packs["example"].facts["example-share"].localize("fr-AQ")

        assert ("fr", "fr_AQ") == (view.statement.locale, view.statement.requested)
        assert '<time datetime="2024-03-11">11 mars 2024</time>' in view.__html__()


class TestHelpHtml:
    """Help in HTML: emergency numbers, services with dated and stale channels, removal limits."""

    @pytest.fixture(scope="class")
    @classmethod
    def pack(cls) -> Catalogue:
        """The help-html pack alone."""
        return Catalogue.load(PACKS / "help-html", include_bundled=False)

    @pytest.mark.parametrize(("kind", "item_id", "locale", "country"), HELP_PAGES)
    def test_html(
        self, pack: Catalogue, kind: str, item_id: str, locale: str, country: str | None
    ) -> None:
        """The view for the reader's country (or none), on a fixed day, is exactly this HTML.

        Dates follow the reader's locale in the variety its catalogue is written in (``pt``
        is written as in Portugal), or the text's own where Babel has no data for the reader's
        (``tlh``). A question that needs no help has no help section, whatever the country.
        """
        item = getattr(pack, kind)[item_id]
        more: dict[str, object] = {} if kind == "faq" else {"today": DAY}
        if kind != "resources":
            more["country"] = country

        assert (
            HELP_PAGES[kind, item_id, locale, country] == item.localize(locale, **more).__html__()
        )

    def test_view_without_channels(self, pack: Catalogue) -> None:
        """A view made by hand without its channels' freshness shows the bare values and links."""
        view = pack.resources["hh-gb-line"].localize("en", today=DAY)

        assert (
            '<span class="sextingsafe-reach"><a href="tel:+440000222"><bdi dir="ltr">0000 222</bdi>'
            '</a> <bdi dir="ltr">https://example.org/gb-line</bdi> '
            '<a href="https://example.org/gb-line"><bdi dir="ltr">https://example.org/gb-line</bdi>'
            "</a></span>"
        ) in resource_html(attrs.evolve(view, channels=()))

    def test_channel_without_its_date(self, pack: Catalogue) -> None:
        """A view made by hand without a channel's formatted date shows the channel undated."""
        view = pack.resources["hh-gb-line"].localize("en", today=DAY)
        dated = next(c for c in view.channels if c.channel.as_of is not None)
        bare = attrs.evolve(dated, as_of=None)
        html = resource_html(attrs.evolve(view, channels=(bare,)))

        assert 'class="sextingsafe-as-of"' in resource_html(attrs.evolve(view, channels=(dated,)))
        assert 'class="sextingsafe-as-of"' not in html

    def test_without_a_catalogue(self, pack: Catalogue) -> None:
        """Without a renderer (a resource made by hand), labels are the English words."""
        view = pack.resources["hh-gb-line"].localize("en", today=DAY)
        bare = attrs.evolve(view, resource=attrs.evolve(view.resource, renderer=None))
        advice = pack.advice["hh-get-help"].localize("en", country="GB", today=DAY)
        no_renderer = attrs.evolve(advice, advice=attrs.evolve(advice.advice, renderer=None))

        page = resource_html(bare)

        assert (
            '<span class="sextingsafe-as-of">as of <time datetime="2019-03-01" lang="en" '
            'dir="ltr">1 Mar 2019</time></span>'
        ) in page
        assert (
            '<p class="sextingsafe-checked">Last checked: <time datetime="2026-11-27" lang="en" '
            'dir="ltr">27 Nov 2026</time></p>'
        ) in page
        assert (
            '<p class="sextingsafe-correction"><a href="https://sextingsafe.readthedocs.io/en/'
            'latest/how-to/report-a-correction.html">Report a wrong number or text</a></p>'
        ) == correction_html(no_renderer)

    @pytest.mark.parametrize(
        ("locale", "sentence", "numbers", "expected"),
        [
            (
                "en",
                "Call 112, not 1121: 112 again. Or +44 20 7946 0000.",
                ("112", "+44 20 7946 0000"),
                (
                    '<span lang="en" dir="ltr">Call <a href="tel:112" dir="ltr">112</a>, not 1121: '
                    '112 again. Or <a href="tel:+442079460000" dir="ltr">+44 20 7946 0000</a>.</span>'
                ),
            ),
            (
                "ar",
                "اتصل بـ 999 أو 112.",
                ("999", "112"),
                (
                    '<span lang="ar" dir="rtl">اتصل بـ <a href="tel:999" dir="ltr">999</a> أو '
                    '<a href="tel:112" dir="ltr">112</a>.</span>'
                ),
            ),
            (
                "ar",
                "اتصل بـ 999 أو Childline على 0800 1111.",
                ("999",),
                (
                    '<span lang="ar" dir="rtl">اتصل بـ <a href="tel:999" dir="ltr">999</a> أو '
                    '<bdi dir="ltr">Childline</bdi> على <bdi dir="ltr">0800 1111</bdi>.</span>'
                ),
            ),
        ],
    )
    def test_emergency_links(
        self,
        pack: Catalogue,
        locale: str,
        sentence: str,
        numbers: tuple[str, ...],
        expected: str,
    ) -> None:
        """Each number is linked once, whole (not inside 1121), dialled with its '+'.

        In a right-to-left sentence, Latin words and other numbers are isolated left to right.
        """
        view = pack.advice["hh-get-help"].localize(locale, country="GB", today=DAY).emergency
        assert view is not None
        changed = attrs.evolve(
            view, numbers=numbers, sentence=LocalizedText(sentence, locale=locale)
        )

        assert (
            f'<p class="sextingsafe-emergency" data-known="true">{expected}</p>'
            == emergency_html(changed)
        )
