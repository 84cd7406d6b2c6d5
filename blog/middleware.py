"""Publishing a story without consent, refused in the admin with a message rather than an error page.

Most of the admin's ways to publish ask first (blog/wagtail_hooks.py); approving a story in
its review does not (Wagtail has no hook before a workflow task is approved). There the
model refuses (`ArticlePage.publish` raises `ConsentRequired`) inside the approval's
transaction, so nothing of the approval is kept, and this turns the refusal into a message on
the story's edit page. (API v3's publish action, for a staff tool's token, calls Wagtail's
publish action without `ArticlePage.publish`: there `ArticlePage.save` refuses, and v3 answers
422 with the message itself.)
"""

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse

from blog.models.consent import ConsentRequired


class StoryConsentMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, ConsentRequired):
            return None
        messages.error(request, f"Not published. {exception.message}")
        if exception.page_id:
            target = reverse("wagtailadmin_pages:edit", args=[exception.page_id])
        else:
            target = reverse("wagtailadmin_home")
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            # The workflow action's dialog follows a redirect given this way.
            return JsonResponse({"step": "success", "redirect": target})
        return redirect(target)
