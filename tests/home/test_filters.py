"""The index-filter base (home/filters.py): what every filtered listing relies on, checked once here."""

import pytest
from django import forms
from django.http import QueryDict

from home.factories import TopicFactory
from home.filters import FlagField, IndexFilterForm
from home.models import Topic

SIZES = [("", "Any size"), ("small", "Small"), ("large", "Large")]


class TopicFilter(IndexFilterForm):
    """A filter over topics, with a field of each kind the base handles."""

    slug = forms.ChoiceField(label="Topic", choices=[("", "Any"), ("grief", "Grief"), ("anxiety", "Anxiety")])
    size = forms.ChoiceField(choices=SIZES, required=False)
    names = forms.MultipleChoiceField(label="Names", choices=[("Grief", "Grief"), ("Anxiety", "Anxiety")])
    described = FlagField(label="Described only")
    like = forms.ModelChoiceField(label="Like", queryset=Topic.objects.all(), to_field_name="slug")

    note_templates = {"slug": "No topic “{value}”, so every topic is shown."}
    lookups = {"names": "name__in"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False

    def filter_described(self, queryset, _on):
        return queryset.exclude(description="")

    def filter_size(self, queryset, _size):
        return queryset  # not a column: the base calls this instead of filter(size=…)

    def filter_like(self, queryset, topic):
        return queryset.filter(pk=topic.pk)


def query(string):
    return QueryDict(string)


@pytest.fixture
def topics(db):
    return {
        "grief": TopicFactory(name="Grief", slug="grief", description="Loss and mourning."),
        "anxiety": TopicFactory(name="Anxiety", slug="anxiety", description=""),
    }


def slugs(queryset):
    return sorted(topic.slug for topic in queryset)


def test_a_query_without_filters_leaves_the_form_unbound_and_the_queryset_whole(topics):
    form = TopicFilter.from_query(query("page=2&utm_source=x"))
    assert not form.is_bound
    assert form.filters == {} and form.ignored == [] and form.notes() == []
    assert form.query_items() == [] and form.describe() == ""
    assert slugs(form.filter(Topic.objects.all())) == ["anxiety", "grief"]


def test_good_values_filter_with_the_default_lookup_or_the_fields_method(topics):
    form = TopicFilter.from_query(query("slug=grief&described=1&size="))
    assert form.filters == {"slug": "grief", "described": True}
    assert slugs(form.filter(Topic.objects.all())) == ["grief"]
    assert form.ignored == []
    assert form.describe() == "Grief, described only"
    assert form.query_items() == [("described", "1"), ("size", ""), ("slug", "grief")]


def test_a_bad_value_is_left_out_with_a_note_and_the_rest_still_applies(topics):
    form = TopicFilter(query("slug=knitting&size=small&described=maybe"))
    assert form.is_valid() and not form.errors
    assert form.filters == {"size": "small"}
    assert form.ignored == [("Topic", "knitting"), ("Described only", "maybe")]
    assert form.notes() == [
        "No topic “knitting”, so every topic is shown.",
        "We did not recognise the Described only “maybe”, so we left it out.",
    ]
    # Shown again, the form holds only what it kept; links carry only that.
    assert form["slug"].value() is None
    assert 'value="knitting"' not in str(form["slug"])
    assert form.query_items() == [("size", "small")]


def test_nul_and_over_long_values_are_bad_values_that_never_reach_a_field_or_the_database(
    topics, django_assert_num_queries
):
    form = TopicFilter(query("like=gr%00ief&slug=" + "g" * 101 + "&size=small"))
    with django_assert_num_queries(0):
        assert form.filters == {"size": "small"}
    assert form.ignored == [("Topic", "g" * 59 + "…"), ("Like", "grief")]


def test_a_field_of_one_value_reads_the_last_one_given_as_django_does(topics):
    form = TopicFilter(query("slug=knitting&slug=anxiety"))
    assert form.filters == {"slug": "anxiety"} and form.ignored == []
    assert TopicFilter(query("slug=anxiety&slug=%00")).ignored == [("Topic", "")]


def test_a_field_of_several_values_keeps_each_value_it_understands(topics):
    form = TopicFilter(query("names=Grief&names=Knitting&names=Anxiety&names=%00"))
    assert form.filters == {"names": ["Grief", "Anxiety"]}
    assert form.ignored == [("Names", ""), ("Names", "Knitting")]
    assert slugs(form.filter(Topic.objects.all())) == ["anxiety", "grief"]
    assert form.query_items() == [("names", "Anxiety"), ("names", "Grief")]
    assert form.describe() == "Grief, Anxiety"


def test_too_many_values_for_one_field_leave_the_field_out_whole(topics):
    form = TopicFilter(query("&".join(["names=Grief"] * (TopicFilter.max_values + 1)) + "&slug=grief"))
    assert form.filters == {"slug": "grief"}
    assert [label for label, _value in form.ignored] == ["Names"]


def test_notes_show_values_printable_and_shortened(topics):
    form = TopicFilter(query("size=%3Cb%3E%1Fhuge%3C/b%3E"))
    assert form.ignored == [("Size", "<b>huge</b>")]
    assert form.notes() == ["We did not recognise the Size “<b>huge</b>”, so we left it out."]


def test_ignored_follows_the_order_of_the_fields(topics):
    form = TopicFilter(query("like=nope&size=%00&slug=nope"))
    assert [label for label, _value in form.ignored] == ["Topic", "Size", "Like"]


def test_a_plain_dict_is_accepted_as_data(topics):
    form = TopicFilter({"names": ["Grief", "Nope"], "slug": "grief"})
    assert form.filters == {"slug": "grief", "names": ["Grief"]}
    assert form.ignored == [("Names", "Nope")]
