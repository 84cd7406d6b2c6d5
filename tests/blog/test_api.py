"""Articles in the APIs: the JSON other apps rely on, the topic filter, and the same fields in API v3."""

import datetime
from http import HTTPStatus
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from wagtail.models import APIToken, PageViewRestriction

from blog.factories import ArticlePageFactory, RelatedArticleFactory
from home.factories import ImageFactory

pytestmark = pytest.mark.django_db

ARTICLE_FIELDS = [
    "title",
    "intro",
    "hero_image",
    "body",
    "authors",
    "topics",
    "date",
    "reading_time",
    "kind",
    "content_notes",
    "public_note",
    "related_articles",
]
PUBLISHED = datetime.datetime(2026, 3, 4, 10, 30, tzinfo=ZoneInfo("America/New_York"))


@pytest.fixture
def article(index, anxiety, priya):
    grief = ArticlePageFactory(parent=index, slug="grief", title="Grief has no timetable")
    hidden = ArticlePageFactory(parent=index, slug="hidden", title="Not yet")
    hidden.unpublish()
    image = ImageFactory(description="Mist over the ridges", file__width=1600, file__height=1000)
    page = ArticlePageFactory.build(
        slug="breathing",
        title="Breathing through worry",
        intro="Three things to try when worry will not switch off.",
        date=None,
        live=False,
        hero_image=image,
        topics=[anxiety],
        people=[priya],
        body=[
            {"type": "heading", "value": {"text": "Breathe out", "size": "h2"}, "id": "0b1c9a4e-heading"},
            {
                "type": "paragraph",
                "value": f'<p>See <a linktype="page" id="{index.pk}">all our articles</a>.</p>',
                "id": "5d2e7f10-paragraph",
            },
        ],
    )
    index.add_child(instance=page)
    RelatedArticleFactory(page=page, article=grief, sort_order=0)
    RelatedArticleFactory(page=page, article=hidden, sort_order=1)
    with time_machine.travel(PUBLISHED, tick=False):
        page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_article_json_is_pinned(client, index, article, anxiety, priya):
    """The contract other apps rely on. Change it only with a new field or a new API version."""
    grief = article.related_article_links.get(sort_order=0).article
    rendition = article.hero_image.get_rendition("width-1200")
    response = client.get(f"/api/v2/pages/{article.pk}/")
    assert response.status_code == HTTPStatus.OK
    assert response.json() == {
        "id": article.pk,
        "meta": {
            "type": "blog.ArticlePage",
            "detail_url": f"http://testserver/api/v2/pages/{article.pk}/",
            "html_url": "http://localhost/articles/breathing/",
            "slug": "breathing",
            "show_in_menus": False,
            "seo_title": "",
            "search_description": "",
            "first_published_at": "2026-03-04T10:30:00-05:00",
            "alias_of": None,
            "parent": {
                "id": index.pk,
                "meta": {
                    "type": "blog.ArticleIndexPage",
                    "detail_url": f"http://testserver/api/v2/pages/{index.pk}/",
                    "html_url": "http://localhost/articles/",
                },
                "title": "Articles",
            },
        },
        "title": "Breathing through worry",
        "intro": "Three things to try when worry will not switch off.",
        "hero_image": {
            "url": f"http://testserver{rendition.url}",
            "width": 1200,
            "height": 750,
            "alt": "Mist over the ridges",
        },
        "body": [
            {"type": "heading", "value": {"text": "Breathe out", "level": 2}, "id": "0b1c9a4e-heading"},
            {
                "type": "paragraph",
                "value": '<p>See <a href="http://testserver/articles/">all our articles</a>.</p>',
                "id": "5d2e7f10-paragraph",
            },
        ],
        "authors": [
            {
                "id": priya.pk,
                "name": "Priya Natarajan",
                "role": "Counselor",
                "credentials": "LCMHC",
                "bio": "Priya teaches skills.",
            }
        ],
        "topics": [{"id": anxiety.pk, "name": "Anxiety", "slug": "anxiety"}],
        "date": "2026-03-04",
        "reading_time": 1,
        "kind": "article",
        "content_notes": [],
        "public_note": None,
        "related_articles": [
            {"id": grief.pk, "title": "Grief has no timetable", "url": "http://localhost/articles/grief/"}
        ],
    }


def test_rich_text_in_the_api_has_real_links_and_no_internal_markup(client, article):
    body = client.get(f"/api/v2/pages/{article.pk}/").content.decode()
    assert "linktype" not in body
    assert 'href=\\"http://testserver/articles/\\"' in body


def test_listing_gives_the_same_fields(client, article):
    response = client.get("/api/v2/pages/", {"type": "blog.ArticlePage", "fields": "*", "order": "-id"})
    assert response.status_code == HTTPStatus.OK
    items = response.json()["items"]
    detail = client.get(f"/api/v2/pages/{article.pk}/").json()
    listed = next(item for item in items if item["id"] == article.pk)
    assert {field: listed[field] for field in ARTICLE_FIELDS} == {field: detail[field] for field in ARTICLE_FIELDS}
    assert "Not yet" not in response.content.decode()


def test_filtering_by_topic(client, index, article, anxiety, grief):
    ArticlePageFactory(parent=index, title="About grief", topics=[grief])
    response = client.get("/api/v2/pages/", {"type": "blog.ArticlePage", "topic": "anxiety", "fields": "topics"})
    assert response.status_code == HTTPStatus.OK
    items = response.json()["items"]
    assert [item["title"] for item in items] == ["Breathing through worry"]
    assert items[0]["topics"] == [{"id": anxiety.pk, "name": "Anxiety", "slug": "anxiety"}]


def test_an_unknown_topic_is_a_clear_bad_request(client, article):
    response = client.get("/api/v2/pages/", {"type": "blog.ArticlePage", "topic": "nope"})
    assert response.status_code == HTTPStatus.BAD_REQUEST
    assert response.json() == {"message": "Unknown topic 'nope'. See the topics listed on the site."}


def test_suggestions_readers_may_not_see_are_left_out(client, index, article):
    private = ArticlePageFactory(parent=index, slug="private", title="Private one")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    RelatedArticleFactory(page=article, article=private, sort_order=2)
    for url in [f"/api/v2/pages/{article.pk}/", "/api/v2/pages/?type=blog.ArticlePage&fields=related_articles"]:
        body = client.get(url).content.decode()
        assert "Grief has no timetable" in body
        assert "Private one" not in body and "Not yet" not in body


def test_api_v3_gives_the_same_article(client, article):
    v2 = client.get(f"/api/v2/pages/{article.pk}/").json()
    response = client.get(f"/api/v3/pages/{article.pk}/")
    assert response.status_code == HTTPStatus.OK
    v3 = response.json()
    assert v3["meta"]["type"] == "blog.ArticlePage"
    assert {field: v3[field] for field in ARTICLE_FIELDS} == {field: v2[field] for field in ARTICLE_FIELDS}


SCHEMA_SHAPES = {
    "hero_image": ("RenditionData", {"url", "width", "height", "alt"}),
    "authors": ("ArticleAuthorData", {"id", "name", "role", "credentials", "bio"}),
    "topics": ("TopicSummary", {"id", "name", "slug"}),
    "related_articles": ("PageLinkData", {"id", "title", "url"}),
}


def _ref(prop):
    """The component a property refers to, through `anyOf` (nullable) and `items` (lists)."""
    for option in prop.get("anyOf", [prop]):
        target = option.get("items", option)
        if "$ref" in target:
            return target["$ref"].rsplit("/", 1)[-1]
    return None


def test_api_v3_openapi_document_describes_every_article_field(client):
    schemas = client.get("/api/v3/openapi.json").json()["components"]["schemas"]
    properties = schemas["ArticlePageSchema"]["properties"]
    assert set(ARTICLE_FIELDS) <= properties.keys()
    assert properties["reading_time"]["type"] == "integer"
    assert properties["date"]["anyOf"][0] == {"format": "date", "type": "string"}
    for field, (component, keys) in SCHEMA_SHAPES.items():
        assert _ref(properties[field]) == component
        assert set(schemas[component]["properties"]) == keys


def test_api_v3_schema_endpoint_describes_the_article_to_staff(client):
    staff = get_user_model().objects.create_user("staff", is_staff=True)
    _, token = APIToken.create_token(user=staff, name="tests")
    assert client.get("/api/v3/schema/blog.ArticlePage/").status_code == HTTPStatus.UNAUTHORIZED
    response = client.get("/api/v3/schema/blog.ArticlePage/", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == HTTPStatus.OK
    read = response.json()["read"]
    assert set(ARTICLE_FIELDS) <= read["properties"].keys()
    for field, (component, keys) in SCHEMA_SHAPES.items():
        assert _ref(read["properties"][field]) == component
        assert set(read["$defs"][component]["properties"]) == keys
