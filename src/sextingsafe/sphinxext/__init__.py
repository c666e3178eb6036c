"""Show sextingsafe's facts, quotes, advice and help resources in Sphinx documentation.

Add ``"sextingsafe.sphinxext"`` to ``extensions`` in ``conf.py``; then, in any document::

    .. sextingsafe:item:: ask-who-should-see-it
       :locale: pl

    .. sextingsafe:list:: advice
       :audience: young-people
       :topic: before-sending

    .. sextingsafe:resources:: GB

Items get cross-reference targets: ``:sextingsafe:advice:`ask-who-should-see-it``` links to the
item where the project shows it. See :doc:`/reference/sphinx-extension` in the documentation.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

import sextingsafe

from . import nodes
from .directives import (
    CatalogueDirective,
    ItemDirective,
    ListDirective,
    LocalesDirective,
    ResourcesDirective,
    catalogue,
    expand,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

__all__ = [
    "CatalogueDirective",
    "ItemDirective",
    "ListDirective",
    "LocalesDirective",
    "ResourcesDirective",
    "setup",
]


def _resolve_packs(app: Sphinx, config: Config) -> None:
    # Pack paths are relative to conf.py, whatever directory sphinx-build runs in.
    config.sextingsafe_packs = [
        os.path.normpath(os.path.join(app.confdir, os.fspath(path)))
        for path in config.sextingsafe_packs
    ]


def _check(app: Sphinx) -> None:
    """Load the catalogue and check the default locale before any document is read."""
    from sphinx.errors import ConfigError, ExtensionError

    try:
        cat = catalogue(app.config)
    except sextingsafe.PackError as error:
        message = f"sextingsafe_packs: {error}"
        raise ExtensionError(message, orig_exc=error, modname=__name__) from None
    try:
        cat.label("sources", app.config.sextingsafe_locale or None)
    except sextingsafe.InvalidLocaleError as error:
        raise ConfigError(f"sextingsafe_locale: {error}") from None
    if app.config.sextingsafe_country:
        from sextingsafe._help import parse_country

        try:
            parse_country(app.config.sextingsafe_country, "sextingsafe_country")
        except sextingsafe.InvalidFilterError as error:
            raise ConfigError(str(error)) from None


def _add_stylesheet(_app: Sphinx, config: Config) -> None:
    # The stylesheet, copied into _static by the HTML builders and linked from every page.
    from sextingsafe._style import STYLESHEET_PATH

    config.html_static_path = [*config.html_static_path, os.path.dirname(STYLESHEET_PATH)]


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the configuration values, the ``sextingsafe`` domain and its nodes."""
    from .domain import SextingsafeDomain

    add = app.add_config_value
    add("sextingsafe_locale", default=None, rebuild="env", types=frozenset({str, type(None)}))
    add("sextingsafe_country", default=None, rebuild="env", types=frozenset({str, type(None)}))
    add("sextingsafe_packs", default=[], rebuild="env", types=frozenset({list, tuple}))
    add("sextingsafe_include_bundled", default=True, rebuild="env", types=frozenset({bool}))
    nodes.register(app)
    app.add_domain(SextingsafeDomain)
    app.connect("config-inited", _resolve_packs)
    app.connect("config-inited", _add_stylesheet)
    app.add_css_file("sextingsafe.css")
    app.connect("builder-inited", _check)
    app.connect("doctree-resolved", expand)
    return {
        "version": sextingsafe.__version__,
        "env_version": 2,
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
