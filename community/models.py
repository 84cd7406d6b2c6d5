"""The Asheville community pages: local life and local help, by area and topic.

- `Area`: a small hierarchy of places (Buncombe County > Asheville > West Asheville),
  edited as a snippet.
- `CommunityIndexPage`: "Asheville community", one per site under the home page,
  lists the community pages with a filter by area and topic.
- `CommunityPage`: a page about one part of local life, with `CommunityResource`
  entries (organizations, phone numbers, opening hours …) edited inline.
- `CrisisResource`: local crisis help (the regional crisis line, walk-in and urgent care
  centers, mobile crisis), edited by moderators on its Area. A community page shows the
  crisis help of its area and of the larger areas it sits in, nearest first; "Get help now"
  shows every area's (`{% local_crisis_help %}` in community_tags).

Related support groups and articles come from the apps that own them, through
their template tags, called from the page's template with the page's topics.
Topics, people and the page base come from the core (`home`), as for blog and groups.
"""

from collections import defaultdict
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Count, F, IntegerField, Q, Value, When
from django.forms import CheckboxSelectMultiple
from django.utils.functional import cached_property
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from community.choices import CrisisKind
from community.forms import CommunityFilterForm
from community.serializers import AreaField, CrisisHelpField, crisis_service_data
from home.blocks import BaseStreamBlock
from home.content_version import remember
from home.listing_reports import ListingReportMixin
from home.models import BasePage, IntroBodyMixin, SlugFromNameMixin, Topic
from home.pagination import paginate
from home.panels import ListingReportsPanel
from home.serializers import RenditionField, TopicListField
from home.utils import tel_href

__all__ = ["Area", "AreaTree", "CommunityIndexPage", "CommunityPage", "CommunityResource", "CrisisResource"]

# Enough for region > county > town > neighborhood; the API and page follow
# parents with select_related to this depth, so no area costs a query per level.
AREA_MAX_DEPTH = 4
AREA_TRAIL_RELATED = "area__parent__parent__parent"


class AreaManager(models.Manager):
    def get_queryset(self):
        # An area is named with the larger ones it sits in (str, the API's trail): fetch them with it.
        return super().get_queryset().select_related("parent__parent__parent")


class Area(SlugFromNameMixin, index.Indexed, ClusterableModel):
    """A place a community page covers, inside a larger one: West Asheville is in Asheville."""

    name = models.CharField(max_length=80, help_text="For example 'West Asheville' or 'Black Mountain'.")
    slug = models.SlugField(
        max_length=80,
        unique=True,
        blank=True,
        help_text="Used in web addresses such as ?area=west-asheville. Filled in from the name if left empty.",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name="part of",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        help_text=(
            "The larger area this one is part of, for example Asheville for West Asheville. "
            "Leave empty for a county or the whole region."
        ),
    )

    objects = AreaManager()

    panels = [
        FieldPanel("name"),
        FieldPanel("parent"),
        FieldPanel("slug"),
        InlinePanel(
            "crisis_resources",
            heading="Local crisis help",
            label="Crisis service",
            help_text=(
                "Crisis lines, walk-in and urgent care centers and mobile crisis teams that serve this area. "
                "Shown on the community pages of this area and of the areas inside it, and on Get help now. "
                "988 and 911 are on every page already."
            ),
        ),
    ]

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    api_fields = [APIField("name"), APIField("slug"), APIField("parent")]

    class Meta:
        ordering = ["name"]
        verbose_name = "area"
        verbose_name_plural = "areas"

    def __str__(self):
        return self.full_name

    def clean(self):
        super().clean()
        depth, node, seen = 1, self.parent, {self.pk}
        while node is not None:
            if node.pk in seen:
                raise ValidationError({"parent": "An area cannot be part of itself or of an area inside it."})
            seen.add(node.pk)
            depth += 1
            node = node.parent
        if depth > AREA_MAX_DEPTH:
            raise ValidationError(
                {"parent": f"Areas go at most {AREA_MAX_DEPTH} levels deep, for example county, town, neighborhood."}
            )

    def get_trail(self):
        """This area and the larger ones it sits in, largest first."""
        trail, node, seen = [], self, set()
        while node is not None and node.pk not in seen:
            seen.add(node.pk)
            trail.append(node)
            node = node.parent
        return trail[::-1]

    @property
    def full_name(self):
        """'West Asheville, Asheville, Buncombe County'."""
        return ", ".join(area.name for area in reversed(self.get_trail()))


class AreaTree:
    """Every area at once (a small table, one query): tree order, trails, areas within an area."""

    def __init__(self, areas):
        self.by_id = {area.pk: area for area in areas}
        self.by_slug = {area.slug: area for area in areas}
        self.children = defaultdict(list)
        for area in areas:
            parent_id = area.parent_id if area.parent_id in self.by_id else None
            self.children[parent_id].append(area)
        for siblings in self.children.values():
            siblings.sort(key=lambda area: area.name.lower())

    @classmethod
    def load(cls):
        return cls(list(Area.objects.all()))

    def walk(self, parent_id=None, depth=0, seen=None):
        """(area, depth) for every area, depth first, siblings by name."""
        seen = set() if seen is None else seen
        for area in self.children.get(parent_id, ()):
            if area.pk in seen:
                continue
            seen.add(area.pk)
            yield area, depth
            yield from self.walk(area.pk, depth + 1, seen)

    def within(self, area_id):
        """The ids of an area and of every area inside it."""
        return {area_id} | {area.pk for area, _depth in self.walk(area_id, seen={area_id})}

    def trail(self, area_id):
        """The ids of an area and of the larger areas it sits in."""
        trail, node = [], self.by_id.get(area_id)
        while node is not None and node.pk not in trail:
            trail.append(node.pk)
            node = self.by_id.get(node.parent_id)
        return trail


class CommunityIndexPage(IntroBodyMixin, BasePage):
    """'Asheville community': every community page, by area, with a filter by area and topic."""

    body_help_text = "Anything else to say, shown below the list of pages. Optional."

    parent_page_types = ["home.HomePage"]
    subpage_types = ["community.CommunityPage"]
    max_count_per_parent = 1
    page_size = 12
    search_kind = "List of community pages"
    search_lists_pages = True
    json_ld_type = "CollectionPage"

    content_panels = [*BasePage.content_panels, *IntroBodyMixin.intro_body_panels]

    search_fields = [*BasePage.search_fields, *IntroBodyMixin.intro_search_fields]

    api_fields = [*IntroBodyMixin.intro_body_api_fields]

    class Meta:
        verbose_name = "Asheville community index"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        pages = CommunityPage.objects.child_of(self).readable()
        tree = AreaTree.load()
        form = CommunityFilterForm(
            request.GET,
            area_tree=tree,
            area_choices=self.area_choices(tree, pages),
            topic_choices=[
                (topic.slug, topic.name)
                for topic in Topic.objects.filter(community_pages__in=pages).distinct().order_by("name")
            ],
        )
        selected = form.selected()
        area = tree.by_slug.get(selected["area"])
        topic_name = dict(form.fields["topic"].choices).get(selected["topic"]) if selected["topic"] else ""
        pages = form.filter(pages)
        pages = (
            pages.select_related("area", "image")
            .prefetch_related("topics")
            .order_by(F("area__name").asc(nulls_last=True), "title", "pk")
        )
        context.update(
            filter_form=form,
            filter_notes=form.notes(),
            selected_area=area,
            selected_topic_name=topic_name,
            is_filtered=bool(area or topic_name),
            results=paginate(request, pages, self.page_size),
        )
        return context

    @staticmethod
    def area_choices(tree, pages):
        """Areas with pages in them (or in an area inside them), indented under the larger ones."""
        used = set()
        for area_id in pages.order_by().values_list("area_id", flat=True).distinct():
            used.update(tree.trail(area_id))
        return [(area.slug, "\u00a0\u00a0\u00a0" * depth + area.name) for area, depth in tree.walk() if area.pk in used]


class CommunityPage(ListingReportMixin, RoutablePageMixin, BasePage):
    """A page about one part of local life, with the local resources that go with it.

    Routable for one reason: `report/`, where visitors tell us a resource's details are wrong
    (home/listing_reports.py); the page itself is Wagtail's own index route, as before.
    """

    intro = models.TextField(
        max_length=600,
        help_text="Two or three sentences: what this page is about and who it is for. Shown on listings too.",
    )
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A calm picture of the place or activity, at least 1200 pixels wide. Optional.",
    )
    area = models.ForeignKey(
        Area,
        null=True,
        on_delete=models.SET_NULL,
        related_name="community_pages",
        help_text="The part of Buncombe County this page is about. New areas are added under Snippets, then Areas.",
    )
    topics = ParentalManyToManyField(
        "home.Topic",
        blank=True,
        related_name="community_pages",
        help_text="What the page is about. Related support groups and articles are chosen by these topics.",
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        help_text="The page itself: headings, text, pictures and quotes. Keep paragraphs short for reading on a phone.",
    )
    resources_checked = models.DateField(
        "resources last checked",
        null=True,
        blank=True,
        help_text=(
            "The day someone last checked the resources below (a phone call or a look at their website). "
            "Shown on the page so visitors know how fresh the details are."
        ),
    )

    parent_page_types = ["community.CommunityIndexPage"]
    subpage_types = []
    summary_field = "intro"
    image_field = "image"
    search_kind = "Community page"
    report_listing_name = "this page"

    content_panels = [
        ListingReportsPanel(),
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("image"),
        MultiFieldPanel(
            [FieldPanel("area"), FieldPanel("topics", widget=CheckboxSelectMultiple)],
            heading="Where and what",
        ),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                InlinePanel("resources", label="Local resource", heading="Local resources"),
                FieldPanel("resources_checked"),
            ],
            heading="Local resources",
            help_text="Organizations and services near here. Drag to change their order on the page.",
        ),
    ]

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.RelatedFields("area", [index.SearchField("name")]),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.RelatedFields(
            "resources",
            [index.SearchField("organization"), index.SearchField("offers"), index.SearchField("cost")],
        ),
        index.FilterField("area"),
    ]

    api_fields = [
        APIField("intro"),
        APIField("image", serializer=RenditionField("fill-1200x800")),
        APIField("area", serializer=AreaField()),
        APIField("topics", serializer=TopicListField()),
        APIField("body"),
        APIField("resources"),
        APIField("resources_checked"),
        APIField("crisis_help", serializer=CrisisHelpField()),
    ]
    # Picked up by home/api/endpoints.py, so listing pages with their fields costs no query per page.
    api_select_related = ["image", AREA_TRAIL_RELATED]
    api_prefetch_related = [
        "topics",
        "image__renditions",
        "resources__topics",
        # Each area on the trail's crisis help (crisis_help), as deep as areas go.
        *("area" + "__parent" * level + "__crisis_resources" for level in range(AREA_MAX_DEPTH)),
    ]

    class Meta:
        verbose_name = "community page"

    @cached_property
    def topic_list(self):
        return list(self.topics.all())

    @cached_property
    def topic_ids(self):
        """For the related groups and articles tags of the apps that own them."""
        return [topic.pk for topic in self.topic_list]

    @cached_property
    def resource_list(self):
        resources = self.resources.all()
        if isinstance(resources, models.QuerySet):
            resources = resources.prefetch_related("topics")
        return list(resources)

    @cached_property
    def area_trail(self):
        """The page's area and the larger areas it sits in, largest first: one query, kept until content changes."""
        if not self.area_id:
            return []

        def trail():
            area = Area.objects.filter(pk=self.area_id).first()
            return area.get_trail() if area else []

        return remember("area-trail", trail, self.area_id)

    @property
    def crisis_help(self):
        """Crisis services of the page's area, then of the larger areas it sits in, nearest first.

        Follows the area's parents as fetched with the page (select_related in the API),
        reading each one's crisis_resources.all(): prefetched in API listings.
        """
        services, area, seen = [], self.area if self.area_id else None, set()
        while area is not None and area.pk not in seen:
            seen.add(area.pk)
            services.extend(area.crisis_resources.all())
            area = area.parent
        return services

    def related_pages(self, count=3):
        """Other community pages on the same topics, then in the same area."""
        topic_ids = self.topic_ids
        return list(
            CommunityPage.objects.readable()
            .sibling_of(self, inclusive=False)
            .annotate(
                shared_topics=Count("topics", filter=Q(topics__in=topic_ids), distinct=True),
                same_area=Case(
                    When(area_id=self.area_id, then=Value(1)), default=Value(0), output_field=IntegerField()
                ),
            )
            .filter(Q(shared_topics__gt=0) | Q(same_area=1))
            .select_related("area", "image")
            .order_by("-shared_topics", "-same_area", "title")[:count]
        )

    def report_resources(self):
        """The local resources by name: a visitor reporting a problem may say which one is wrong."""
        return [resource.organization for resource in self.resource_list]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        parent = self.get_parent()
        # Area and topic links open the index with its filter set.
        context["index_url"] = parent.get_url(request) if parent else ""
        context["related_pages"] = self.related_pages()
        context["report_url"] = self.get_report_url(request)
        return context

    def get_json_ld(self, request=None):
        data = self.web_page_json_ld(request, "WebPage")
        if self.topic_list:
            data["about"] = [{"@type": "Thing", "name": topic.name} for topic in self.topic_list]
        place = None
        for area in self.area_trail:
            place = {"@type": "Place", "name": area.name, **({"containedInPlace": place} if place else {})}
        if place:
            data["spatialCoverage"] = place
        if self.resource_list:
            data["mentions"] = [resource.get_json_ld() for resource in self.resource_list]
        if self.resources_checked:
            # "We last checked these details on …", as the page says.
            data["lastReviewed"] = self.resources_checked.isoformat()
        return data


class LocalContact(models.Model):
    """How to reach a local service: phone, web address, street address and hours.

    Shared by the resources on community pages and the crisis help on areas, so both are
    checked, shown and described to search engines the same way.
    """

    phone = models.CharField(
        max_length=40,
        blank=True,
        help_text="As people should dial it, e.g. (828) 555-0123 or 988. Shown as a link that calls on a phone.",
    )
    website = models.URLField("web address", blank=True, help_text="Their own page, starting with https://.")
    street_address = models.CharField(
        max_length=160, blank=True, help_text="Street and number, e.g. 12 Haywood Road. Leave empty if online only."
    )
    town = models.CharField(max_length=80, blank=True, help_text="For example Asheville or Black Mountain.")
    postal_code = models.CharField("ZIP code", max_length=12, blank=True, help_text="For example 28806. Optional.")
    hours = models.TextField(
        "opening hours",
        max_length=300,
        blank=True,
        help_text="One line per day or range, e.g. 'Monday to Friday, 9am to 5pm' or '24 hours, every day'.",
    )

    contact_panels = [
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("website")], heading="How to reach them"),
        MultiFieldPanel(
            [FieldPanel("street_address"), FieldPanel("town"), FieldPanel("postal_code")], heading="Where they are"
        ),
        FieldPanel("hours"),
    ]
    contact_api_fields = [
        APIField("phone"),
        APIField("website"),
        APIField("street_address"),
        APIField("town"),
        APIField("postal_code"),
        APIField("hours"),
    ]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if not (self.phone or self.website or self.street_address):
            message = "Give at least one way to reach them: a phone number, a web address or a street address."
            raise ValidationError({"phone": message})
        if self.phone and sum(ch.isdigit() for ch in self.phone) < 3:
            raise ValidationError({"phone": "Enter a number people can dial, e.g. (828) 555-0123 or 988."})

    @property
    def phone_href(self):
        return tel_href(self.phone)

    @property
    def website_label(self):
        """'example.org' for https://www.example.org/path/: short enough to read out."""
        host = urlsplit(self.website).hostname or self.website
        return host.removeprefix("www.")

    @property
    def address_lines(self):
        town = " ".join(part for part in (f"{self.town}, NC" if self.town else "", self.postal_code) if part)
        return [line for line in (self.street_address, town) if line]

    def contact_json_ld(self):
        """schema.org properties for the ways to reach them."""
        data = {}
        if self.phone:
            data["telephone"] = self.phone
        if self.website:
            data["url"] = self.website
        if self.street_address or self.town:
            address = {
                "streetAddress": self.street_address,
                "addressLocality": self.town,
                "addressRegion": "NC",
                "postalCode": self.postal_code,
                "addressCountry": "US",
            }
            # What is not known is left out, never given as "" (an empty street is not an address).
            data["address"] = {"@type": "PostalAddress", **{key: value for key, value in address.items() if value}}
        return data


class CommunityResource(LocalContact, Orderable, ClusterableModel):
    """A local organization or service listed on a community page."""

    page = ParentalKey(CommunityPage, on_delete=models.CASCADE, related_name="resources")
    organization = models.CharField(max_length=160, help_text="The organization's name as people know it.")
    offers = models.TextField(
        "what it offers",
        max_length=800,
        help_text="In one to three plain sentences: what they do, for whom, and how to start.",
    )
    cost = models.CharField(
        max_length=120,
        blank=True,
        help_text="For example 'Free', 'Sliding scale from $10' or 'Most insurance accepted'.",
    )
    topics = ParentalManyToManyField(
        "home.Topic",
        blank=True,
        related_name="community_resources",
        help_text="What they help with. Optional; other apps use these to find the right resource.",
    )

    panels = [
        FieldPanel("organization"),
        FieldPanel("offers"),
        *LocalContact.contact_panels,
        FieldPanel("cost"),
        FieldPanel("topics", widget=CheckboxSelectMultiple),
    ]

    api_fields = [
        APIField("organization"),
        APIField("offers"),
        *LocalContact.contact_api_fields,
        APIField("cost"),
        APIField("topics", serializer=TopicListField()),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "local resource"
        verbose_name_plural = "local resources"

    def __str__(self):
        return self.organization

    def get_json_ld(self):
        """schema.org: a LocalBusiness when it has a door to walk through, an Organization when not."""
        return {
            "@type": "LocalBusiness" if self.street_address else "Organization",
            "name": self.organization,
            "description": self.offers,
            **self.contact_json_ld(),
        }


class CrisisResource(LocalContact, Orderable):
    """Crisis help that serves an area: edited by moderators on the Area snippet."""

    area = ParentalKey(Area, on_delete=models.CASCADE, related_name="crisis_resources")
    kind = models.CharField(max_length=20, choices=CrisisKind.choices, default=CrisisKind.CRISIS_LINE)
    name = models.CharField(max_length=160, help_text="The service's name as people know it.")
    description = models.TextField(
        "who it is for and what happens",
        max_length=500,
        blank=True,
        help_text="One or two plain sentences, e.g. 'For anyone in a mental health or substance use crisis. "
        "No appointment; you can walk in.'",
    )

    panels = [FieldPanel("kind"), FieldPanel("name"), FieldPanel("description"), *LocalContact.contact_panels]

    api_fields = [
        APIField("kind"),
        APIField("name"),
        APIField("description"),
        *LocalContact.contact_api_fields,
    ]

    class Meta(Orderable.Meta):
        verbose_name = "crisis service"
        verbose_name_plural = "local crisis help"

    def __str__(self):
        return self.name


def crisis_help_by_area(area_id=None):
    """[(area, [its crisis services])]: of an area and the larger areas it sits in, nearest first;
    or, without an area, of every area, larger areas first. Two queries however many there are."""
    tree = AreaTree.load()
    by_area = {}
    for service in CrisisResource.objects.order_by("area_id", "sort_order", "pk"):
        service.area = tree.by_id.get(service.area_id)  # already loaded: no query per service
        by_area.setdefault(service.area_id, []).append(service)
    order = tree.trail(int(area_id)) if area_id else [area.pk for area, _depth in tree.walk()]
    return [(tree.by_id[pk], by_area[pk]) for pk in order if pk in by_area]


def local_crisis_help_for_api():
    """Every area's crisis services for the site settings' crisis block (home's provider registry)."""

    def build():
        return [crisis_service_data(service) for _area, services in crisis_help_by_area() for service in services]

    return remember("local-crisis-help-api", build)
