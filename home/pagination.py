"""Pagination for every listing (search, articles, community, the group finder): one forgiving page lookup.

A listing's `?page=` comes from links people share and edit by hand, so a bad
value is never an error page: it falls back to the first or the last page.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator


def get_page_number(request, paginator):
    """The requested page of results, falling back to the first or last page on bad values."""
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        return paginator.page(paginator.num_pages)


def paginate(request, items, page_size, count=None):
    """The page of `items` that the request asks for, `page_size` to a page (see `get_page_number`).

    `count`: how many items there are, when the caller has counted them already (saves a query).
    """
    paginator = Paginator(items, page_size)
    if count is not None:
        paginator.count = count
    return get_page_number(request, paginator)
