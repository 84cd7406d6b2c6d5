"""'Our counselors': the list with the house's filters; a bad value is left out with a note, never an error."""

from http import HTTPStatus

import pytest

pytestmark = pytest.mark.django_db


def names(response):
    return [page.display_name for page in response.context["results"].object_list]


def test_every_counselor_listed_those_taking_new_clients_first(client, counselors):
    response = client.get("/our-counselors/")
    assert response.status_code == HTTPStatus.OK
    assert names(response) == ["Jordan Reyes", "Ana Ruiz", "Sam Lee"]
    assert response.context["filter_notes"] == []


def test_spanish_and_a_given_insurance_find_the_right_counselor(client, counselors):
    response = client.get("/our-counselors/", {"language": "spanish", "insurance": "medicaid"})
    assert names(response) == ["Jordan Reyes"]
    response = client.get("/our-counselors/", {"language": "spanish", "insurance": "medicare"})
    assert names(response) == ["Ana Ruiz"]
    assert "1 counselor for “Medicare, Spanish”" in response.content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"specialty": "grief"}, ["Jordan Reyes", "Ana Ruiz"]),
        ({"telehealth": "1"}, ["Jordan Reyes", "Sam Lee"]),
        ({"accepting": "waitlist"}, ["Ana Ruiz"]),
        ({"specialty": "grief", "telehealth": "1", "accepting": "yes"}, ["Jordan Reyes"]),
    ],
)
def test_each_filter(client, counselors, query, expected):
    assert names(client.get("/our-counselors/", query)) == expected


def test_a_counselor_matching_twice_is_listed_once(client, counselors):
    assert names(client.get("/our-counselors/", {"specialty": "grief", "language": "spanish"})) == [
        "Jordan Reyes",
        "Ana Ruiz",
    ]


@pytest.mark.parametrize(
    ("query", "note"),
    [
        ({"insurance": "gold-plated"}, "We do not know the insurance “gold-plated”"),
        ({"language": "klingon"}, "the language “klingon”"),
        ({"specialty": "x" * 500}, "None of our counselors lists"),
        ({"telehealth": "maybe"}, "telehealth “maybe”"),
        ({"accepting": "\x00"}, "for new clients"),
    ],
)
def test_bad_values_are_left_out_with_a_note(client, counselors, query, note):
    response = client.get("/our-counselors/", query)
    assert response.status_code == HTTPStatus.OK
    assert any(note in text for text in response.context["filter_notes"]), response.context["filter_notes"]
    assert names(response) == ["Jordan Reyes", "Ana Ruiz", "Sam Lee"]


def test_a_bad_value_leaves_the_good_filters_working(client, counselors):
    response = client.get("/our-counselors/", {"insurance": "gold-plated", "language": "spanish"})
    assert names(response) == ["Jordan Reyes", "Ana Ruiz"]
    assert "Show every counselor" in response.content.decode()


def test_only_choices_some_counselor_has_are_offered(client, counselors, languages):
    from counselors.factories import LanguageFactory

    LanguageFactory(name="Cherokee", slug="cherokee")
    form = client.get("/our-counselors/").context["filter_form"]
    assert [value for value, _ in form.fields["language"].choices] == ["", "english", "spanish"]


def test_an_empty_result_says_what_to_do(client, counselors):
    response = client.get("/our-counselors/", {"language": "english", "accepting": "waitlist"})
    assert names(response) == []
    assert "None of our counselors matches all of that." in response.content.decode()


def test_drafts_are_not_listed(client, counselors):
    counselors["sam"].unpublish()
    assert "Sam Lee" not in names(client.get("/our-counselors/"))
