"""Accessible names the theme leaves out (found by axe-core in the tests).

Material renders its search overlay as role="dialog" without a name, and
with `navigation.indexes` labels each section's <nav> by a toggle that holds
only an icon, so every section landmark is named "" (not unique). We name
them in the built HTML rather than fork the theme's partials. (The
copy-button toolbars the theme adds at run time are named by
docs/javascripts/a11y.js.)
"""

import re

SECTION_NAV = re.compile(
    r'(<nav class="md-nav" data-md-level="\d+") '
    r'aria-labelledby="__nav_[\w]+_label"'
    r'(?P<rest> aria-expanded="\w+">\s*<label class="md-nav__title" '
    r'for="__nav_\w+">\s*<span class="md-nav__icon md-icon"></span>'
    r"\s*(?P<title>[^<]*?)\s*</label>)"
)

NAMES = {
    'class="md-search" data-md-component="search" role="dialog"': "Search",
}


def on_post_page(output, page, config):
    for marker, name in NAMES.items():
        output = output.replace(marker, f'{marker} aria-label="{name}"')
    return SECTION_NAV.sub(
        lambda m: f'{m[1]} aria-label="{m["title"]}"{m["rest"]}', output
    )
