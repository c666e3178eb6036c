"""The HTML of every kind of localised view, written out in full: escaped, with lang and dir."""

from __future__ import annotations

from pathlib import Path

import pytest

from sextingsafe import Catalogue

PACKS = Path(__file__).parent / "packs"

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
