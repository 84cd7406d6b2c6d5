"""The admin page behind "Nothing changed? Confirm it": a group's details, and one button.

Reached from the coordinators' weekly email, the dashboard and the group's edit page. The
link only opens this page (a mail program that follows links to check them changes nothing);
the button, a POST from a signed-in coordinator who may publish the group, confirms it.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from groups import verification
from groups.models import SupportGroupPage


@require_http_methods(["GET", "POST"])
def confirm_details(request, page_id):
    group = get_object_or_404(SupportGroupPage, pk=page_id)
    if not verification.can_confirm(group, request.user):
        raise PermissionDenied
    problem = None
    if request.method == "POST":
        try:
            verification.confirm_details(group, request.user)
        except verification.CannotConfirm as error:
            problem = str(error)
        else:
            messages.success(
                request,
                f"Thank you: {group.title} now shows that its details were checked today.",
            )
            return redirect("wagtailadmin_home")
    context = {
        "page_title": "Confirm a group's details",
        "header_icon": "tick",
        "group": group,
        "days_since": (timezone.localdate() - group.last_verified).days,
        "problem": problem,
        "unpublished": group.has_unpublished_changes,
        "edit_url": reverse("wagtailadmin_pages:edit", args=[group.pk]),
    }
    return render(request, "groups/admin/confirm_details.html", context, status=409 if problem else 200)
