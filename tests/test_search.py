"""Exam-eve searches, typed into the site's search box in Chromium: the section that answers each
query must be among the first three results shown."""

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from test_browser import search

pytestmark = pytest.mark.browser

ALGORITHMS = "modeling/built-in-algorithms/"
STREAMING = "data-engineering/streaming/"
ETL = "data-engineering/etl-orchestration/"
STORAGE = "data-engineering/storage/"
FEATURES = "exploratory-data-analysis/feature-engineering/"
CLEANING = "exploratory-data-analysis/data-cleaning/"
IMBALANCE = "exploratory-data-analysis/imbalance-and-splitting/"
TEXT = "exploratory-data-analysis/text-features/"
TRAINING = "modeling/training/"
DEEP = "modeling/deep-learning/"
FIT = "modeling/model-fit/"
TUNING = "modeling/tuning/"
AI = "modeling/ai-services/"
CLASSIFICATION = "formulas/classification/"
REGRESSION = "formulas/regression-forecasting/"
DEPLOY = "ml-implementation-operations/deployment/"
STRATEGIES = "ml-implementation-operations/deployment-strategies/"
HARDWARE = "ml-implementation-operations/hardware-edge/"
MONITORING = "ml-implementation-operations/monitoring/"
MLOPS = "ml-implementation-operations/mlops/"
SECURITY = "ml-implementation-operations/security/"
CONTAINERS = "ml-implementation-operations/containers/"

# (what a person types, the section(s) that answer it)
QUERIES = [
    # Algorithms: CamelCase names, hyphens, acronyms and their expansions
    ("XGBoost", ALGORITHMS + "#xgboost"),
    ("k-NN", ALGORITHMS + "#knn"),
    ("knn", ALGORITHMS + "#knn"),
    ("k-means", ALGORITHMS + "#k-means"),
    ("Seq2Seq", ALGORITHMS + "#seq2seq"),
    ("seq2seq translation", ALGORITHMS + "#seq2seq"),
    ("PCA", (ALGORITHMS + "#pca", "exploratory-data-analysis/visualization/#pca-and-t-sne-for-visualization")),
    ("RCF", ALGORITHMS + "#random-cut-forest"),
    ("Random Cut Forest", ALGORITHMS + "#random-cut-forest"),
    ("BlazingText", ALGORITHMS + "#blazingtext"),
    ("blazing text", ALGORITHMS + "#blazingtext"),
    ("DeepAR", ALGORITHMS + "#deepar"),
    ("Object2Vec", ALGORITHMS + "#object2vec"),
    ("NTM", ALGORITHMS + "#neural-topic-model"),
    ("LDA", ALGORITHMS + "#lda"),
    ("factorization machines", ALGORITHMS + "#factorization-machines"),
    ("RecordIO", ALGORITHMS + "#recordio-protobuf"),
    # Needs, in the words people type
    ("IP address anomaly", ALGORITHMS + "#ip-insights"),
    ("anomaly", ALGORITHMS + "#random-cut-forest"),
    ("sparse", ALGORITHMS + "#factorization-machines"),
    ("bounding box", (ALGORITHMS + "#object-detection-mxnet", ALGORITHMS + "#object-detection-tensorflow")),
    ("forecast", "modeling/algorithm-chooser/#forecasting-method-choice"),
    ("real-time", (DEPLOY + "#real-time-endpoint", DEPLOY + "#real-time-inference")),
    ("ml.p3.2xlarge", HARDWARE + "#reading-an-instance-name"),
    # Data engineering
    ("Firehose Parquet", STREAMING + "#firehose-format-conversion"),
    ("KDS", STREAMING + "#kinesis-data-streams"),
    ("shard", STREAMING + "#shard-capacity-planning"),
    ("enhanced fan-out", STREAMING + "#enhanced-fan-out"),
    ("Kinesis Data Analytics", STREAMING + "#managed-service-for-apache-flink"),
    ("Glue crawler", ETL + "#glue-crawlers"),
    ("FindMatches", ETL + "#findmatches"),
    ("EMRFS", ETL + "#emrfs"),
    ("S3 storage classes", STORAGE + "#s3-storage-classes"),
    ("Object Lock", STORAGE + "#s3-object-lock"),
    ("SSE-KMS", (STORAGE + "#s3-encryption", SECURITY + "#encryption-choice")),
    # Exploratory data analysis
    ("t-SNE", "exploratory-data-analysis/visualization/#t-sne"),
    ("one-hot", FEATURES + "#one-hot-encoding"),
    ("SMOTE", IMBALANCE + "#smote"),
    ("TF-IDF", (TEXT + "#tf-idf", "formulas/data-text-clustering/#tf-idf")),
    ("OSB", TEXT + "#orthogonal-sparse-bigrams"),
    ("n-gram", TEXT + "#n-grams"),
    ("MICE", CLEANING + "#mice"),
    ("outlier", CLEANING + "#outlier-detection"),
    ("Ground Truth", "exploratory-data-analysis/labeling/#sagemaker-ground-truth"),
    ("QuickSight", tuple(f"exploratory-data-analysis/visualization/#{anchor}"
                    for anchor in ("amazon-quicksight", "quicksight-visuals", "quicksight-rebrand"))),
    # Modeling
    ("F1", CLASSIFICATION + "#f1-score"),
    ("L1", FIT + "#l1-regularization"),
    ("L2", FIT + "#l2-regularization"),
    ("dropout", FIT + "#dropout"),
    ("vanishing gradient", DEEP + "#vanishing-gradient"),
    ("LSTM", DEEP + "#lstm"),
    ("softmax", DEEP + "#activation-functions"),
    ("ReLU", DEEP + "#activation-functions"),
    ("Hyperband", TUNING + "#hyperband"),
    ("Pipe mode", TRAINING + "#pipe-mode"),
    ("FastFile", TRAINING + "#fastfile-mode"),
    ("spot training", TRAINING + "#managed-spot-training"),
    ("checkpoint", TRAINING + "#checkpointing"),
    ("Rekognition", AI + "#amazon-rekognition"),
    ("Personalize", AI + "#amazon-personalize"),
    ("sentiment analysis", AI + "#amazon-comprehend"),  # its purpose, above a chooser table with both words
    ("confusion matrix", CLASSIFICATION + "#confusion-matrix"),
    ("AUC", CLASSIFICATION + "#auc"),
    ("sensitivity", CLASSIFICATION + "#recall"),
    ("RMSE", REGRESSION + "#rmse"),
    ("R squared", REGRESSION + "#r-squared"),
    # ML implementation and operations
    ("serverless inference", DEPLOY + "#serverless-inference"),
    ("batch transform", DEPLOY + "#batch-transform"),
    ("multi-model endpoint", DEPLOY + "#multi-model-endpoint"),
    ("canary", STRATEGIES + "#canary-deployment"),
    ("blue/green", STRATEGIES + "#blue-green-deployment"),
    ("data drift", MONITORING + "#data-drift"),
    ("SHAP", MONITORING + "#shap-values"),
    ("network isolation", SECURITY + "#network-isolation"),
    ("PrivateLink", SECURITY + "#aws-privatelink"),
    ("KMS", SECURITY + "#aws-kms"),
    ("VPC", SECURITY + "#amazon-vpc"),
    ("Neo", HARDWARE + "#sagemaker-neo"),
    ("Elastic Inference", HARDWARE + "#elastic-inference"),
    ("Feature Store", MLOPS + "#sagemaker-feature-store"),
    ("/opt/ml", CONTAINERS + "#training-container-layout"),
]


def search_ready(page) -> None:
    """Reach for search as a reader does (the index loads on intent), then wait for the index."""
    page.focus("input.md-search__input")
    page.wait_for_function(
        "() => /Type to start/i.test(document.querySelector('.md-search-result__meta').textContent)",
        timeout=15000)


@pytest.fixture(scope="module")
def search_page(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url, wait_until="networkidle")
    search_ready(page)
    yield page
    context.close()


def _target(link: str, base_url: str) -> str:
    parts = urlsplit(link)
    return parts.path.removeprefix(urlsplit(base_url).path) + (f"#{parts.fragment}" if parts.fragment else "")


def _query_files() -> list[tuple[str, str | tuple[str, ...]]]:
    """Queries for newer topics, one file per topic: `query<TAB>expected[<TAB>expected...]` per line,
    each expected target a built URL path with its anchor ('ml-engineering/ci-cd/#codepipeline')."""
    queries = []
    for file in sorted((Path(__file__).parent / "search_queries").glob("*.tsv")):
        for line in file.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                query, *targets = line.split("\t")
                queries.append((query, targets[0] if len(targets) == 1 else tuple(targets)))
    return queries


QUERIES += _query_files()


def test_query_set_is_large_enough():
    assert len(QUERIES) >= 60
    assert len({query.lower() for query, _ in QUERIES}) == len(QUERIES)


@pytest.mark.parametrize("query, expected", QUERIES, ids=[q for q, _ in QUERIES])
def test_search_shows_the_answering_section_in_the_top_three(search_page, base_url, query, expected):
    accepted = {expected} if isinstance(expected, str) else set(expected)
    shown = [_target(link, base_url) for link in search(search_page, query)]
    assert accepted & set(shown[:3]), f"{query!r}: top results were {shown[:5]}"


# --- Search that forgives: typing slips, stop words, rare words over titles (docs/assets/search-forgive.js) ---

def _shown(page, base_url) -> list[tuple[str, str, str]]:
    """(target, title, missing-terms note) of every result link, in order."""
    rows = page.eval_on_selector_all(
        ".md-search-result__link",
        """links => links.map(a => [a.href, (a.querySelector('h1, h2') || {}).textContent || '',
                                    (a.querySelector('.md-search-result__terms') || {}).textContent || ''])""")
    return [(_target(href, base_url), title.strip(), missing) for href, title, missing in rows]


# (typed, the word that matches nothing, a section that answers, the spelling the results are for)
TYPOS = [
    ("xgbost", "xgbost", ALGORITHMS + "#xgboost", "xgboost"),
    ("precison", "precison", CLASSIFICATION + "#precision", "precision"),
    ("kineses", "kineses", STREAMING + "#", "kinesis"),
    ("autopliot", "autopliot", "modeling/automl-foundation-models/#sagemaker-autopilot", "autopilot"),
    ("xgbost tuning", "xgbost", ALGORITHMS + "#xgboost", "xgboost"),
    ("loss not converging", "converging", DEEP + "#convergence", "convergence"),
]


@pytest.mark.parametrize("query, typo, expected, spelled", TYPOS, ids=[q for q, *_ in TYPOS])
def test_a_word_that_matches_nothing_is_asked_again_respelled(search_page, base_url, query, typo, expected, spelled):
    shown = _shown_after(search_page, base_url, query)
    assert any(target.startswith(expected) for target, _, _ in shown[:3]), f"{query!r}: {shown[:5]}"
    meta = search_page.inner_text(".md-search-result__meta")
    assert spelled in meta, f"the count should name the spelling used: {meta!r}"
    # No result calls the respelled word missing: results name the word they matched
    assert not [note for _, _, note in shown if typo in note], shown[:6]


def _shown_after(page, base_url, query):
    search(page, query)
    return _shown(page, base_url)


def test_a_respelling_that_never_meets_the_other_words_is_refused(search_page, base_url):
    """'converging' is one edit from 'converting', which never appears beside 'loss'."""
    search(search_page, "loss not converging")
    assert "converting" not in search_page.inner_text(".md-search-result__meta")


def test_a_query_that_matches_nothing_still_says_so(search_page, base_url):
    assert _shown_after(search_page, base_url, "qqzzxxw") == []
    assert "No matching" in search_page.inner_text(".md-search-result__meta")


def test_stop_words_do_not_decide_the_ranking(search_page, base_url):
    """The index holds no stop words, so "to" could only match as a prefix ("tools", "topics")."""
    typed = [target for target, _, _ in _shown_after(search_page, base_url, "speech to text")]
    first_section = next(target for target in typed if "#" in target)
    assert first_section == AI + "#amazon-transcribe", typed[:5]
    assert not any(target.startswith("exploratory-data-analysis/tools/") for target in typed[:10]), typed[:10]
    reversed_ = [target for target, _, _ in _shown_after(search_page, base_url, "text to speech")]
    assert next(target for target in reversed_ if "#" in target) == AI + "#amazon-polly", reversed_[:5]


def test_a_rare_word_outranks_a_common_word_in_a_title(search_page, base_url):
    """'sentiment analysis': Comprehend (sentiment) above pages that only have 'analysis' in the title."""
    shown = _shown_after(search_page, base_url, "sentiment analysis")
    targets = [target for target, _, _ in shown]
    comprehend = targets.index(AI + "#amazon-comprehend")
    merely = [i for i, (target, title, _) in enumerate(shown)
              if "analysis" in title.lower() and "sentiment" not in title.lower() and "#" in target]
    assert merely and comprehend < min(merely), shown[:12]
    pages_before = sum("#" not in target for target in targets[:comprehend])
    assert pages_before <= 2, f"Comprehend should be in the first two pages of results: {targets[:8]}"


def test_glossary_terms_are_found_with_their_own_anchor(search_page, base_url):
    shown = [target for target, _, _ in _shown_after(search_page, base_url, "annotation consolidation")]
    assert shown.index("exploratory-data-analysis/labeling/#annotation-consolidation") < 3, shown[:5]
    assert "glossary/a/#annotation-consolidation" in shown, shown


@pytest.mark.parametrize("query", ["xgbost", "speech to text"])
def test_forgiving_search_works_offline_from_disk(browser, offline_site_dir, query):
    """Under file:// the worker is the iframe-worker shim; the wrapper must sit on top of it too."""
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((offline_site_dir / "index.html").as_uri(), wait_until="load")
    search_ready(page)
    links = [urlsplit(link) for link in search(page, query)]
    shown = [f"{link.path}#{link.fragment}" for link in links[:6]]
    context.close()
    expected = ("/modeling/built-in-algorithms.html#xgboost" if query == "xgbost"
                else "/modeling/ai-services.html#amazon-transcribe")
    assert any(target.endswith(expected) for target in shown), shown
    assert not errors, errors
