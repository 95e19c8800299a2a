"""Accessible names the theme leaves out (found by axe-core in the tests).

Material renders its search overlay as role="dialog" without a name; we add
one to the built HTML rather than fork the theme's partial. (The copy-button
toolbars the theme adds at run time are named by docs/javascripts/a11y.js.)
"""

NAMES = {
    'class="md-search" data-md-component="search" role="dialog"': "Search",
}


def on_post_page(output, page, config):
    for marker, name in NAMES.items():
        output = output.replace(marker, f'{marker} aria-label="{name}"')
    return output
