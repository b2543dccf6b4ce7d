"""Schemas of the data files: one pydantic model per kind of row.

Every model forbids unknown fields, so a typo in a key is an error, not a silent gap.
Closed sets (domains, learning types, instance classes, input modes) are enums.
"""

from enum import Enum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from .mathml import to_mathml

OFFICIAL_SOURCE_PREFIXES = (
    "https://docs.aws.amazon.com/",
    "https://aws.amazon.com/",
    "https://d1.awsstatic.com/",
    "https://sagemaker.readthedocs.io/",
    "https://repost.aws/",
)


def _non_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value.strip()


def _official_url(value: str) -> str:
    if not value.startswith(OFFICIAL_SOURCE_PREFIXES):
        raise ValueError(
            "must be an official AWS URL starting with one of: " + ", ".join(OFFICIAL_SOURCE_PREFIXES)
        )
    return value


def _slug(value: str) -> str:
    if not value or not all(c.islower() or c.isdigit() or c == "-" for c in value):
        raise ValueError("must be lowercase letters, digits and hyphens, like 'kinesis-data-streams'")
    return value


def _latex(value: str) -> str:
    to_mathml(value)
    return value


Text = Annotated[str, AfterValidator(_non_blank)]
Latex = Annotated[Text, AfterValidator(_latex)]
Slug = Annotated[str, AfterValidator(_slug)]
Source = Annotated[str, AfterValidator(_official_url)]


class Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)


class Domain(str, Enum):
    data_engineering = "data-engineering"
    exploratory_data_analysis = "exploratory-data-analysis"
    modeling = "modeling"
    ml_implementation_operations = "ml-implementation-operations"


DOMAIN_TITLES = {
    Domain.data_engineering: "Data Engineering",
    Domain.exploratory_data_analysis: "Exploratory Data Analysis",
    Domain.modeling: "Modeling",
    Domain.ml_implementation_operations: "ML Implementation & Operations",
}


# --- SageMaker built-in algorithms -------------------------------------------------


class Learning(str, Enum):
    supervised = "supervised"
    unsupervised = "unsupervised"
    both = "supervised and unsupervised"


class InstanceClass(str, Enum):
    cpu = "CPU"
    gpu = "GPU"
    cpu_or_gpu = "CPU or GPU"


class InputMode(str, Enum):
    file = "File"
    pipe = "Pipe"


class Instances(Row):
    training: InstanceClass
    inference: InstanceClass
    multi_instance: bool = Field(description="Training can spread over several instances")
    multi_gpu: bool = Field(description="Training uses several GPUs of one instance")
    note: Text | None = None


class Hyperparameters(Row):
    required: list[Text] = Field(min_length=0)
    tuning: list[Text] = Field(min_length=1)


class Algorithm(Row):
    name: Text
    slug: Slug
    aliases: list[Text] = Field(default_factory=list, description="Acronyms and other names people search for")
    summary: Text
    problem_types: list[Text] = Field(min_length=1)
    learning: Learning
    input_formats: list[Text] = Field(min_length=1)
    input_modes: list[InputMode] = Field(min_length=1)
    instances: Instances
    hyperparameters: Hyperparameters
    metrics: list[Text] = Field(min_length=1)
    cue_words: list[Text] = Field(min_length=1)
    traps: list[Text] = Field(min_length=1)
    status: Text | None = None
    source: Source

    @property
    def gpu_only(self) -> bool:
        return self.instances.training is InstanceClass.gpu


# --- AWS services ------------------------------------------------------------------


class ServiceStatus(str, Enum):
    current = "current"
    renamed = "renamed"
    closed = "closed to new customers"
    retired = "retired"


def _domain_page(value: str) -> str:
    first, _, rest = value.partition("/")
    if first not in {d.value for d in Domain} or not rest.endswith(".md") or "/" in rest:
        raise ValueError("must be a page of a domain folder, like 'data-engineering/streaming.md'")
    return value


DomainPage = Annotated[str, AfterValidator(_domain_page)]


class Service(Row):
    name: Text
    slug: Slug
    page: DomainPage = Field(description="The page that teaches it, inside docs/")
    purpose: Text
    limits: list[Text] = Field(default_factory=list)
    integrations: list[Text] = Field(default_factory=list)
    choose_when: Text
    traps: list[Text] = Field(min_length=1)
    status: ServiceStatus = ServiceStatus.current
    status_note: Text | None = None
    former_names: list[Text] = Field(default_factory=list)
    source: Source

    @property
    def domain(self) -> Domain:
        return Domain(self.page.split("/")[0])

    @model_validator(mode="after")
    def _status_explained(self):
        if self.status is not ServiceStatus.current and not self.status_note:
            raise ValueError(f"status '{self.status.value}' needs a status_note saying what changed and when")
        return self


# --- Decision tables ---------------------------------------------------------------


class Scenario(Row):
    scenario: Text
    choice: Text
    why: Text
    wrong: Text
    wrong_why: Text
    source: Source


class CompareRow(Row):
    option: Text
    values: list[Text] = Field(min_length=1)
    source: Source


class Comparison(Row):
    columns: list[Text] = Field(min_length=1)
    rows: list[CompareRow] = Field(min_length=2)

    @model_validator(mode="after")
    def _rows_fill_every_column(self):
        for row in self.rows:
            if len(row.values) != len(self.columns):
                raise ValueError(
                    f"row '{row.option}' has {len(row.values)} values for {len(self.columns)} columns"
                )
        return self


class Decision(Row):
    title: Text
    slug: Slug
    domain: Domain
    summary: Text
    compare: Comparison | None = None
    scenarios: list[Scenario] = Field(min_length=1)


# --- Metrics and formulas ----------------------------------------------------------


class MetricKind(str, Enum):
    classification = "classification"
    regression = "regression"
    forecasting = "forecasting"
    clustering = "clustering"
    language = "language"
    preprocessing = "preprocessing"
    statistics = "statistics"


METRIC_PAGES = {
    MetricKind.classification: "formulas/classification.md",
    MetricKind.regression: "formulas/regression-forecasting.md",
    MetricKind.forecasting: "formulas/regression-forecasting.md",
    MetricKind.clustering: "formulas/data-text-clustering.md",
    MetricKind.language: "formulas/data-text-clustering.md",
    MetricKind.preprocessing: "formulas/data-text-clustering.md",
    MetricKind.statistics: "formulas/data-text-clustering.md",
}


class ConfusionMatrix(Row):
    tp: int = Field(ge=0)
    fp: int = Field(ge=0)
    fn: int = Field(ge=0)
    tn: int = Field(ge=0)


class WorkedExample(Row):
    given: Text
    steps: Text
    result: Text
    confusion: ConfusionMatrix | None = None
    actual: list[float] | None = None
    predicted: list[float] | None = None
    value: float | None = None

    @model_validator(mode="after")
    def _pairs_match(self):
        if (self.actual is None) != (self.predicted is None):
            raise ValueError("actual and predicted go together")
        if self.actual is not None and len(self.actual) != len(self.predicted):
            raise ValueError("actual and predicted must have the same length")
        if (self.confusion or self.actual) and self.value is None:
            raise ValueError("an example with a confusion matrix or actual/predicted values needs its value")
        return self


class Metric(Row):
    name: Text
    slug: Slug
    aliases: list[Text] = Field(default_factory=list)
    kind: MetricKind
    formula: Latex
    measures: Text
    prefer_when: Text
    trap: Text
    example: WorkedExample
    source: Source

    @property
    def page(self) -> str:
        return METRIC_PAGES[self.kind]


# --- Glossary ----------------------------------------------------------------------


class GlossaryEntry(Row):
    term: Text
    aliases: list[Text] = Field(default_factory=list)
    definition: Text
    link: Text = Field(description="Page path and anchor inside docs/, such as 'modeling/deep-learning.md#dropout'")
    source: Source


MODELS_BY_FILE = {
    "algorithms": Algorithm,
    "services": Service,
    "decisions": Decision,
    "metrics": Metric,
    "glossary": GlossaryEntry,
}
