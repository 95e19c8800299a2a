"""SVG figures drawn from a computation: the site's diagram helpers.

Every figure is plain SVG text built from the numbers a snippet computed, so
the picture can never disagree with the code. Colours come from CSS classes
(`docs/stylesheets/extra.css`) that follow the light and dark palettes; each
figure carries a <title> and <desc> as its text alternative.
"""

from html import escape

BOX_W, BOX_H, ARROW = 104, 54, 74


def _text(x, y, s, cls="bp-text", anchor="middle"):
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" class="{cls}" '
        f'text-anchor="{anchor}">{escape(s)}</text>'
    )


def _box(x, y, cls, line1, line2):
    return (
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{BOX_W}" height="{BOX_H}" '
        f'rx="8" class="{cls}"/>'
        + _text(x + BOX_W / 2, y + 23, line1, "bp-name")
        + _text(x + BOX_W / 2, y + 44, line2, "bp-num")
    )


def _arrow(x1, x2, y, cls, label):
    head = -8 if x2 > x1 else 8
    return (
        f'<path d="M{x1:.1f} {y:.1f} H{x2:.1f} m{head} -5 l{-head} 5 '
        f'l{head} 5" class="{cls}"/>'
        + _text((x1 + x2) / 2, y - 9, label, "bp-op")
    )


def two_line_svg(names, values, grads, ops, locals_, title, fmt="{:.4f}"):
    """Forward line (values, left to right) over backward line (gradients,
    right to left). ops[i] and locals_[i] label step i (names[i] -> i+1)."""
    # each arrow long enough for its label, with room at both ends
    label = max(len(s) for s in [*ops, *locals_]) * 14 * 0.62
    arrow = max(ARROW, round(label) + 28)
    n, step = len(names), BOX_W + arrow
    width, top, bottom = n * step - arrow + 4, 30, 138
    forward = ", ".join(
        f"{a} = {fmt.format(v)}" for a, v in zip(names, values)
    )
    backward = ", ".join(
        f"d{names[-1]}/d{a} = {fmt.format(g)}"
        for a, g in zip(reversed(names), reversed(grads))
    )
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="bp-figure" '
        f'viewBox="0 0 {width} {bottom + BOX_H + 4}" role="img" '
        f'aria-labelledby="tl-title tl-desc">',
        f'<title id="tl-title">{escape(title)}</title>',
        f'<desc id="tl-desc">Forward: {escape(forward)}. '
        f"Backward: {escape(backward)}.</desc>",
        _text(2, top - 12, "forward: values →", "bp-row bp-fwd-text", "start"),
        _text(
            width - 2,
            bottom - 12,
            "← backward: gradients",
            "bp-row bp-bwd-text",
            "end",
        ),
    ]
    for i, (name, v, g) in enumerate(zip(names, values, grads)):
        x = 2 + i * step
        out.append(_box(x, top, "bp-fwd", name, fmt.format(v)))
        out.append(
            _box(x, bottom, "bp-bwd", f"d{names[-1]}/d{name}", fmt.format(g))
        )
        if i < n - 1:
            x1, x2 = x + BOX_W + 3, x + step - 3
            out.append(_arrow(x1, x2, top + BOX_H / 2, "bp-fwd-arrow", ops[i]))
            out.append(
                _arrow(x2, x1, bottom + BOX_H / 2, "bp-bwd-arrow", locals_[i])
            )
    out.append("</svg>")
    return "\n".join(out)
