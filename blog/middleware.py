"""Publishing a story without consent, refused in the admin with a message rather than an error page.

Most of the admin's ways to publish ask first (blog/wagtail_hooks.py); approving a story in
its review does not (Wagtail has no hook before a workflow task is approved). There the
model refuses (`ArticlePage.publish` raises `ConsentRequired`) inside the approval's
transaction, so nothing of the approval is kept, and this turns the refusal into a message on
the story's edit page. Only the admin's requests: elsewhere (API v3, whose publish action
refuses first: blog/actions.py) the refusal is answered as that code answers it. A request for
JSON gets JSON (422), not a redirect to a page of HTML.
"""

from http import HTTPStatus

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from blog.models.consent import ConsentRequired


def wants_json(request):
    return "application/json" in request.headers.get("accept", "") or request.content_type == "application/json"


class StoryConsentMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, ConsentRequired):
            return None
        admin_home = reverse("wagtailadmin_home")
        if not request.path.startswith(admin_home):
            return None
        message = f"Not published. {exception.message}"
        target = reverse("wagtailadmin_pages:edit", args=[exception.page_id]) if exception.page_id else admin_home
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            # The workflow action's dialog follows a redirect given this way.
            messages.error(request, message)
            return JsonResponse({"step": "success", "redirect": target})
        if wants_json(request):
            return JsonResponse({"message": message}, status=HTTPStatus.UNPROCESSABLE_ENTITY)
        messages.error(request, message)
        return redirect(target)
