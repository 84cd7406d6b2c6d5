"""An article as schema.org structured data: an `Article` with its authors and the practice as publisher.

Kept apart from the page model as groups keeps its `Event` (groups/jsonld.py);
`ArticlePage.get_json_ld` hands the article here.
"""

from django.utils import timezone

from home.models import SiteSettings


def author_json_ld(person):
    return {
        "@type": "Person",
        "name": person.name,
        **({"jobTitle": person.role} if person.role else {}),
        **({"honorificSuffix": person.credentials} if person.credentials else {}),
    }


def article_json_ld(article, request=None):
    """schema.org `Article`: headline, dates, authors, image and the practice as publisher."""
    url = article.get_full_url(request)
    _, root_url, _ = article.get_url_parts(request) or (None, url, None)
    practice = SiteSettings.load(request_or_site=request)
    publisher = practice.get_json_ld(root_url.rstrip("/") + "/")
    publisher.pop("@context", None)
    authors = [author_json_ld(author.person) for author in article.author_list]
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": article.title[:110],
        "description": article.get_meta_description(),
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": timezone.localtime(article.published_at).isoformat(),
        "dateModified": timezone.localtime(
            max(article.last_published_at or article.published_at, article.published_at)
        ).isoformat(),
        "author": authors or [{"@type": "Organization", "name": practice.practice_name, "url": publisher["url"]}],
        "publisher": publisher,
        "timeRequired": f"PT{article.reading_time}M",
        "inLanguage": "en-US",
    }
    if article.is_story:
        # Still an Article (a personal account); schema.org's genre says which kind.
        data["genre"] = "Personal story"
    topics = [topic.name for topic in article.topic_list]
    if topics:
        data["keywords"] = topics
    image = article.get_social_image()
    if image is not None:
        rendition = image.get_rendition("fill-1200x630")
        data["image"] = [rendition.full_url]
    return data
