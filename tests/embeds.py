"""An oEmbed finder for tests: answers from here, never from the network."""

from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.embeds.finders.base import EmbedFinder


class OfflineFinder(EmbedFinder):
    def accept(self, url):
        return True

    def find_embed(self, url, max_width=None, max_height=None):
        if "youtube.com" not in url and "vimeo.com" not in url:
            raise EmbedNotFoundException
        return {
            "title": "A test video",
            "author_name": "Test",
            "provider_name": "YouTube",
            "type": "video",
            "thumbnail_url": None,
            "width": 640,
            "height": 360,
            "html": '<iframe src="https://www.youtube-nocookie.com/embed/demo" title="A test video"></iframe>',
        }
