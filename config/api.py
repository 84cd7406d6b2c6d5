"""The headless APIs, routed from this one module.

- /api/v2/: Wagtail's API v2 (pages, images, documents), read-only.
- /api/v3/: Wagtail 8's typed API with its OpenAPI document at /api/v3/openapi.json.
  Anonymous clients may only read; writing needs a staff member's API token.
"""

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
    filter_backends = [TopicFilter, *PagesAPIViewSet.filter_backends]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["topic"])

    def get_queryset(self):
        """With `?type=`, a page type may add what its API fields need (`api_queryset`), so lists stay flat."""
        queryset = super().get_queryset()
        api_queryset = getattr(queryset.model, "api_queryset", None)
        return api_queryset(queryset) if api_queryset else queryset


api_v2 = WagtailAPIRouter("wagtailapi")
api_v2.register_endpoint("pages", PagesEndpoint)
api_v2.register_endpoint("images", ImagesAPIViewSet)
api_v2.register_endpoint("documents", DocumentsAPIViewSet)

__all__ = ["api_v2", "api_v3"]
