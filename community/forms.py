"""The filter on the Asheville community index: a plain GET form that works without JavaScript.

Unknown or malformed values are never an error page: the filter is ignored and
the visitor is told so in plain words (the index-filter base, home/filters.py).
"""

from django import forms

from home.filters import IndexFilterForm


class CommunityFilterForm(IndexFilterForm):
    """Area and topic, each by slug. Only areas and topics that have pages are offered."""

    area = forms.ChoiceField(label="Area", required=False)
    topic = forms.ChoiceField(label="Topic", required=False)

    note_templates = {
        "area": "We have no pages for the area “{value}”, so pages from every area are shown.",
        "topic": "We have no pages about “{value}”, so pages on every topic are shown.",
    }
    lookups = {"topic": "topics__slug"}

    def __init__(self, data, *, area_tree, area_choices, topic_choices):
        super().__init__(data, auto_id="filter-%s")
        self.area_tree = area_tree
        self.fields["area"].choices = [("", "All areas"), *area_choices]
        self.fields["topic"].choices = [("", "All topics"), *topic_choices]

    def filter_area(self, pages, slug):
        """Pages in the area or in any area inside it: Asheville includes West Asheville."""
        return pages.filter(area_id__in=self.area_tree.within(self.area_tree.by_slug[slug].pk))

    def selected(self):
        """{'area': slug or '', 'topic': slug or ''}, with invalid values dropped."""
        self.is_valid()
        return {name: self.cleaned_data.get(name, "") for name in self.fields}
