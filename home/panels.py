"""Admin panels the core shares: what a visitor sent, read-only and in words; and, for every listing
page's editor, how many reports of a problem are open.

'Beside the listing': on the edit page of a page that takes reports (home/listing_reports.py),
a notice with the number of reports not yet fixed or dismissed and a link to read them. Counts
only: what a visitor wrote stays behind the reports' own listing. Shown only to those who may
read the reports (ListingReport.objects.for_user) and only when there is one open.
"""

from django.urls import reverse
from wagtail.admin.panels import FieldPanel, Panel

from home.models.reports import ListingReport


class ReadOnlyPanel(FieldPanel):
    """What a visitor sent (a join or appointment request), shown to staff in words: "Yes" or "No", not
    Python's True, False or None; "Not given" for an empty answer; a list of choices by their labels."""

    def __init__(self, field_name, **kwargs):
        kwargs.setdefault("read_only", True)
        super().__init__(field_name, **kwargs)

    def format_value_for_display(self, value):
        if isinstance(value, bool):
            return "Yes" if value else "No"
        if value is None or value in ("", []):
            return "Not given"
        choices_class = getattr(self.db_field, "choices_class", None)
        if isinstance(value, list) and choices_class is not None:
            labels = dict(choices_class.choices)
            return ", ".join(str(labels.get(item, item)) for item in value)
        return super().format_value_for_display(value)


def reports_url(**filters):
    url = reverse("home_listingreport_modeladmin_index")
    query = "&".join(f"{name}={value}" for name, value in filters.items())
    return f"{url}?{query}" if query else url


class ListingReportsPanel(Panel):
    """A notice at the top of a listing's edit page while visitors' reports about it are open."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "home/admin/listing_reports_panel.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.open_reports = 0
            if self.instance is not None and self.instance.pk and self.request is not None:
                self.open_reports = (
                    ListingReport.objects.for_user(self.request.user).filter(page_id=self.instance.pk).open().count()
                )

        def is_shown(self):
            return self.open_reports > 0 and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(
                open_reports=self.open_reports,
                reports_url=reports_url(listing=self.instance.pk),
            )
            return context
