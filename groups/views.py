"""A group's short address, for paper: /groups/<number>/ leads to the group's page.

The printed list (the finder's print route) gives each group an address short enough to
type from a notice board. It names the group by its number, not its slug, so it keeps
working when an editor renames the group; a redirect that is not permanent, so browsers
ask again and follow the page wherever it moves.
"""

from django.http import Http404
from django.shortcuts import redirect

from groups.models import SupportGroupPage


def group_short_link(request, pk):
    group = SupportGroupPage.objects.readable().filter(pk=pk).first()
    url = group.get_url(request) if group else None
    if url is None:
        raise Http404("No such group")
    return redirect(url)
