"""The figures' paint rules on the site: `snippets/show.py` holds them once
(FIGURE_CSS, and LIGHT for the light palette's colours), because a figure
written to a file by a reader's run carries the same rules. This hook
puts them at the top of the site's one stylesheet, `stylesheets/extra.css`;
the dark palette's colours are set in `docs/stylesheets/extra.css`."""

from pathlib import Path

from mkdocs.structure.files import File

STYLESHEET = "stylesheets/extra.css"


def site_css():
    """The light palette's figure colours, then the paint rules."""
    import show  # snippets/ is on sys.path (hooks/snippets_path.py)

    own = "".join(  # the theme defines its --md-* colours itself
        f"  {k}: {v};\n"
        for k, v in show.LIGHT.items()
        if not k.startswith("--md")
    )
    return (
        "/* Figures: generated from snippets/show.py (hooks/figure_css.py)"
        " */\n:root {\n" + own + "}\n" + show.FIGURE_CSS + "\n"
    )


def on_files(files, config):
    old = files.get_file_from_path(STYLESHEET)
    text = Path(old.abs_src_path).read_text(encoding="utf-8")
    files.remove(old)
    files.append(File.generated(config, STYLESHEET, content=site_css() + text))
    return files
