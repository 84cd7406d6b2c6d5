"""Editors in the admin: write, preview, schedule and publish an article, with its authors and topics."""

import datetime
from http import HTTPStatus

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from blog.factories import ArticlePageFactory
from blog.models import ArticlePage

pytestmark = pytest.mark.django_db


def article_form(authors=(), topics=(), related=(), **fields):
    data = nested_form_data(
        {
            "title": "Sleep when worry keeps you up",
            "slug": "sleep-and-worry",
            "intro": "What helps when your mind races at night.",
            "body": streamfield(
                [
                    ("heading", {"text": "Wind down", "size": "h2"}),
                    ("paragraph", rich_text("<p>" + "Rest is a skill you can practice. " * 60 + "</p>")),
                ]
            ),
            "authors": inline_formset([{"person": person.pk} for person in authors]),
            "related_article_links": inline_formset([{"article": article.pk} for article in related]),
            "comments": inline_formset([]),
            "date": "",
            **fields,
        }
    )
    data["topics"] = [topic.pk for topic in topics]
    return data


def add_url(index):
    return reverse("wagtailadmin_pages:add", args=("blog", "articlepage", index.pk))


def test_an_editor_can_write_and_publish_an_article(admin_client, index, anxiety, jordan, priya):
    response = admin_client.post(
        add_url(index), {**article_form([priya, jordan], [anxiety]), "action-publish": "publish"}, follow=True
    )
    assert response.status_code == HTTPStatus.OK
    article = ArticlePage.objects.get(slug="sleep-and-worry")
    assert article.live
    assert [author.person for author in article.authors.all()] == [priya, jordan]
    assert list(article.topics.all()) == [anxiety]
    assert article.date == timezone.localdate()
    assert article.reading_time == 3  # 431 words in the intro and body
    html = admin_client.get("/articles/sleep-and-worry/").content.decode()
    assert "By Priya Natarajan and Jordan Reyes" in html
    # Its revision keeps the authors, so history and previews show them too.
    assert [a.person_id for a in article.get_latest_revision_as_object().authors.all()] == [priya.pk, jordan.pk]


def test_a_draft_stays_off_the_site_until_published(admin_client, client, index, jordan):
    admin_client.post(add_url(index), article_form([jordan]))
    article = ArticlePage.objects.get(slug="sleep-and-worry")
    assert not article.live
    assert article.date is None
    admin_client.logout()
    assert admin_client.get("/articles/sleep-and-worry/").status_code == HTTPStatus.NOT_FOUND
    assert "Sleep when worry" not in admin_client.get("/articles/").content.decode()


def test_preview_shows_the_unsaved_authors_topics_and_reading_time(admin_client, index, anxiety, jordan):
    url = reverse("wagtailadmin_pages:preview_on_add", args=("blog", "articlepage", index.pk))
    response = admin_client.post(url, article_form([jordan], [anxiety]))
    assert response.json()["is_valid"]
    html = admin_client.get(url).content.decode()
    assert "Sleep when worry keeps you up" in html
    assert "By Jordan Reyes" in html
    assert "3 min read" in html
    assert "Jordan leads groups." in html
    assert ">Anxiety</a>" in html
    assert not ArticlePage.objects.filter(slug="sleep-and-worry").exists()


def test_preview_of_an_edit_shows_the_changes_before_they_are_published(admin_client, index, jordan, priya):
    """An editor adds an author and changes the title, previews, and the site is unchanged."""
    article = ArticlePageFactory(parent=index, title="Published title", people=[jordan])
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(article.pk,))
    response = admin_client.post(url, article_form([priya], title="Edited title", slug=article.slug))
    assert response.json()["is_valid"]
    html = admin_client.get(url).content.decode()
    # The existing author row is kept (the form does not delete it) and the new one follows it.
    assert "Edited title" in html and "By Jordan Reyes and Priya Natarajan" in html
    assert "Published title" in admin_client.get(article.url).content.decode()


def test_preview_shows_the_edited_body_though_the_live_one_is_kept_in_the_cache(admin_client, client, index, jordan):
    article = ArticlePageFactory(parent=index, people=[jordan])
    live_html = client.get(article.url).content.decode()  # the live body, now kept in the cache
    assert "Rest is a skill you can practice." not in live_html
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(article.pk,))
    assert admin_client.post(url, article_form([jordan], slug=article.slug)).json()["is_valid"]
    assert "Rest is a skill you can practice." in admin_client.get(url).content.decode()
    assert "Rest is a skill you can practice." not in client.get(article.url).content.decode()


def test_the_same_person_cannot_be_listed_twice(admin_client, index, jordan):
    response = admin_client.post(add_url(index), article_form([jordan, jordan]))
    assert response.status_code == HTTPStatus.OK
    assert not ArticlePage.objects.filter(slug="sleep-and-worry").exists()
    assert "Please correct the duplicate data for page and person" in response.content.decode()


def test_an_article_cannot_be_suggested_under_itself(admin_client, index, jordan):
    article = ArticlePageFactory(parent=index, people=[jordan])
    url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    response = admin_client.post(url, article_form([jordan], related=[article], slug=article.slug))
    assert response.status_code == HTTPStatus.OK
    assert "An article cannot suggest itself" in response.content.decode()
    assert not article.related_article_links.exists()


def test_an_editor_can_schedule_an_article(admin_client, index, jordan):
    go_live = timezone.localtime() + datetime.timedelta(days=2)
    data = {**article_form([jordan]), "go_live_at": go_live.strftime("%Y-%m-%d %H:%M"), "action-publish": "1"}
    admin_client.post(add_url(index), data)
    article = ArticlePage.objects.get(slug="sleep-and-worry")
    assert not article.live
    assert article.get_latest_revision().approved_go_live_at is not None


def test_the_edit_form_is_written_for_editors(admin_client, index):
    html = admin_client.get(add_url(index)).content.decode()
    for text in [
        "One or two sentences that sum up the article",
        "Leave empty to use the day it is first published",
        "Who wrote the article, in the order their names should appear",
        "Up to three articles to suggest at the end",
        "Discover more",
    ]:
        assert text in html, text


@pytest.mark.parametrize("relation", ["authors", "related_article_links"])
def test_publish_right_after_an_autosave_saves_each_row_once(admin_client, index, jordan, relation):
    """Autosave stores a draft's new rows; the browser's form still holds them without their ids.

    Publishing that form used to insert the same (article, person) again: an IntegrityError.
    """
    admin_client.post(add_url(index), article_form([]))  # a draft, never published
    article = ArticlePage.objects.get(slug="sleep-and-worry")
    other = ArticlePageFactory(parent=index, people=[jordan])
    rows = {"authors": {"authors": [jordan]}, "related_article_links": {"authors": [jordan], "related": [other]}}
    form = article_form(**rows[relation])
    url = reverse("wagtailadmin_pages:edit", args=(article.pk,))

    autosave = admin_client.post(url, form, HTTP_ACCEPT="application/json")
    assert autosave.status_code == HTTPStatus.OK and autosave.json()["success"]
    assert getattr(article, relation).count() == 1  # a draft's rows are saved with it

    response = admin_client.post(url, {**form, "action-publish": "publish"})  # the same form, ids still empty
    assert response.status_code == HTTPStatus.FOUND
    article.refresh_from_db()
    assert article.live
    assert getattr(article, relation).count() == 1
    assert [author.person for author in article.authors.all()] == [jordan]
    if relation == "related_article_links":
        assert [link.article_id for link in article.related_article_links.all()] == [other.pk]
