"""Worked examples of the generative AI and retrieval formulas: each value is recomputed here from the
example's structured inputs with an independent implementation, and the stated result is on the built page."""

import math
import re
from collections import Counter

import pytest

from built import DATA, built_page, visible_text

METRICS = {m.slug: m for m in DATA.metrics}

# Rows written before `example.inputs` existed state their inputs only in `given`; they are repeated here,
# and test_fallback_inputs_match_the_stated_example checks that every number still appears in `given`.
FALLBACK_INPUTS = {
    "bleu-score": {"precisions": [0.8, 0.5], "brevity_penalty": 1.0},
    "cosine-similarity": {"a": [1, 0, 1], "b": [1, 1, 0]},
    "perplexity": {"probabilities": [0.25, 0.25, 0.25, 0.25]},
}
FALLBACK_NUMBERS = {
    "bleu-score": ["0.8", "0.5", "BP = 1"],
    "cosine-similarity": ["(1, 0, 1)", "(1, 1, 0)"],
    "perplexity": ["4 test tokens", "0.25"],
}


def ngrams(text: str, n: int) -> Counter:
    words = text.lower().split()
    return Counter(tuple(words[i:i + n]) for i in range(len(words) - n + 1))


def rouge_n(inputs: dict) -> float:
    reference, candidate = ngrams(inputs["reference"], inputs["n"]), ngrams(inputs["candidate"], inputs["n"])
    overlap = sum(min(count, candidate[gram]) for gram, count in reference.items())
    return overlap / sum(reference.values())


def bleu(inputs: dict) -> float:
    precisions = inputs["precisions"]
    weight = 1 / len(precisions)
    return inputs["brevity_penalty"] * math.exp(sum(weight * math.log(p) for p in precisions))


def bertscore_f1(inputs: dict) -> float:
    matrix = inputs["similarity"]
    recall = sum(max(row) for row in matrix) / len(matrix)
    columns = list(zip(*matrix))
    precision = sum(max(column) for column in columns) / len(columns)
    return 2 * precision * recall / (precision + recall)


def cosine(inputs: dict) -> float:
    a, b = inputs["a"], inputs["b"]
    dot = sum(x * y for x, y in zip(a, b))
    return dot / (math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b)))


def perplexity(inputs: dict) -> float:
    logs = [math.log(p) for p in inputs["probabilities"]]
    return math.exp(-sum(logs) / len(logs))


def recall_at_k(inputs: dict) -> float:
    top_k = set(inputs["retrieved"][:inputs["k"]])
    return len(top_k & set(inputs["relevant"])) / len(inputs["relevant"])


def mean_reciprocal_rank(inputs: dict) -> float:
    ranks = inputs["first_relevant_ranks"]
    return sum(1 / rank if rank else 0.0 for rank in ranks) / len(ranks)


def ndcg(inputs: dict) -> float:
    def dcg(gains):
        return sum(gain / math.log2(position + 1) for position, gain in enumerate(gains[:inputs["k"]], start=1))
    return dcg(inputs["relevance"]) / dcg(inputs["ideal"])


def token_cost(inputs: dict) -> float:
    per_request = (inputs["input_tokens"] / 1000 * inputs["price_in_per_1k"]
                   + inputs["output_tokens"] / 1000 * inputs["price_out_per_1k"])
    return inputs["requests"] * per_request


COMPUTE = {
    "rouge-n": rouge_n,
    "bleu-score": bleu,
    "bertscore": bertscore_f1,
    "cosine-similarity": cosine,
    "perplexity": perplexity,
    "recall-at-k": recall_at_k,
    "mean-reciprocal-rank": mean_reciprocal_rank,
    "ndcg": ndcg,
    "token-cost": token_cost,
}


def inputs_of(slug: str) -> dict:
    example = METRICS[slug].example
    return example.inputs if example.inputs is not None else FALLBACK_INPUTS[slug]


def shown_forms(value: float) -> set[str]:
    """How a page may print the value: two decimals, or a whole number."""
    forms = {f"{value:.2f}"}
    if abs(value - round(value)) < 1e-9:
        forms.add(str(int(round(value))))
    return forms


def page_text(html_pages: dict, md_path: str) -> str:
    return " ".join(visible_text(html_pages[built_page(md_path)]).split())


def test_every_formula_of_the_issue_exists():
    assert set(COMPUTE) <= set(METRICS), sorted(set(COMPUTE) - set(METRICS))


@pytest.mark.parametrize("slug", [s for s in COMPUTE if s not in FALLBACK_INPUTS])
def test_new_rows_carry_structured_inputs_and_a_value(slug):
    example = METRICS[slug].example
    assert example.inputs, f"{slug}: example.inputs is missing"
    assert example.value is not None, f"{slug}: example.value is missing"


@pytest.mark.parametrize("slug", sorted(FALLBACK_INPUTS))
def test_fallback_inputs_match_the_stated_example(slug):
    given = METRICS[slug].example.given + " " + METRICS[slug].example.steps
    for number in FALLBACK_NUMBERS[slug]:
        assert number in given, f"{slug}: '{number}' no longer in the example; update FALLBACK_INPUTS"


@pytest.mark.parametrize("slug", sorted(COMPUTE))
def test_worked_example_value_is_recomputed(slug):
    example = METRICS[slug].example
    computed = COMPUTE[slug](inputs_of(slug))
    if example.value is not None:
        assert computed == pytest.approx(example.value, abs=0.005), f"{slug}: stated {example.value}, computed {computed}"
    assert shown_forms(computed) & set(re.findall(r"\d+(?:\.\d+)?", example.result)), \
        f"{slug}: result '{example.result}' does not state the computed {computed:.4f}"


@pytest.mark.parametrize("slug", sorted(COMPUTE))
def test_worked_example_result_is_on_the_built_page(slug, html_pages):
    metric = METRICS[slug]
    text = page_text(html_pages, metric.page)
    assert " ".join(metric.example.result.split()) in text, f"{slug}: result missing from {metric.page}"
