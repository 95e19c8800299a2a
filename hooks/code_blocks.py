"""Code blocks with their copy button in the built HTML, not made at run time.

The theme finds every `pre > code` when a page starts and, block by block,
gives the <pre> an id, inserts a copy button and reads the block's size
(to make a block that scrolls focusable). Each read comes after the
previous block's writes, so each one lays the page out again, and a block
in a hidden Code tab or off-screen lays out its whole tab set. On the
heaviest pages (a dozen code blocks) that was most of what a phone blocks
on: Lighthouse mobile, median of 3, total blocking time network-by-hand
191 -> 62 ms, cheat sheet 206 -> 97 ms (benchmarks/lighthouse.py).

So each block is written here as the theme would leave it - an id, the
toolbar with the copy button (the theme's own markup and classes, so its
styles, tooltip and "Copied" message all apply: its clipboard handler
listens on the whole document) - with the <code> wrapped in
<span class="bp-code">, which the theme's `pre > code` no longer finds.
The wrapper has `display: contents` and the stylesheet gives
`pre > .bp-code > code` the theme's `pre > code` rules
(tests/test_browser.py checks that a block renders exactly as the theme's
own). docs/javascripts/a11y.js makes a block that scrolls sideways
focusable, as it does figures and tables.
"""

import re

ARTICLE = re.compile(
    r'(<article class="md-content__inner[^"]*">)(.*?)(</article>)', re.S
)
BLOCK = re.compile(
    r"<pre(?P<attrs>(?: [^>]*)?)>(?P<lead><span></span>)?"
    r"<code>(?P<body>.*?)</code></pre>",
    re.S,
)


def _blocks(article: str) -> str:
    count = 0

    def block(m):
        nonlocal count
        count += 1
        at = f"bp-code-{count}"
        return (
            f'<pre{m["attrs"]} id="{at}">{m["lead"] or ""}'
            f'<nav class="md-code__nav" aria-label="Code block {count} tools">'
            f'<button class="md-code__button" title="Copy to clipboard" '
            f'data-clipboard-target="#{at} code" data-md-type="copy">'
            f"</button></nav>"
            f'<span class="bp-code"><code>{m["body"]}</code></span></pre>'
        )

    return BLOCK.sub(block, article)


def on_post_page(output, page, config):
    return ARTICLE.sub(lambda m: m[1] + _blocks(m[2]) + m[3], output, count=1)
