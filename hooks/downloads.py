"""Publish every snippet with the site and link each code block to its file.

A reader who copies a block gets part of a program; the file name in the
block's title links to the complete file, served by the site itself at
`snippets/<name>.py` (not a repository that may not exist).
"""

import re
from pathlib import Path

from mkdocs.structure.files import File

SNIPPETS = (Path(__file__).parent.parent / "snippets").resolve()
FILENAME = re.compile(r'<span class="filename">([\w-]+\.py)</span>')


def on_files(files, config):
    for path in sorted(SNIPPETS.glob("*.py")):
        files.append(
            File.generated(
                config, f"snippets/{path.name}", abs_src_path=str(path)
            )
        )
    return files


def on_page_content(html, page, config, files):
    def link(match):
        name = match[1]
        target = files.get_file_from_path(f"snippets/{name}")
        if target is None:  # a title that is not a snippet file
            return match[0]
        url = target.url_relative_to(page.file)
        return (
            f'<span class="filename"><a href="{url}" download '
            f'title="Download the complete file {name}">{name}</a></span>'
        )

    return FILENAME.sub(link, html)
