"""The articles as an RSS 2.0 feed, for all topics or for one, with Django's syndication framework.

Served by the articles index (its `feed/` and `feed/<topic>/` routes), so the
index's view restrictions apply to its feeds too. Every link is absolute.
"""

from django.contrib.syndication.views import Feed
from django.utils.cache import patch_cache_control
from django.utils.feedgenerator import Rss201rev2Feed

from home.models import SiteSettings

MAX_AGE = 60 * 15


class ArticleFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index, topic=None):
        super().__init__()
        self.index = index
        self.topic = topic
        self.request = None

    def __call__(self, request, *args, **kwargs):
        self.request = request
        response = super().__call__(request, *args, **kwargs)
        # Feed readers poll: public for 15 minutes, as the groups' feeds (docs/api.md). The
        # Last-Modified Django sets (the newest article's) answers If-Modified-Since with a 304
        # (home/http_cache.py).
        patch_cache_control(response, public=True, max_age=MAX_AGE)
        return response

    def title(self):
        practice = SiteSettings.load(request_or_site=self.request).practice_name
        if self.topic is not None:
            return f"{practice}: articles on {self.topic.name}"
        return f"{practice}: articles"

    def link(self):
        url = self.index.get_full_url(self.request)
        return f"{url}?topic={self.topic.slug}" if self.topic is not None else url

    def feed_url(self):
        return self.index.feed_url(self.request, self.topic)

    def description(self):
        if self.topic is not None and self.topic.description:
            return self.topic.description
        return self.index.intro or self.index.get_meta_description() or self.title()

    def items(self):
        articles = self.index.articles()
        if self.topic is not None:
            articles = articles.filter(topics=self.topic)
        articles = articles.select_related("consent").prefetch_related("authors__person", "topics")
        return list(articles[: self.index.feed_length])

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        # A content note comes first, so readers of the feed see it before the story too; and a
        # story says it is one and what readers are told about the name (never who agreed).
        lines = [f"Content note: {article.content_note_text}" if article.content_notes else "", article.intro]
        if article.is_story:
            lines.insert(0, "A member's story.")
            lines.append(article.public_note)
        return "\n\n".join(line for line in lines if line)

    def item_link(self, article):
        return article.get_full_url(self.request)

    def item_guid(self, article):
        return article.get_full_url(self.request)

    item_guid_is_permalink = True

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.last_published_at or article.published_at

    def item_author_name(self, article):
        names = [author.person.name for author in article.authors.all()]
        return ", ".join(names) or None

    def item_categories(self, article):
        return [topic.name for topic in article.topics.all()]
