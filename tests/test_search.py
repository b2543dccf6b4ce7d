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


@pytest.fixture(scope="module")
def search_page(browser, base_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base_url, wait_until="networkidle")
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
