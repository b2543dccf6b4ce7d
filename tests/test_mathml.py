"""Formulas become MathML at build time: `$...$` inline and `$$...$$` on their own lines turn into
<math> with the LaTeX as its alt text, and a formula that cannot be converted stops with its LaTeX."""

import markdown
import pytest

from macros.mathml import to_mathml


@pytest.fixture(autouse=True)
def convert_afresh():
    """`to_mathml` caches, and the site's formulas are converted while the data loads: each test here
    converts its formulas anew, so what it checks is the conversion, not a remembered result."""
    to_mathml.cache_clear()


def page_html(text: str) -> str:
    """`text` converted with the Markdown extensions mkdocs.yml lists for formulas."""
    return markdown.markdown(text, extensions=["md_in_html", "pymdownx.arithmatex", "macros.mathml"],
                             extension_configs={"pymdownx.arithmatex": {"generic": True}})


def test_inline_formula_in_a_paragraph_becomes_inline_mathml_in_a_formula_span():
    html = page_html(r"The ratio $\frac{q}{r}$ is small.")
    assert '<span class="formula-inline"><math alttext="\\frac{q}{r}"' in html
    assert 'display="inline"' in html and "<mfrac>" in html
    assert "arithmatex" not in html and "\\(" not in html


def test_display_formula_on_its_own_lines_becomes_block_mathml_in_a_formula_div():
    html = page_html("Before.\n\n$$\nq_1 + r_2\n$$\n\nAfter.")
    assert '<div class="formula"><math alttext="q_1 + r_2"' in html
    assert 'display="block"' in html and "<msub>" in html
    assert "arithmatex" not in html and "\\[" not in html


def test_markup_characters_in_a_formula_are_read_as_latex_and_kept_escaped_in_the_alt_text():
    html = page_html(r"Holds when $q < r \& s$.")
    assert 'alttext="q &lt; r \\&amp; s"' in html
    assert "<mo>&lt;</mo>" in html or "<mo>&#x0003C;</mo>" in html


def test_text_without_formulas_is_left_alone():
    assert page_html("Plain *text* costs $5 and $6.") == "<p>Plain <em>text</em> costs $5 and $6.</p>"


def test_display_and_inline_conversions_differ_only_in_display():
    assert 'display="block"' in to_mathml(r"q^{2} + w", True)
    assert 'display="inline"' in to_mathml(r"q^{2} + w")
    assert to_mathml(r"q^{3} + w", display=False).startswith('<math alttext="q^{3} + w" xmlns=')


@pytest.mark.parametrize("latex", ["{q", "q}", "}q{", r"\frac{q}{r", r"\frac{q}r}{"])
def test_unbalanced_braces_are_refused_with_the_formula(latex):
    with pytest.raises(ValueError) as caught:
        to_mathml(latex)
    assert str(caught.value) == f"LaTeX formula cannot be converted (unbalanced braces): {latex}"


@pytest.mark.parametrize("latex", [r"\{ q", r"q \}", r"\{ q \}", r"\left\{ q \right.", r"{\{q}"])
def test_escaped_braces_do_not_count_as_grouping(latex):
    assert f'alttext="{latex}"' in to_mathml(latex)


def test_an_unknown_command_is_refused_by_name():
    with pytest.raises(ValueError) as caught:
        to_mathml(r"q + \notacommand r")
    assert str(caught.value) == r"LaTeX formula cannot be converted (unknown command '\\notacommand'): " \
                                r"q + \notacommand r"


def test_quotes_and_ampersands_in_the_alt_text_are_escaped():
    markup = to_mathml(r'\text{"q"} \& r')
    assert markup.startswith('<math alttext="\\text{&quot;q&quot;} \\&amp; r" ')
    assert markup.count("alttext=") == 1


def test_runs_of_capitals_are_set_upright_as_one_name_wherever_they_appear():
    markup = to_mathml(r"MAE + RMSE \cdot q")
    assert '<mi mathvariant="normal">MAE</mi>' in markup and '<mi mathvariant="normal">RMSE</mi>' in markup
    assert "<mi>q</mi>" in markup and "<mi>M</mi>" not in markup
