"""The rules shared by every kind of row, with the words an author reads when one is broken: text is
not blank, sources are official AWS URLs, slugs and pages have one shape, exam tags look like tags."""

import pytest
from pydantic import TypeAdapter, ValidationError

from macros.models import DocsPage, ExamTags, Slug, Source, Text


def problem(kind, value) -> str:
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(kind).validate_python(value)
    return caught.value.errors()[0]["msg"]


def test_blank_text_is_refused_and_text_is_trimmed():
    assert problem(Text, "  \n") == "Value error, must not be empty"
    assert TypeAdapter(Text).validate_python("  Streams records. ") == "Streams records."


def test_a_source_outside_aws_names_every_accepted_prefix():
    assert problem(Source, "https://example.com/s3") == (
        "Value error, must be an official AWS URL starting with one of: https://docs.aws.amazon.com/, "
        "https://aws.amazon.com/, https://d1.awsstatic.com/, https://sagemaker.readthedocs.io/, https://repost.aws/")


@pytest.mark.parametrize("url", ["https://docs.aws.amazon.com/s3/", "https://repost.aws/knowledge-center/x"])
def test_official_sources_pass(url):
    assert TypeAdapter(Source).validate_python(url) == url


@pytest.mark.parametrize("slug", ["Amazon-S3", "amazon_s3", "amazon s3", ""])
def test_a_slug_with_capitals_spaces_or_underscores_is_refused(slug):
    assert problem(Slug, slug) == "Value error, must be lowercase letters, digits and hyphens, like 'kinesis-data-streams'"


@pytest.mark.parametrize("page", ["streaming", "/data-engineering/streaming.md", "./streaming.md",
                                  "data-engineering/streaming.md#kinesis", "../outside.md"])
def test_a_page_must_be_a_markdown_file_inside_docs_without_an_anchor(page):
    assert problem(DocsPage, page) == "Value error, must be a page inside docs/, like 'data-engineering/streaming.md'"


def test_a_page_inside_docs_passes():
    assert TypeAdapter(DocsPage).validate_python("data-engineering/streaming.md") == "data-engineering/streaming.md"


def test_an_exam_code_of_the_wrong_shape_is_named():
    assert problem(ExamTags, {"MLS-C01": ["1.1"], "mla-c02": ["1.1"]}) == \
        "Value error, 'mla-c02' is not an exam code like 'MLA-C02'"
