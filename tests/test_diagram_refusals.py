"""A diagram whose rows changed under it stops the build and says which row, column or service it
lost, listing what is there, instead of drawing a wrong picture."""

import pytest

from built import DATA
from macros import diagrams as d
from test_diagrams import decision


def refusal(draw, *args) -> str:
    with pytest.raises(ValueError) as caught:
        draw(*args)
    return str(caught.value)


def without_rows(slug: str, *options: str):
    row = decision(slug)
    return row.model_copy(update={"compare": row.compare.model_copy(
        update={"rows": [r for r in row.compare.rows if r.option not in options]})})


def test_a_decision_without_a_comparison_cannot_be_drawn():
    bare = decision("fit-problem-remedies").model_copy(update={"compare": None})
    assert refusal(d.bias_variance, bare) == "decision 'fit-problem-remedies' has no comparison to draw from"


def test_missing_comparison_rows_are_named_with_the_rows_that_remain():
    fewer = without_rows("streaming-service-choice", "Amazon MSK", "Kinesis Video Streams")
    assert refusal(d.kinesis_family, DATA.services, fewer) == (
        "decision 'streaming-service-choice' has no comparison row for Amazon MSK, Kinesis Video Streams "
        f"(its rows: {', '.join(r.option for r in fewer.compare.rows)})")


def test_a_renamed_column_is_named_with_the_columns_there_are():
    fit = decision("fit-problem-remedies")
    columns = ["Symptoms" if c == "Diagnosis" else c for c in fit.compare.columns]
    renamed = fit.model_copy(update={"compare": fit.compare.model_copy(update={"columns": columns})})
    assert refusal(d.bias_variance, renamed) == (
        f"decision 'fit-problem-remedies' has no column 'Diagnosis' (its columns: {', '.join(columns)})")


def test_stream_services_missing_from_the_service_rows_are_named():
    services = [s for s in DATA.services if s.name not in ("Amazon MSK", "Amazon Data Firehose")]
    assert refusal(d.kinesis_family, services, decision("streaming-service-choice")) == \
        "no service row named Amazon MSK, Amazon Data Firehose"


def test_metric_rows_without_a_worked_matrix_are_refused():
    assert refusal(d.worked_matrix, []) == \
        "the diagrams need one worked confusion matrix shared by the metric rows; found none"


def test_metric_rows_with_two_different_matrices_are_refused_naming_each():
    rows = [m for m in DATA.metrics if m.example.confusion is not None]
    first = rows[0]
    c = first.example.confusion
    other = first.model_copy(update={"slug": "fixture-metric", "example": first.example.model_copy(
        update={"confusion": c.model_copy(update={"tp": c.tp + 1})})})
    message = refusal(d.worked_matrix, [*rows, other])
    assert message.startswith("the diagrams need one worked confusion matrix shared by the metric rows; found ")
    assert message.endswith(f" ({c.tp}, {c.fp}, {c.fn}, {c.tn}), fixture-metric ({c.tp + 1}, {c.fp}, {c.fn}, {c.tn})")


def test_an_unknown_diagram_lists_the_diagrams_there_are():
    assert refusal(d.draw, "venn", DATA) == f"no diagram 'venn' (diagrams: {', '.join(d.DIAGRAMS)})"
