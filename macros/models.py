"""Schemas of the data files: one pydantic model per kind of row.

Every model forbids unknown fields, so a typo in a key is an error, not a silent gap.
Closed sets (learning types, instance classes, input modes) are enums.
"""

import datetime
import re
from enum import Enum
from typing import Annotated, Any, ClassVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema, model_validator

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


# --- Exam task tags ----------------------------------------------------------------

_EXAM_CODE = re.compile(r"^[A-Z]{3}-C\d{2}$")
_TASK_ID = re.compile(r"^\d+\.\d+$")


def _exam_tags(value: dict) -> dict:
    """Shape only: the exams and task ids are checked against data/exams.yml once every file is loaded."""
    for code, tasks in value.items():
        if not _EXAM_CODE.match(code):
            raise ValueError(f"'{code}' is not an exam code like 'MLA-C02'")
        for task in tasks:
            if not _TASK_ID.match(task):
                raise ValueError(f"{code}: '{task}' is not a task id like '2.1'")
    return value


ExamTags = Annotated[dict[str, list[str]], AfterValidator(_exam_tags)]


class Priority(int, Enum):
    """How far a fact travels: 1 exam-day sheet, 2 domain cheat sheet, 3 its page only."""
    exam_day = 1
    cheat_sheet = 2
    page_only = 3


_YEAR_MONTH = re.compile(r"^\d{4}-\d{2}$")


class Change(Row):
    """Something AWS changed since the exam guides were written: a new limit, a new feature, a rename."""
    date: Annotated[datetime.date, WithJsonSchema({"type": "string", "pattern": r"^\d{4}-\d{2}(-\d{2})?$"})] = Field(
        description="The day, or 'YYYY-MM' when AWS published only the month")
    month_only: bool = Field(False, description="Set by a 'YYYY-MM' date: only the month is known")
    what: Text
    source: Source

    @model_validator(mode="before")
    @classmethod
    def _month_without_day(cls, value: Any) -> Any:
        if isinstance(value, dict) and isinstance(value.get("date"), str) and _YEAR_MONTH.match(value["date"]):
            return {**value, "date": value["date"] + "-01", "month_only": True}
        return value


class TaggedRow(Row):
    """A top-level data row: the exam tasks it serves and the day it was last checked against its source.

    Every kind names its identity the same way: `key` (unique within the kind, the anchor of its
    section) and `page` (the docs/ page that teaches it); `home` is where links to the row point.
    """
    exams: ExamTags = Field(default_factory=dict, description="Exam code -> task ids, e.g. {MLA-C02: ['2.1']}")
    checked: datetime.date | None = Field(None, description="When the row was last checked against its source")
    priority: Priority = Priority.cheat_sheet
    changes: list[Change] = Field(default_factory=list, description="Changes since the exam guides, with dates")

    @property
    def key(self) -> str:
        return self.slug

    @property
    def home(self) -> str:
        return f"{self.page}#{self.key}"

    @property
    def label(self) -> str:
        """How links to the row read."""
        return self.name


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


class Algorithm(TaggedRow):
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

    page: ClassVar[str] = "modeling/built-in-algorithms.md"

    @property
    def gpu_only(self) -> bool:
        return self.instances.training is InstanceClass.gpu


# --- AWS services ------------------------------------------------------------------


class ServiceStatus(str, Enum):
    current = "current"
    renamed = "renamed"
    closed = "closed to new customers"
    maintenance = "in maintenance"
    ended = "ended"


# A scenario whose best choice is a service in one of these states must say what to use today
UNAVAILABLE = (ServiceStatus.closed, ServiceStatus.ended)


def _docs_page(value: str) -> str:
    if not value.endswith(".md") or value.startswith(("/", ".")) or "#" in value:
        raise ValueError("must be a page inside docs/, like 'data-engineering/streaming.md'")
    return value


DocsPage = Annotated[str, AfterValidator(_docs_page)]


class Service(TaggedRow):
    name: Text
    slug: Slug
    page: DocsPage = Field(description="The page that teaches it, inside docs/")
    purpose: Text
    limits: list[Text] = Field(default_factory=list)
    integrations: list[Text] = Field(default_factory=list)
    choose_when: Text
    traps: list[Text] = Field(min_length=1)
    status: ServiceStatus = ServiceStatus.current
    status_note: Text | None = None
    status_date: datetime.date | None = Field(None, description="When the status took effect")
    status_source: Source | None = Field(None, description="The AWS page that announces the status")
    former_names: list[Text] = Field(default_factory=list)
    source: Source

    @property
    def title(self) -> str:
        """Its heading: former names stay searchable."""
        return f"{self.name} (formerly {' and '.join(self.former_names)})" if self.former_names else self.name

    @model_validator(mode="after")
    def _status_explained(self):
        if self.status is not ServiceStatus.current and not self.status_note:
            raise ValueError(f"status '{self.status.value}' needs a status_note saying what changed and when")
        return self


# --- Decision tables ---------------------------------------------------------------


class TodayAnswer(Row):
    """What to choose on AWS today when the exam-era answer is closed or ended."""
    choice: Text
    why: Text
    source: Source


class Scenario(Row):
    scenario: Text
    choice: Text
    service: Slug | None = Field(None, description="Slug of the service the best choice names, if it is one")
    why: Text
    wrong: Text
    wrong_why: Text
    today: TodayAnswer | None = None
    priority: Priority = Priority.cheat_sheet
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


class Decision(TaggedRow):
    title: Text
    slug: Slug
    page: DocsPage = Field(description="The page that renders it, inside docs/")

    @property
    def label(self) -> str:
        return self.title
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
    inputs: dict[str, Any] | None = None

    @model_validator(mode="after")
    def _pairs_match(self):
        if (self.actual is None) != (self.predicted is None):
            raise ValueError("actual and predicted go together")
        if self.actual is not None and len(self.actual) != len(self.predicted):
            raise ValueError("actual and predicted must have the same length")
        if (self.confusion or self.actual) and self.value is None:
            raise ValueError("an example with a confusion matrix or actual/predicted values needs its value")
        return self


class Metric(TaggedRow):
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


class GlossaryEntry(TaggedRow):
    term: Text
    aliases: list[Text] = Field(default_factory=list)
    definition: Text
    link: Text = Field(description="Page path and anchor inside docs/, such as 'modeling/deep-learning.md#dropout'")
    source: Source

    @property
    def key(self) -> str:
        return re.sub(r"[^a-z0-9]+", "-", self.term.lower()).strip("-")

    @property
    def page(self) -> str:
        return self.link.partition("#")[0]

    @property
    def home(self) -> str:
        return self.link

    @property
    def label(self) -> str:
        return self.term


# --- Exams ---------------------------------------------------------------------------


class ExamStatus(str, Enum):
    beta = "beta"
    current = "current"
    replaced = "replaced"
    retired = "retired"


class Level(str, Enum):
    foundational = "Foundational"
    associate = "Associate"
    professional = "Professional"
    specialty = "Specialty"


class Task(Row):
    id: Annotated[str, Field(pattern=r"^\d+\.\d+$")]
    title: Text
    knowledge: list[Text] = Field(default_factory=list)
    skills: list[Text] = Field(default_factory=list)


class ExamDomain(Row):
    number: int = Field(ge=1)
    slug: Slug
    title: Text
    weight: int = Field(ge=1, le=100, description="Percent of scored content")
    tasks: list[Task] = Field(min_length=1)

    @model_validator(mode="after")
    def _tasks_belong_to_domain(self):
        for task in self.tasks:
            if not task.id.startswith(f"{self.number}."):
                raise ValueError(f"task {task.id} does not belong to domain {self.number}")
        return self


class Exam(Row):
    code: Annotated[str, Field(pattern=r"^[A-Z]{3}-C\d{2}$")]
    title: Text
    level: Level
    status: ExamStatus
    available_from: datetime.date | None = None
    retired_on: datetime.date | None = Field(None, description="Last day it could be taken")
    replaced_by: str | None = None
    questions: int = Field(ge=1)
    scored: int | None = Field(None, ge=1)
    minutes: int = Field(ge=1)
    passing_score: int = Field(ge=100, le=1000)
    fee_usd: int = Field(ge=0)
    question_types: list[Text] = Field(min_length=1)
    summary: Text
    added: list[Text] = Field(default_factory=list, description="What this version adds to the one it replaced")
    removed: list[Text] = Field(default_factory=list, description="What this version drops")
    source: Source
    checked: datetime.date
    domains: list[ExamDomain] = Field(min_length=1)

    @property
    def key(self) -> str:
        return self.code

    @property
    def slug(self) -> str:
        return self.code.lower()

    @property
    def page(self) -> str:
        return f"exams/{self.slug}.md"

    @property
    def tasks(self) -> dict[str, Task]:
        return {task.id: task for domain in self.domains for task in domain.tasks}

    @model_validator(mode="after")
    def _consistent(self):
        total = sum(d.weight for d in self.domains)
        if total != 100:
            raise ValueError(f"domain weights add up to {total}, not 100")
        ids = [t.id for d in self.domains for t in d.tasks]
        if len(ids) != len(set(ids)):
            raise ValueError("task ids repeat")
        if self.status in (ExamStatus.retired, ExamStatus.replaced) and not self.retired_on:
            raise ValueError(f"a {self.status.value} exam needs retired_on")
        return self


# --- Practice questions ----------------------------------------------------------------


class QuestionKind(str, Enum):
    single = "single"          # one correct option
    multiple = "multiple"      # two or more correct options
    ordering = "ordering"      # steps, listed in the right order
    matching = "matching"      # prompts paired with answers


class Difficulty(str, Enum):
    easy = "easy"
    medium = "medium"
    hard = "hard"


class Option(Row):
    text: Text
    correct: bool = False
    why: Text = Field(description="Why this option is right or wrong")


class MatchPair(Row):
    prompt: Text
    answer: Text


class Question(TaggedRow):
    slug: Slug
    kind: QuestionKind
    stem: Text
    options: list[Option] = Field(default_factory=list)
    steps: list[Text] = Field(default_factory=list, description="Ordering: the steps in the right order")
    pairs: list[MatchPair] = Field(default_factory=list, description="Matching: each prompt with its answer")
    explanation: Text
    teaches: list[Text] = Field(min_length=1, description="Row slugs or 'page.md#anchor' that teach the answer")
    expect: Text = Field(description="A phrase the first taught section states, proving it teaches the answer")
    difficulty: Difficulty
    source: Source

    @model_validator(mode="after")
    def _answer_shape(self):
        correct = sum(option.correct for option in self.options)
        kind = self.kind
        if kind in (QuestionKind.single, QuestionKind.multiple):
            if self.steps or self.pairs:
                raise ValueError(f"a {kind.value} question has options, not steps or pairs")
            if len(self.options) < 4:
                raise ValueError(f"a {kind.value} question needs at least 4 options, found {len(self.options)}")
            if kind is QuestionKind.single and correct != 1:
                raise ValueError(f"a single-response question needs exactly 1 correct option, found {correct}")
            if kind is QuestionKind.multiple and not 2 <= correct < len(self.options):
                raise ValueError(f"a multiple-response question needs 2 or more correct options "
                                 f"and at least one wrong one, found {correct} of {len(self.options)}")
        elif kind is QuestionKind.ordering:
            if self.options or self.pairs or not 3 <= len(self.steps) <= 5:
                raise ValueError("an ordering question lists 3 to 5 steps, and no options or pairs")
        elif self.options or self.steps or not 3 <= len(self.pairs) <= 7:
            raise ValueError("a matching question lists 3 to 7 pairs, and no options or steps")
        if not self.exams:
            raise ValueError("a question needs exam task tags")
        if self.checked is None:
            raise ValueError("a question needs its checked date")
        return self


MODELS_BY_FILE = {
    "exams": Exam,
    "algorithms": Algorithm,
    "services": Service,
    "decisions": Decision,
    "metrics": Metric,
    "glossary": GlossaryEntry,
    "questions": Question,
}
