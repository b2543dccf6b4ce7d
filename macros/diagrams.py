"""Diagrams drawn at build time as inline SVG: no script, no network, no drawing library.

Each drawing function is pure: it takes rows (or nothing, for a sketch of a concept) and returns one
raw HTML block, a <figure> holding an <svg>. The SVG names itself (role="img", a <title>, and a <desc>
that says the whole picture in words) and paints with currentColor and Material's colour variables,
so it reads in both palettes and on paper (docs/assets/diagrams.css). Every value is escaped. Where a
picture comes from data (curves from the worked example, the tree from the algorithm rows, options
from a decision's comparison), its labels are the rows' own words, and a missing row stops the build.

`draw(name, data)` finds the rows a diagram needs; pages call it through the `diagram(name)` macro.
"""

import html
import math
import textwrap
from collections.abc import Callable, Iterable, Sequence

from .loader import SiteData
from .models import Algorithm, ConfusionMatrix, Decision, Learning, Metric, Service

FONT = 13  # px in SVG units; diagrams are at most WIDTH wide, so this stays legible on a phone
SMALL = 11.5
LINE = 16  # line height at FONT
SMALL_LINE = 14
WIDTH = 480


def esc(value) -> str:
    return html.escape(str(value), quote=True)


def fmt(number: float) -> str:
    """0.75 -> '0.75', 0.3333 -> '0.33', 1.0 -> '1'."""
    return f"{number:.2f}".rstrip("0").rstrip(".") if number % 1 else str(int(number))


def wrap(text: str, width: float, size: float = FONT) -> list[str]:
    """Lines of `text` that fit `width` px (an average glyph is about half an em wide)."""
    return textwrap.wrap(text, max(6, int(width / (size * 0.52)))) or [""]


class Svg:
    """A drawing: shapes are added in painting order; `figure` wraps it with its text alternative."""

    def __init__(self, name: str, width: int, height: int):
        self.name, self.width, self.height = name, width, height
        self.parts: list[str] = []

    @property
    def arrow(self) -> str:
        return f"diagram-{self.name}-arrow"

    def add(self, element: str) -> None:
        self.parts.append(element)

    def text(self, x: float, y: float, content: str, anchor: str = "start", cls: str = "d-text",
             size: float | None = None, bold: bool = False, rotate: float | None = None) -> None:
        extra = (f' font-size="{size}"' if size else "") + (' font-weight="700"' if bold else "")
        extra += f' transform="rotate({rotate} {x:.1f} {y:.1f})"' if rotate is not None else ""
        self.add(f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" class="{cls}" fill="currentColor"'
                 f'{extra}>{esc(content)}</text>')

    def lines(self, x: float, y: float, lines: Iterable[str], size: float = FONT, step: float = LINE,
              anchor: str = "start", cls: str = "d-text", bold: bool = False) -> float:
        """Write lines downwards from baseline y; return the baseline after the last one."""
        for line in lines:
            self.text(x, y, line, anchor, cls, size if size != FONT else None, bold)
            y += step
        return y

    def line(self, x1: float, y1: float, x2: float, y2: float, cls: str = "d-line", dash: str | None = None,
             arrow: bool = False) -> None:
        extra = (f' stroke-dasharray="{dash}"' if dash else "") + (f' marker-end="url(#{self.arrow})"' if arrow else "")
        self.add(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" class="{cls}" '
                 f'stroke="currentColor"{extra}/>')

    def rect(self, x: float, y: float, w: float, h: float, cls: str = "d-box", rx: float = 6) -> None:
        self.add(f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="{rx}" class="{cls}" '
                 f'fill="none" stroke="currentColor"/>')

    def polyline(self, points: Sequence[tuple[float, float]], cls: str = "d-curve", dash: str | None = None) -> None:
        coordinates = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        extra = f' stroke-dasharray="{dash}"' if dash else ""
        self.add(f'<polyline points="{coordinates}" class="{cls}" fill="none" stroke="currentColor"{extra}/>')

    def polygon(self, points: Sequence[tuple[float, float]], cls: str = "d-area") -> None:
        coordinates = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        self.add(f'<polygon points="{coordinates}" class="{cls}" fill="currentColor" fill-opacity="0.12" stroke="none"/>')

    def dot(self, x: float, y: float, r: float = 3.5, cls: str = "d-dot") -> None:
        self.add(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" class="{cls}" fill="currentColor"/>')

    def figure(self, title: str, description: str, caption: str) -> str:
        """The raw HTML block. Search skips it: the section around it already says the same in words."""
        name, title_id, desc_id = self.name, f"diagram-{self.name}-title", f"diagram-{self.name}-desc"
        marker = (f'<defs><marker id="{self.arrow}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
                  f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" class="d-arrowhead" '
                  f'fill="currentColor"/></marker></defs>')
        return "\n".join([
            "", "",
            f'<figure class="diagram" data-diagram="{esc(name)}" data-search-exclude>',
            f'<svg xmlns="http://www.w3.org/2000/svg" class="diagram__svg" viewBox="0 0 {self.width} {self.height}" '
            f'width="{self.width}" height="{self.height}" role="img" aria-labelledby="{title_id}" '
            f'aria-describedby="{desc_id}" font-size="{FONT}">',
            f'<title id="{title_id}">{esc(title)}</title>',
            f'<desc id="{desc_id}">{esc(description)}</desc>',
            marker,
            *self.parts,
            "</svg>",
            f"<figcaption>{esc(caption)}</figcaption>",
            "</figure>",
            "", "",
        ])


class Plot:
    """A plot area inside an Svg, mapping data coordinates to pixels."""

    def __init__(self, svg: Svg, left: float, top: float, width: float, height: float,
                 x_range=(0.0, 1.0), y_range=(0.0, 1.0)):
        self.svg, self.left, self.top, self.width, self.height = svg, left, top, width, height
        self.x_range, self.y_range = x_range, y_range

    def x(self, value: float) -> float:
        low, high = self.x_range
        return self.left + (value - low) / (high - low) * self.width

    def y(self, value: float) -> float:
        low, high = self.y_range
        return self.top + self.height - (value - low) / (high - low) * self.height

    def point(self, x: float, y: float) -> tuple[float, float]:
        return self.x(x), self.y(y)

    def frame(self, x_label: str, y_label: str, ticks: Sequence[float] = ()) -> None:
        svg, bottom, right = self.svg, self.top + self.height, self.left + self.width
        for tick in ticks:
            svg.line(self.x(tick), self.top, self.x(tick), bottom, "d-grid")
            svg.line(self.left, self.y(tick), right, self.y(tick), "d-grid")
            svg.text(self.x(tick), bottom + 16, fmt(tick), "middle", "d-text d-muted", SMALL)
            svg.text(self.left - 6, self.y(tick) + 4, fmt(tick), "end", "d-text d-muted", SMALL)
        svg.line(self.left, bottom, right, bottom, "d-axis")
        svg.line(self.left, self.top, self.left, bottom, "d-axis")
        svg.text(self.left + self.width / 2, bottom + (36 if ticks else 18), x_label, "middle")
        middle = self.top + self.height / 2
        svg.text(self.left - (42 if ticks else 14), middle, y_label, "middle", rotate=-90)


# --- Classification: the worked example as a matrix and as curves ----------------------------

# Ten scored predictions (score, actual class) for the curves. At the 0.5 threshold they give the
# worked example's matrix; `worked_matrix` checks that against the metric rows, so the two agree.
EXAMPLE_SCORES = ((0.95, 1), (0.80, 1), (0.70, 0), (0.60, 0), (0.55, 1),
                  (0.45, 0), (0.35, 0), (0.30, 1), (0.20, 0), (0.10, 0))
THRESHOLD = 0.5


def worked_matrix(metrics: Iterable[Metric]) -> ConfusionMatrix:
    """The confusion matrix the classification metric rows share; they must agree."""
    matrices = {(m.example.confusion.tp, m.example.confusion.fp, m.example.confusion.fn, m.example.confusion.tn): m
                for m in metrics if m.example.confusion is not None}
    if len(matrices) != 1:
        raise ValueError("the diagrams need one worked confusion matrix shared by the metric rows; found "
                         + (", ".join(f"{m.slug} {key}" for key, m in matrices.items()) or "none"))
    return next(iter(matrices.values())).example.confusion


def counts_at(threshold: float, scores=EXAMPLE_SCORES) -> ConfusionMatrix:
    """Predict positive when the score is at least the threshold."""
    tp = sum(1 for score, actual in scores if score >= threshold and actual)
    fp = sum(1 for score, actual in scores if score >= threshold and not actual)
    fn = sum(1 for score, actual in scores if score < threshold and actual)
    return ConfusionMatrix(tp=tp, fp=fp, fn=fn, tn=len(scores) - tp - fp - fn)


def _checked_example(metrics: Iterable[Metric]) -> ConfusionMatrix:
    worked, example = worked_matrix(metrics), counts_at(THRESHOLD)
    if worked != example:
        raise ValueError(f"the curves' example scores give {example} at threshold {THRESHOLD}, "
                         f"but the metric rows' worked example is {worked}")
    return worked


def roc_points(scores=EXAMPLE_SCORES) -> list[tuple[float, float]]:
    """(FPR, TPR) from a threshold above every score down to each score in turn."""
    positives = sum(actual for _, actual in scores)
    negatives = len(scores) - positives
    points = [(0.0, 0.0)]
    for threshold in sorted({score for score, _ in scores}, reverse=True):
        counts = counts_at(threshold, scores)
        points.append((counts.fp / negatives, counts.tp / positives))
    return points


def pr_points(scores=EXAMPLE_SCORES) -> list[tuple[float, float]]:
    """(recall, precision) at each score used as the threshold, highest first."""
    positives = sum(actual for _, actual in scores)
    points = []
    for threshold in sorted({score for score, _ in scores}, reverse=True):
        counts = counts_at(threshold, scores)
        points.append((counts.tp / positives, counts.tp / (counts.tp + counts.fp)))
    return points


def area_under(points: Sequence[tuple[float, float]]) -> float:
    """Trapezoids under a curve given left to right."""
    return sum((x2 - x1) * (y1 + y2) / 2 for (x1, y1), (x2, y2) in zip(points, points[1:]))


def average_precision(points: Sequence[tuple[float, float]]) -> float:
    """Sum of precision times the rise in recall at each threshold (the usual PR AUC estimate)."""
    total, last_recall = 0.0, 0.0
    for recall, precision in points:
        total += (recall - last_recall) * precision
        last_recall = recall
    return total


def _scores_caption() -> str:
    positives = ", ".join(f"{s:.2f}" for s, actual in EXAMPLE_SCORES if actual)
    negatives = ", ".join(f"{s:.2f}" for s, actual in EXAMPLE_SCORES if not actual)
    return f"scores of the 4 real positives: {positives}; of the 6 real negatives: {negatives}"


def confusion_matrix(metrics: Iterable[Metric]) -> str:
    c = worked_matrix(metrics)
    svg = Svg("confusion-matrix", WIDTH, 300)
    left, top, cell_w, cell_h = 150, 58, 150, 80
    svg.text(left + cell_w, 22, "What the model said", "middle", bold=True)
    svg.text(left + cell_w / 2, 46, "positive", "middle")
    svg.text(left + 1.5 * cell_w, 46, "negative", "middle")
    svg.text(22, top + cell_h, "What was real", "middle", bold=True, rotate=-90)
    svg.text(left - 10, top + cell_h / 2 + 4, "positive", "end")
    svg.text(left - 10, top + 1.5 * cell_h + 4, "negative", "end")
    cells = (("TP", c.tp, "caught", 0, 0, "d-box d-good"), ("FN", c.fn, "missed", 1, 0, "d-box"),
             ("FP", c.fp, "false alarm", 0, 1, "d-box"), ("TN", c.tn, "rightly passed", 1, 1, "d-box d-good"))
    for label, count, meaning, column, row, cls in cells:
        x, y = left + column * cell_w, top + row * cell_h
        svg.rect(x, y, cell_w, cell_h, cls, rx=0)
        svg.text(x + cell_w / 2, y + 34, f"{label} = {count}", "middle", size=17, bold=True)
        svg.text(x + cell_w / 2, y + 56, meaning, "middle", "d-text", SMALL)
    precision, recall = c.tp / (c.tp + c.fp), c.tp / (c.tp + c.fn)
    bottom = top + 2 * cell_h
    svg.text(left + cell_w / 2, bottom + 24, f"precision = {c.tp} / ({c.tp} + {c.fp}) = {fmt(precision)}",
             "middle", size=SMALL)
    svg.text(left + cell_w / 2, bottom + 40, "(down the positive column)", "middle", "d-text d-muted", SMALL)
    svg.text(left + 1.5 * cell_w, bottom + 24, f"recall = {c.tp} / ({c.tp} + {c.fn}) = {fmt(recall)}",
             "middle", size=SMALL)
    svg.text(left + 1.5 * cell_w, bottom + 40, "(along the positive row)", "middle", "d-text d-muted", SMALL)
    total = c.tp + c.fp + c.fn + c.tn
    return svg.figure(
        "Confusion matrix of the worked example",
        f"A two by two grid. Rows are the real class, columns the model's answer. Really positive and "
        f"predicted positive: TP = {c.tp}. Really positive, predicted negative: FN = {c.fn}. Really negative, "
        f"predicted positive: FP = {c.fp}. Really negative, predicted negative: TN = {c.tn}. "
        f"Precision is {c.tp} of {c.tp + c.fp} positive predictions, {fmt(precision)}; recall is {c.tp} of "
        f"{c.tp + c.fn} real positives, {fmt(recall)}.",
        f"The worked example: {total} predictions, the diagonal right, the other two cells wrong.")


def _curve_axes(name: str, x_label: str, y_label: str) -> tuple[Svg, Plot]:
    """A square unit plot with quarter ticks, shared by the ROC and precision-recall curves."""
    svg = Svg(name, WIDTH, 400)
    plot = Plot(svg, 70, 20, 380, 320)
    plot.frame(x_label, y_label, (0, 0.25, 0.5, 0.75, 1))
    return svg, plot


def _curve(svg: Svg, plot: Plot, points: Sequence[tuple[float, float]],
           chosen: tuple[float, float]) -> tuple[float, float]:
    """The curve through `points`, a dot per threshold and a larger mark on the worked example's
    threshold; returns where that mark is drawn, for its label."""
    svg.polyline([plot.point(*p) for p in points], "d-curve d-accent")
    for p in points:
        svg.dot(*plot.point(*p), 3, "d-dot d-accent")
    svg.dot(*plot.point(*chosen), 6.5, "d-dot d-mark")
    return plot.point(*chosen)


def roc_curve(metrics: Iterable[Metric]) -> str:
    c = _checked_example(metrics)
    points = roc_points()
    auc = area_under(points)
    chosen = (c.fp / (c.fp + c.tn), c.tp / (c.tp + c.fn))
    svg, plot = _curve_axes("roc-curve", "False positive rate (FPR)", "True positive rate (recall)")
    svg.polygon([plot.point(*p) for p in points] + [plot.point(1, 0), plot.point(0, 0)], "d-area")
    svg.line(*plot.point(0, 0), *plot.point(1, 1), "d-line d-muted", dash="5 5")
    svg.text(*plot.point(0.74, 0.64), "random guess", "middle", "d-text", SMALL, rotate=-40)
    x, y = _curve(svg, plot, points, chosen)
    svg.text(x + 10, y + 22, f"threshold {fmt(THRESHOLD)}:", cls="d-text", size=SMALL, bold=True)
    svg.text(x + 10, y + 37, f"FPR {fmt(chosen[0])}, TPR {fmt(chosen[1])}", size=SMALL)
    svg.text(*plot.point(0.55, 0.3), f"AUC = {fmt(auc)}", "middle", size=16, bold=True)
    listed = ", ".join(f"({fmt(fx)}, {fmt(ty)})" for fx, ty in points)
    return svg.figure(
        "ROC curve of the worked example",
        f"Ten scored predictions, 4 really positive and 6 really negative. Lowering the threshold from above "
        f"the top score to the lowest score traces these (FPR, TPR) points: {listed}. The area under them is "
        f"{fmt(auc)}. At threshold {fmt(THRESHOLD)} the counts are TP {c.tp}, FP {c.fp}, FN {c.fn}, TN {c.tn}: "
        f"FPR {fmt(chosen[0])} and TPR {fmt(chosen[1])}. The dashed diagonal is a random guesser.",
        f"Each dot is one threshold; {_scores_caption()}.")


def pr_curve(metrics: Iterable[Metric]) -> str:
    c = _checked_example(metrics)
    points = pr_points()
    ap = average_precision(points)
    base = sum(actual for _, actual in EXAMPLE_SCORES) / len(EXAMPLE_SCORES)
    chosen = (c.tp / (c.tp + c.fn), c.tp / (c.tp + c.fp))
    svg, plot = _curve_axes("pr-curve", "Recall", "Precision")
    svg.line(*plot.point(0, base), *plot.point(1, base), "d-line d-muted", dash="5 5")
    svg.text(*plot.point(0.02, base - 0.06), f"random: the share of positives, {fmt(base)}", cls="d-text d-muted",
             size=SMALL)
    x, y = _curve(svg, plot, points, chosen)
    label_x, label_y = plot.point(1, 0.88)
    svg.line(x + 4, y - 5, label_x - 60, label_y + 22, "d-line d-muted")
    svg.text(label_x, label_y, f"threshold {fmt(THRESHOLD)}:", "end", size=SMALL, bold=True)
    svg.text(label_x, label_y + 15, f"recall {fmt(chosen[0])}, precision {fmt(chosen[1])}", "end", size=SMALL)
    svg.text(*plot.point(0.3, 0.2), f"average precision = {fmt(ap)}", "middle", size=16, bold=True)
    listed = ", ".join(f"({fmt(r)}, {fmt(p)})" for r, p in points)
    return svg.figure(
        "Precision-recall curve of the worked example",
        f"The same ten predictions. Lowering the threshold one score at a time gives these (recall, precision) "
        f"points: {listed}. Average precision, the PR AUC estimate, is {fmt(ap)}. A random model sits on the "
        f"dashed line at {fmt(base)}, the share of positives. At threshold {fmt(THRESHOLD)}: recall "
        f"{fmt(chosen[0])}, precision {fmt(chosen[1])}.",
        f"Precision saw-tooths as false positives join; {_scores_caption()}.")


# --- Model fit ---------------------------------------------------------------------------------


def _options(decision: Decision, *wanted: str) -> dict[str, list[str]]:
    """Compare rows by option name (case-insensitive); every wanted option must be there."""
    if decision.compare is None:
        raise ValueError(f"decision '{decision.slug}' has no comparison to draw from")
    rows = {row.option.casefold(): row for row in decision.compare.rows}
    missing = [option for option in wanted if option.casefold() not in rows]
    if missing:
        raise ValueError(f"decision '{decision.slug}' has no comparison row for {', '.join(missing)} "
                         f"(its rows: {', '.join(row.option for row in decision.compare.rows)})")
    return {option: rows[option.casefold()] for option in wanted}


def _column(decision: Decision, name: str) -> int:
    columns = [column.casefold() for column in decision.compare.columns]
    if name.casefold() not in columns:
        raise ValueError(f"decision '{decision.slug}' has no column '{name}' (its columns: "
                         f"{', '.join(decision.compare.columns)})")
    return columns.index(name.casefold())


def bias_variance(fit: Decision) -> str:
    """Error against flexibility; the regions carry the fit decision's diagnoses."""
    rows = _options(fit, "Underfitting", "Good fit", "Overfitting")
    diagnosis = _column(fit, "Diagnosis")
    noise = 0.12
    xs = [i / 100 for i in range(101)]
    bias = [0.75 * (1 - x) ** 2 + 0.02 for x in xs]
    variance = [0.03 + 0.7 * x ** 2.4 for x in xs]
    total = [b + v + noise for b, v in zip(bias, variance)]
    best = xs[total.index(min(total))]
    svg = Svg("bias-variance", WIDTH, 346)
    plot = Plot(svg, 40, 72, 420, 220, (0, 1), (0, 1.0))
    plot.frame("Model flexibility (simple to complex)", "Error on new data")
    svg.line(plot.x(best), plot.top, plot.x(best), plot.top + plot.height, "d-line d-muted", dash="4 4")
    for (name, row), at in zip(rows.items(), (0.14, best, 0.86)):
        svg.text(plot.x(at), 20, row.option, "middle", bold=True)
        svg.lines(plot.x(at), 36, wrap(row.values[diagnosis], 140, SMALL)[:2], SMALL, SMALL_LINE, anchor="middle",
                  cls="d-text d-muted")
    svg.polyline([plot.point(x, y) for x, y in zip(xs, total)], "d-curve d-accent")
    svg.polyline([plot.point(x, y) for x, y in zip(xs, bias)], "d-curve", dash="7 4")
    svg.polyline([plot.point(x, y) for x, y in zip(xs, variance)], "d-curve", dash="2 4")
    svg.line(plot.x(0), plot.y(noise), plot.x(1), plot.y(noise), "d-line d-muted", dash="1 3")
    svg.text(*plot.point(0.1, bias[10] - 0.12), "Bias²", size=SMALL, bold=True)
    svg.text(*plot.point(0.97, variance[97] - 0.14), "Variance", "end", size=SMALL, bold=True)
    svg.text(plot.x(best) + 6, plot.y(min(total)) - 10, "Total error", cls="d-text d-accent-text", size=SMALL,
             bold=True)
    svg.text(plot.x(0.99), plot.y(noise) - 6, "Irreducible noise", "end", "d-text d-muted", SMALL)
    regions = "; ".join(f"{row.option}: {row.values[diagnosis]}" for row in rows.values())
    return svg.figure(
        "Bias and variance against model flexibility",
        "As a model grows more flexible, squared bias falls and variance rises; irreducible noise stays flat. "
        "Their sum, the error on new data, is U-shaped, lowest where the two balance. " + regions + ".",
        "Expected error = bias² + variance + noise: the best model sits at the bottom of the U.")


def early_stopping(patience: int = 5) -> str:
    """Training and validation loss by epoch; stop `patience` epochs after the best one."""
    epochs = list(range(41))
    train = [0.12 + 0.85 * math.exp(-e / 8) for e in epochs]
    valid = [0.2 + 0.8 * math.exp(-e / 7) + 0.00028 * e ** 2 for e in epochs]
    best = valid.index(min(valid))
    stop = min(best + patience, epochs[-1])
    svg = Svg("early-stopping", WIDTH, 300)
    plot = Plot(svg, 40, 30, 420, 220, (0, 40), (0, 1.05))
    plot.frame("Epochs", "Loss")
    svg.add(f'<rect x="{plot.x(best):.1f}" y="{plot.top:.1f}" width="{plot.x(stop) - plot.x(best):.1f}" '
            f'height="{plot.height:.1f}" class="d-band" fill="currentColor" fill-opacity="0.08"/>')
    svg.polyline([plot.point(e, v) for e, v in zip(epochs, train)], "d-curve", dash="7 4")
    svg.polyline([plot.point(e, v) for e, v in zip(epochs, valid)], "d-curve d-accent")
    svg.dot(*plot.point(best, valid[best]), 6, "d-dot d-mark")
    svg.line(plot.x(best), plot.top, plot.x(best), plot.top + plot.height, "d-line d-muted", dash="4 4")
    svg.line(plot.x(stop), plot.top, plot.x(stop), plot.top + plot.height, "d-line", dash="4 4")
    svg.text(plot.x(best) - 6, plot.y(0.12), f"best, epoch {best}:", "end", size=SMALL, bold=True)
    svg.text(plot.x(best) - 6, plot.y(0.12) + 15, "keep these weights", "end", size=SMALL)
    svg.text(plot.x(stop) + 6, plot.top + 14, f"stop, epoch {stop}", size=SMALL, bold=True)
    svg.text(plot.x(stop) + 6, plot.top + 29, f"(patience {patience})", cls="d-text d-muted", size=SMALL)
    svg.text(*plot.point(39, valid[39] + 0.05), "Validation loss", "end", "d-text d-accent-text", SMALL, bold=True)
    svg.text(*plot.point(39, train[39] - 0.05), "Training loss", "end", size=SMALL, bold=True)
    return svg.figure(
        "Early stopping on the validation loss",
        f"Training loss keeps falling with every epoch. Validation loss falls, reaches its lowest point at "
        f"epoch {best}, then climbs as the model starts memorizing. With a patience of {patience} epochs, "
        f"training stops at epoch {stop} and the weights from epoch {best} are kept.",
        "Where the validation curve turns up, overfitting starts: stop there and keep the best round.")


def k_fold(folds: int = 5) -> str:
    svg = Svg("k-fold", WIDTH, 54 + folds * 34)
    left, width, top = 70, 330, 30
    cell = width / folds
    svg.text(left + width / 2, 18, f"The training data, cut into {folds} folds", "middle", bold=True)
    for run in range(folds):
        y = top + run * 34
        svg.text(left - 8, y + 19, f"Run {run + 1}", "end", size=SMALL)
        for part in range(folds):
            held = part == run
            svg.rect(left + part * cell + 2, y, cell - 4, 26, "d-box d-held" if held else "d-box", rx=3)
            svg.text(left + part * cell + cell / 2, y + 18, "validate" if held else "train", "middle",
                     "d-text" if held else "d-text d-muted", SMALL, bold=held)
        svg.text(left + width + 10, y + 18, f"score {run + 1}", size=SMALL)
    svg.text(left + width / 2, top + folds * 34 + 16, f"Final estimate: the mean of the {folds} scores", "middle",
             size=SMALL, bold=True)
    return svg.figure(
        f"{folds}-fold cross-validation",
        f"The data is split into {folds} equal folds. In each of {folds} runs a different fold is held out for "
        f"validation and the model trains on the other {folds - 1}. Every row is validated exactly once, and the "
        f"{folds} validation scores are averaged.",
        f"{folds} models, {folds} scores, one average; stratify the folds when classes are imbalanced.")


# --- Trees: laid out top to bottom, indented by depth ------------------------------------------


class Node:
    def __init__(self, title: str, details: Sequence[str] = (), answer: str = "", children=(), leaf=False):
        self.title, self.details, self.answer = title, list(details), answer
        self.children, self.leaf = list(children), leaf


def _walk(nodes: Sequence[Node], depth: int = 0) -> Iterable[tuple[int, Node]]:
    for node in nodes:
        yield depth, node
        yield from _walk(node.children, depth + 1)


def _tree(svg_name: str, roots: Sequence[Node], indent: int = 26) -> Svg:
    """Boxes one under another, each child indented under its parent and joined by an elbow line."""
    placed, y = [], 8.0
    for depth, node in _walk(roots):
        x = 8 + depth * indent
        width = WIDTH - 8 - x
        head = (f"{node.answer} " if node.answer else "") + node.title
        title_lines = wrap(head, width - 16)
        detail_lines = [line for detail in node.details for line in wrap(detail, width - 16, SMALL)]
        height = 10 + len(title_lines) * LINE + len(detail_lines) * SMALL_LINE + 4
        placed.append((depth, node, x, y, width, height, title_lines, detail_lines))
        y += height + 10
    svg = Svg(svg_name, WIDTH, int(y))
    parents: dict[int, tuple[float, float]] = {}
    for depth, node, x, top, width, height, title_lines, detail_lines in placed:
        if depth:
            px, py = parents[depth - 1]
            svg.line(px, py, px, top + height / 2, "d-line d-muted")
            svg.line(px, top + height / 2, x, top + height / 2, "d-line d-muted", arrow=True)
        svg.rect(x, top, width, height, "d-box d-leaf" if node.leaf else "d-box")
        after = svg.lines(x + 8, top + 18, title_lines, bold=True)
        svg.lines(x + 8, after - 2, detail_lines, SMALL, SMALL_LINE, cls="d-text d-muted")
        parents[depth] = (x + 12, top + height)
    return svg


def _tree_words(roots: Sequence[Node]) -> str:
    parts = []
    for depth, node in _walk(roots):
        text = (f"{node.answer} " if node.answer else "") + node.title
        if node.details:
            text += " (" + "; ".join(node.details) + ")"
        parts.append(("Then " if depth else "") + text)
    return ". ".join(part.rstrip(".?") for part in parts) + "."


LEARNING_BRANCHES = {
    Learning.supervised: "Labelled examples: supervised",
    Learning.unsupervised: "No labels: unsupervised",
    Learning.both: "Either: supervised and unsupervised modes",
}


def algorithm_tree(algorithms: Iterable[Algorithm]) -> str:
    """Learning type, then problem type, then the built-in algorithms that solve it, from the rows."""
    algorithms = list(algorithms)
    roots = []
    for learning, label in LEARNING_BRANCHES.items():
        chosen = [a for a in algorithms if a.learning is learning]
        if not chosen:
            continue
        problems: dict[str, list[str]] = {}
        for algorithm in chosen:
            for problem in algorithm.problem_types:
                problems.setdefault(problem, []).append(algorithm.name)
        # Problem types solved by exactly the same algorithms share a box
        shared: dict[tuple, list[str]] = {}
        for problem, names in sorted(problems.items(), key=lambda item: item[0].casefold()):
            shared.setdefault(tuple(sorted(names, key=str.casefold)), []).append(problem)
        children = [Node(", ".join(kinds)[:1].upper() + ", ".join(kinds)[1:], [", ".join(names)], leaf=True)
                    for names, kinds in shared.items()]
        roots.append(Node(label, children=children))
    svg = _tree("algorithm-tree", [Node("What do the training data hold?", children=roots)])
    return svg.figure(
        "Built-in algorithm chooser",
        "A tree from the built-in algorithm rows. " + _tree_words([Node("What do the training data hold?",
                                                                        children=roots)]),
        "Find the branch for your labels, then the problem type; the row lists the built-ins that solve it.")


def inference_chooser(choice: Decision) -> str:
    """Questions in the order to ask them; each answer ends at one option of the inference decision."""
    names = ("Real-time endpoint", "Serverless Inference", "Asynchronous Inference", "Batch Transform",
             "Multi-model endpoint")
    rows = _options(choice, *names)
    shown = [_column(choice, column) for column in ("Latency", "Max payload", "Timeout", "GPU")]

    def leaf(answer: str, name: str) -> Node:
        row = rows[name]
        details = [f"{choice.compare.columns[i]}: {row.values[i]}" for i in shown]
        return Node(row.option, details, answer, leaf=True)

    roots = [Node("Does someone wait for each prediction?", children=[
        Node("Is a whole dataset scored at once, on a schedule?", answer="No.", children=[
            leaf("Yes:", "Batch Transform"),
            leaf("No, requests arrive one by one but are large or slow:", "Asynchronous Inference"),
        ]),
        Node("Is traffic intermittent, and a slow first call acceptable?", answer="Yes.", children=[
            leaf("Yes:", "Serverless Inference"),
            Node("Are there many models, each called rarely?", answer="No.", children=[
                leaf("Yes:", "Multi-model endpoint"),
                leaf("No, traffic is steady:", "Real-time endpoint"),
            ]),
        ]),
    ])]
    svg = _tree("inference-chooser", roots)
    return svg.figure(
        "Choosing an inference option",
        "A decision tree over the inference options, with each option's figures from the comparison table. "
        + _tree_words(roots),
        "Ask about waiting first, then traffic shape; GPUs rule out Serverless Inference.")


# --- Flows -------------------------------------------------------------------------------------


def _box(svg: Svg, x: float, y: float, width: float, title: str, details: Sequence[str] = (),
         cls: str = "d-box", height: float = 0) -> float:
    """A box with a bold title and small detail lines, at least `height` tall; returns its height."""
    title_lines = wrap(title, width - 14)
    detail_lines = [line for detail in details for line in wrap(detail, width - 14, SMALL)]
    height = max(height, 10 + len(title_lines) * LINE + len(detail_lines) * SMALL_LINE + 4)
    svg.rect(x, y, width, height, cls)
    after = svg.lines(x + 7, y + 18, title_lines, bold=True)
    svg.lines(x + 7, after - 2, detail_lines, SMALL, SMALL_LINE, cls="d-text d-muted")
    return height


def _box_height(width: float, title: str, details: Sequence[str] = ()) -> float:
    lines = len(wrap(title, width - 14))
    small = sum(len(wrap(detail, width - 14, SMALL)) for detail in details)
    return 10 + lines * LINE + small * SMALL_LINE + 4


def _short(name: str) -> str:
    """'Amazon Data Firehose' -> 'data firehose', for matching names written either way."""
    for prefix in ("amazon ", "aws "):
        if name.casefold().startswith(prefix):
            return name[len(prefix):].casefold()
    return name.casefold()


def _connected(a: Service, b: Service) -> bool:
    return _short(a.name) in map(_short, b.integrations) or _short(b.name) in map(_short, a.integrations)


def kinesis_family(services: Iterable[Service], choice: Decision) -> str:
    """Streams on top, what reads them below, where data lands under that; every arrow is an
    integration one of the two service rows lists."""
    by_name = {_short(s.name): s for s in services}
    streams = ("Kinesis Data Streams", "Amazon MSK", "Kinesis Video Streams")
    readers = ("Managed Service for Apache Flink", "Amazon Data Firehose")
    rows = _options(choice, *streams, *readers)
    missing = [name for name in (*streams, *readers) if _short(name) not in by_name]
    if missing:
        raise ValueError(f"no service row named {', '.join(missing)}")
    latency, replay, transform, destinations = (_column(choice, c) for c in (
        "Latency", "Retention and replay", "Transformation", "Destinations"))
    flows = [(a, b) for a in streams[:2] for b in readers] + [readers]
    for a, b in flows:
        if not _connected(by_name[_short(a)], by_name[_short(b)]):
            raise ValueError(f"the diagram draws {a} -> {b}, but neither service row lists the other "
                             f"in its integrations")
    width, columns = 144, (8, 172, 336)
    top_details = {name: [f"Latency: {rows[name].values[latency]}", f"Keeps: {rows[name].values[replay]}"]
                   for name in streams}
    low_details = {name: [f"Latency: {rows[name].values[latency]}", f"Transforms: {rows[name].values[transform]}"]
                   for name in readers}
    top_h = max(_box_height(width, rows[n].option, top_details[n]) for n in streams)
    low_y = 10 + top_h + 46
    low_h = max(_box_height(width, rows[n].option, low_details[n]) for n in readers)
    dest_y = low_y + low_h + 30
    dest_lines = {name: wrap(f"To: {rows[name].values[destinations]}", width - 6, SMALL)
                  for name in (*readers, streams[2], streams[0])}
    height = dest_y + max(len(lines) for lines in dest_lines.values()) * SMALL_LINE + 14
    svg = Svg("kinesis-family", WIDTH, int(height))
    for name, x in zip(streams, columns):
        _box(svg, x, 10, width, rows[name].option, top_details[name], height=top_h)
    for name, x in zip(readers, columns):
        _box(svg, x, low_y, width, rows[name].option, low_details[name], "d-box d-leaf", low_h)
    centre = {name: x + width / 2 for name, x in zip(streams, columns)}
    centre.update({name: x + width / 2 for name, x in zip(readers, columns)})
    for a, b in flows[:-1]:
        svg.line(centre[a], 10 + top_h, centre[b] + (centre[a] - centre[b]) * 0.25, low_y - 2, "d-line", arrow=True)
    flink_right, firehose_left = columns[0] + width, columns[1]
    svg.line(flink_right, low_y + low_h / 2, firehose_left - 2, low_y + low_h / 2, "d-line", arrow=True)
    svg.line(centre[streams[2]], 10 + top_h, centre[streams[2]], dest_y - 14, "d-line", arrow=True)
    for name, x in zip(readers, columns):
        svg.line(centre[name], low_y + low_h, centre[name], dest_y - 14, "d-line", arrow=True)
        svg.lines(x + 3, dest_y, dest_lines[name], SMALL, SMALL_LINE, cls="d-text")
    svg.lines(columns[2] + 3, dest_y, dest_lines[streams[2]], SMALL, SMALL_LINE, cls="d-text")
    words = " ".join(
        f"{rows[n].option}: latency {rows[n].values[latency]}; keeps {rows[n].values[replay]}; "
        f"delivers to {rows[n].values[destinations]}." for n in (*streams, *readers))
    return svg.figure(
        "The Kinesis family and Amazon MSK",
        "Streams that store records: " + ", ".join(streams) + ". "
        + " ".join(f"{a} feeds {b}." for a, b in flows) + " " + words,
        f"Arrows follow the integrations the service rows list; {rows[streams[0]].option} also feeds "
        f"consumers you write yourself.")


def training_flow(training: Service, registry: Service, endpoint: Service, batch: Service) -> str:
    """From data in S3 to a model that answers, naming the services from their rows."""
    width, x = 300, 90
    steps = [
        ("Training data in Amazon S3", ["one prefix per channel: train, validation, ..."]),
        (training.name, [f"image pulled from {registry.name}", "channels appear in /opt/ml/input/data/<channel>",
                         "the code saves its model to /opt/ml/model"]),
        ("Model artifact in S3", ["/opt/ml/model packed as model.tar.gz in the job's S3 output path"]),
        ("SageMaker model (CreateModel)", ["inference image + model.tar.gz + IAM role"]),
    ]
    heights = [_box_height(width, title, details) for title, details in steps]
    split_y = 8 + sum(heights) + 26 * len(steps)
    left_w, right_w = 226, 226
    left = [("Endpoint configuration (CreateEndpointConfig)", ["production variants: instance type and count"]),
            (endpoint.name + " (CreateEndpoint)", ["clients call InvokeEndpoint over HTTPS"])]
    right = (batch.name + " job", ["scores a dataset in S3 and writes results to S3", "no endpoint to keep running"])
    left_h = [_box_height(left_w, t, d) for t, d in left]
    height = split_y + max(sum(left_h) + 26, _box_height(right_w, *right)) + 12
    svg = Svg("training-flow", WIDTH, int(height))
    y = bottom = 8.0
    for number, ((title, details), h) in enumerate(zip(steps, heights), 1):
        _box(svg, x, y, width, title, details, "d-box d-leaf" if title == training.name else "d-box")
        bottom = y + h
        if number < len(steps):
            svg.line(x + width / 2, bottom, x + width / 2, bottom + 24, "d-line", arrow=True)
        y = bottom + 26
    svg.line(x + width / 2, bottom, 8 + left_w / 2, split_y - 2, "d-line", arrow=True)
    svg.line(x + width / 2, bottom, WIDTH - 8 - right_w / 2, split_y - 2, "d-line", arrow=True)
    ly = split_y
    for number, ((title, details), h) in enumerate(zip(left, left_h), 1):
        _box(svg, 8, ly, left_w, title, details, "d-box d-leaf" if number == len(left) else "d-box")
        if number < len(left):
            svg.line(8 + left_w / 2, ly + h, 8 + left_w / 2, ly + h + 24, "d-line", arrow=True)
        ly += h + 26
    _box(svg, WIDTH - 8 - right_w, split_y, right_w, *right, cls="d-box d-leaf")
    path = " Then ".join(f"{title}: {'; '.join(details)}." for title, details in steps)
    return svg.figure(
        "From training data to a hosted model",
        f"{path} From the model, either {left[0][0]}, then {left[1][0]}, where {left[1][1][0]}; "
        f"or a {right[0]}, which {right[1][0]}.",
        "One artifact, two ways to serve it: a live endpoint, or a batch job that needs none.")


def traffic_shifting(strategies: Decision) -> str:
    """Share of traffic on the new (green) fleet over time for the three blue/green modes.
    The percentages are examples within SageMaker's limits (a canary of at most half the fleet,
    linear steps of 10 to 50 percent)."""
    rows = _options(strategies, "All at once (blue/green)", "Canary", "Linear")
    steps = {
        "All at once (blue/green)": [(0, 0), (1, 0), (1, 100), (5, 100)],
        "Canary": [(0, 0), (1, 0), (1, 20), (3, 20), (3, 100), (5, 100)],
        "Linear": [(0, 0), (1, 0), (1, 25), (2, 25), (2, 50), (3, 50), (3, 75), (4, 75), (4, 100), (5, 100)],
    }
    bakes = {"All at once (blue/green)": [(1, 3)], "Canary": [(1, 3)], "Linear": [(1, 2), (2, 3), (3, 4), (4, 5)]}
    notes = {"All at once (blue/green)": "all traffic moves, then one bake",
             "Canary": "a 20% canary bakes, then the rest moves",
             "Linear": "four steps of 25%, a bake after each"}
    panel, svg = 112, Svg("traffic-shifting", WIDTH, 40 + 3 * 112 + 24)
    svg.text(8, 16, "Share of traffic on the new (green) fleet", bold=True)
    for index, (name, row) in enumerate(rows.items()):
        top = 58 + index * panel
        plot = Plot(svg, 52, top, 400, 56, (0, 5), (0, 100))
        svg.text(8, top - 10, row.option, bold=True)
        svg.text(WIDTH - 8, top - 10, notes[name], "end", "d-text d-muted", SMALL)
        for number, (start, stop) in enumerate(bakes[name]):
            svg.add(f'<rect x="{plot.x(start) + 1.5:.1f}" y="{plot.y(100):.1f}" width="{plot.x(stop) - plot.x(start) - 3:.1f}" '
                    f'height="{plot.height:.1f}" class="d-band" fill="currentColor" fill-opacity="0.08"/>')
            if number == 0:
                svg.text(plot.x((start + stop) / 2), plot.y(50) + 4, "bake", "middle", "d-text", SMALL)
        svg.line(plot.left, plot.y(0), plot.left + plot.width, plot.y(0), "d-axis")
        svg.line(plot.left, plot.y(0), plot.left, plot.y(100), "d-axis")
        svg.line(plot.left, plot.y(100), plot.left + plot.width, plot.y(100), "d-grid")
        svg.text(plot.left - 6, plot.y(100) + 4, "100%", "end", "d-text d-muted", SMALL)
        svg.text(plot.left - 6, plot.y(0) + 4, "0%", "end", "d-text d-muted", SMALL)
        svg.polyline([plot.point(*p) for p in steps[name]], "d-curve d-accent")
    svg.text(WIDTH / 2, 40 + 3 * panel + 10, "Time. An alarm during any bake sends all traffic back to blue.",
             "middle", "d-text d-muted", SMALL)
    return svg.figure(
        "Traffic shifting in blue/green deployments",
        "Three step charts of the share of traffic on the new green fleet over time. "
        + " ".join(f"{rows[name].option}: {notes[name]}." for name in rows)
        + " The percentages are examples. During each baking period CloudWatch alarms watch the green fleet; "
          "if one trips, all traffic returns to the blue fleet, which is removed only after the last bake.",
        "Canary and linear expose fewer users at a time than all at once; each keeps the blue fleet until the "
        "last bake ends.")


# --- Which rows each diagram draws from ----------------------------------------------------------


def _by_key(rows: Iterable, key: str, kind: str):
    for row in rows:
        if row.key == key:
            return row
    raise ValueError(f"the diagram needs the {kind} '{key}' in data/{kind}s*.yml")


DIAGRAMS: dict[str, Callable[[SiteData], str]] = {
    "confusion-matrix": lambda d: confusion_matrix(d.metrics),
    "roc-curve": lambda d: roc_curve(d.metrics),
    "pr-curve": lambda d: pr_curve(d.metrics),
    "bias-variance": lambda d: bias_variance(_by_key(d.decisions, "fit-problem-remedies", "decision")),
    "early-stopping": lambda d: early_stopping(),
    "k-fold": lambda d: k_fold(),
    "algorithm-tree": lambda d: algorithm_tree(d.algorithms),
    "inference-chooser": lambda d: inference_chooser(_by_key(d.decisions, "inference-option-choice", "decision")),
    "kinesis-family": lambda d: kinesis_family(d.services, _by_key(d.decisions, "streaming-service-choice",
                                                                    "decision")),
    "training-flow": lambda d: training_flow(*(_by_key(d.services, slug, "service") for slug in (
        "training-job", "amazon-ecr", "real-time-endpoint", "batch-transform"))),
    "traffic-shifting": lambda d: traffic_shifting(_by_key(d.decisions, "deployment-strategy-choice", "decision")),
}


def draw(name: str, data: SiteData) -> str:
    if name not in DIAGRAMS:
        raise ValueError(f"no diagram '{name}' (diagrams: {', '.join(DIAGRAMS)})")
    return DIAGRAMS[name](data)
