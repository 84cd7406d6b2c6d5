"""The template tags other areas call: {% latest_articles %} and {% articles_for_topics %}."""

import datetime
import re

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from wagtail.models import PageViewRestriction

from blog.factories import ArticlePageFactory
from home.models import Topic

pytestmark = pytest.mark.django_db


def render(source, **context):
    request = RequestFactory().get("/")
    return Template("{% load blog_tags %}" + source).render(Context({"request": request, **context}))


def titles(html):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', html)


@pytest.fixture
def articles(index, anxiety, grief):
    def article(title, day, topics):
        return ArticlePageFactory(parent=index, title=title, date=datetime.date(2026, 1, day), topics=topics)

    return {
        "a": article("Anxiety one", 1, [anxiety]),
        "b": article("Grief one", 2, [grief]),
        "c": article("Both", 3, [anxiety, grief]),
        "d": article("Anxiety two", 4, [anxiety]),
        "e": article("No topic", 5, []),
    }


def test_latest_articles_shows_the_newest_with_a_link_to_all(articles):
    html = render("{% latest_articles count=3 %}")
    assert titles(html) == ["No topic", "Anxiety two", "Both"]
    assert '<h2 id="latest-articles">Latest articles</h2>' in html
    assert 'href="/articles/">All articles</a>' in html


@pytest.mark.parametrize(("count", "shown"), [("1", 1), ("abc", 3), ("0", 1), ("500", 5)])
def test_latest_articles_count_is_kept_sensible(articles, count, shown):
    assert len(titles(render(f'{{% latest_articles count="{count}" %}}'))) == shown


def test_tags_render_nothing_when_there_is_nothing_to_show(index, anxiety):
    assert render("{% latest_articles count=3 %}").strip() == ""
    assert render("{% articles_for_topics topics %}", topics=[anxiety]).strip() == ""


def test_latest_articles_leaves_out_drafts_and_private_articles(index, articles):
    articles["e"].unpublish()
    PageViewRestriction.objects.create(page=articles["d"], restriction_type="login")
    assert titles(render("{% latest_articles count=3 %}")) == ["Both", "Grief one", "Anxiety one"]


def test_the_home_page_shows_the_latest_articles(client, articles):
    html = client.get("/").content.decode()
    assert titles(html) == ["No topic", "Anxiety two", "Both"]


def test_articles_for_topics_takes_topics_or_their_ids(articles, anxiety, grief):
    expected = ["Anxiety two", "Both", "Anxiety one"]
    assert titles(render("{% articles_for_topics topics %}", topics=[anxiety])) == expected
    assert titles(render("{% articles_for_topics topics %}", topics=[anxiety.pk])) == expected
    assert titles(render("{% articles_for_topics topics %}", topics=Topic.objects.filter(slug="anxiety"))) == expected
    assert titles(render("{% articles_for_topics topic %}", topic=anxiety)) == expected
    both = titles(render("{% articles_for_topics topics count=6 %}", topics=[anxiety, grief]))
    assert both == ["Anxiety two", "Both", "Grief one", "Anxiety one"]


def test_articles_for_topics_takes_a_page_s_topics(articles):
    html = render("{% articles_for_topics page.topics.all exclude=page %}", page=articles["c"])
    assert titles(html) == ["Anxiety two", "Grief one", "Anxiety one"]


def test_articles_for_topics_leaves_out_what_it_is_told_to(articles, anxiety):
    html = render("{% articles_for_topics topics exclude=skip %}", topics=[anxiety], skip=articles["d"])
    assert titles(html) == ["Both", "Anxiety one"]
    html = render("{% articles_for_topics topics exclude=skip %}", topics=[anxiety], skip=[articles["d"].pk, "x"])
    assert titles(html) == ["Both", "Anxiety one"]


def test_articles_for_topics_heading_and_count(articles, anxiety):
    html = render('{% articles_for_topics topics count=1 heading="More on anxiety" %}', topics=[anxiety])
    assert titles(html) == ["Anxiety two"]
    assert '<h2 id="articles-more-on-anxiety">More on anxiety</h2>' in html


@pytest.mark.parametrize("topics", [None, [], "", Topic.objects.none])
def test_articles_for_topics_with_no_topics_shows_nothing(articles, topics):
    value = topics() if callable(topics) else topics
    assert render("{% articles_for_topics topics %}", topics=value).strip() == ""
