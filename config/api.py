"""The headless APIs, routed from this one module.

- /api/v2/: Wagtail's API v2 (pages, images, documents), read-only.
- /api/v3/: Wagtail 8's typed API with its OpenAPI document at /api/v3/openapi.json.
  Anonymous clients may only read; writing needs a staff member's API token.
"""

from django.db.models import prefetch_related_objects
from rest_framework.filters import BaseFilterBackend
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.api.v3.urls import api as api_v3
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from home.models import Topic


class TopicFilter(BaseFilterBackend):
    """`?type=<app.Model>&topic=<slug>`: pages of a type that has topics, on one topic."""

    def filter_queryset(self, request, queryset, view):
        slug = request.GET.get("topic")
        if slug is None:
            return queryset
        model = queryset.model
        if not any(field.name == "topics" for field in model._meta.get_fields()):
            raise BadRequestError(
                "The topic filter needs a page type that has topics, e.g. ?type=blog.ArticlePage&topic=anxiety"
            )
        if not Topic.objects.filter(slug=slug).exists():
            raise BadRequestError(f"Unknown topic '{slug}'. See the topics listed on the site.")
        return queryset.filter(topics__slug=slug).distinct()


class PagesEndpoint(PagesAPIViewSet):
    """Wagtail's pages endpoint, with the topic filter and each page type's own prefetching.

    A page type may declare `api_select_related` and `api_prefetch_related`: the
    relations its `api_fields` read, so a list of such pages with their fields
    costs the same number of queries whatever its length. The locale every
    item's meta shows is always fetched with the page.
    """

    filter_backends = [TopicFilter, *PagesAPIViewSet.filter_backends]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["topic"])

    def get_queryset(self):
        queryset = super().get_queryset()
        model = queryset.model
        # Each item's meta names its locale: fetch it with the page, not once per item.
        queryset = queryset.select_related("locale", *getattr(model, "api_select_related", ()))
        if prefetch_related := getattr(model, "api_prefetch_related", None):
            queryset = queryset.prefetch_related(*prefetch_related)
        return queryset

    def get_object(self):
        page = super().get_object()
        if prefetch_related := getattr(page, "api_prefetch_related", None):
            prefetch_related_objects([page], *prefetch_related)
        return page


api_v2 = WagtailAPIRouter("wagtailapi")
api_v2.register_endpoint("pages", PagesEndpoint)
api_v2.register_endpoint("images", ImagesAPIViewSet)
api_v2.register_endpoint("documents", DocumentsAPIViewSet)

__all__ = ["api_v2", "api_v3"]
