from django.db import models
from wagtail.api import APIField
from wagtail.images.exceptions import InvalidFilterSpecError
from wagtail.images.models import AbstractImage, AbstractRendition, Filter, Image

from home.images import without_metadata
from home.serializers import RenditionField


class SiteImage(AbstractImage):
    """Wagtail's image with alt text that cannot be left empty.

    Every image on the site is described for people who cannot see it; the
    description is the default alt text wherever the image is used.
    """

    description = models.CharField(
        "alt text",
        max_length=255,
        help_text=(
            "Describe what the image shows for someone who cannot see it, in one short "
            "sentence (for example: 'Morning mist over the Blue Ridge Mountains'). Screen "
            "readers read this aloud."
        ),
    )
    credit = models.CharField(
        max_length=255,
        blank=True,
        help_text="Photographer or source, if the image needs a credit.",
    )

    admin_form_fields = (*Image.admin_form_fields, "credit")

    # The images endpoints give a rendition, never the original upload (home/api/endpoints.py).
    api_fields = [APIField("rendition", serializer=RenditionField("max-1600x1600", source="*"))]

    class Meta(AbstractImage.Meta):
        verbose_name = "image"
        verbose_name_plural = "images"

    @property
    def default_alt_text(self):
        return self.description

    def get_rendition(self, filter):
        """Wagtail's, through `get_renditions`: Wagtail's own writes the rendition back to the cache
        on every call, one it has just read from there too (see SiteRendition.__setstate__)."""
        if not isinstance(filter, Filter | str):
            raise InvalidFilterSpecError("Unrecognised filter format - string or Filter instance expected")
        return next(iter(self.get_renditions(filter).values()))

    def _set_image_file_metadata(self):
        # Wagtail calls this for every upload (the image form, multiple upload, the API):
        # take the camera's metadata out first, so no rendition carries it.
        self.file = without_metadata(self.file)
        super()._set_image_file_metadata()


class SiteRendition(AbstractRendition):
    image = models.ForeignKey(SiteImage, on_delete=models.CASCADE, related_name="renditions")

    def __setstate__(self, state):
        """A rendition read back from the cache (Redis, or a copy `remember` kept) is marked as such.

        Wagtail writes back to the cache every rendition it did not find prefetched, those it has
        just read from the cache too: a write per picture per request, a third of a page's time
        spent in Redis. Wagtail skips the write for a rendition marked `_from_cache`.
        """
        super().__setstate__(state)
        self._from_cache = True

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
