"""An event as schema.org structured data: an Event with its dates, status, place and price.

- One date: startDate and endDate. A series (a four-week course): the first date's start and the
  last date's end, and each date as a subEvent, so search engines read every session.
- eventStatus: EventScheduled; EventCancelled; EventPostponed while a postponed event has no new
  date (its dates are still the ones first planned, as schema.org asks); EventRescheduled with
  previousStartDate once the editor has given the new dates and kept the first one.
- No online meeting link: an online event's VirtualLocation is the event's own page.
- offers.availability: SoldOut when the page says the event is full (the editor set it to "Full", or
  every place is taken), else InStock.
"""

from home.jsonld import ATTENDANCE_MODES, location_json_ld, site_root_url
from home.local_time import TIMEZONE
from home.models import SiteSettings

STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "full": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
}
RESCHEDULED = "https://schema.org/EventRescheduled"


class _Place:
    """The event seen as home.jsonld's location builder sees a group."""

    def __init__(self, event):
        self.venue = event.venue
        self.meets_in_person = event.in_person and event.venue is not None
        self.meets_online = event.online or (event.in_person and event.venue is None)


def location(event, url):
    if event.in_person and event.venue is None:
        # An outing without a venue: the meeting point is the place.
        place = {"@type": "Place", "name": event.meeting_point, "address": event.meeting_point}
        if event.online:
            return [place, {"@type": "VirtualLocation", "name": "Online: the link is sent to you", "url": url}]
        return place
    return location_json_ld(_Place(event), url)


def event_json_ld(event, request=None):
    url = event.get_full_url(request)
    practice = SiteSettings.load(request_or_site=request)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "url": url,
        "eventAttendanceMode": ATTENDANCE_MODES[event.attendance],
        "eventStatus": RESCHEDULED if event.is_rescheduled else STATUS[event.status],
        "isAccessibleForFree": event.is_free,
        "location": location(event, url),
        "organizer": {"@type": "Organization", "name": practice.practice_name, "url": site_root_url(event, request)},
        "inLanguage": "en-US",
    }
    dates = event.date_list
    if dates:
        data["startDate"] = dates[0].local_start.isoformat()
        data["endDate"] = event.last_date.local_end.isoformat()
    if len(dates) > 1:
        data["subEvent"] = [
            {
                "@type": "Event",
                "name": f"{event.title} ({number} of {len(dates)})",
                "startDate": date.local_start.isoformat(),
                "endDate": date.local_end.isoformat(),
                "eventAttendanceMode": data["eventAttendanceMode"],
                "eventStatus": data["eventStatus"],
                "location": data["location"],
            }
            for number, date in enumerate(dates, start=1)
        ]
    if event.is_rescheduled:
        data["previousStartDate"] = event.previous_start.astimezone(TIMEZONE).isoformat()
    if event.last_verified:
        data["subjectOf"] = {"@type": "WebPage", "url": url, "lastReviewed": event.last_verified.isoformat()}
    offer = {"@type": "Offer", "priceCurrency": "USD", "url": url}
    if event.is_free:
        offer["price"] = "0"
    elif event.fee_amount is not None:
        offer["price"] = f"{event.fee_amount:.2f}"
        offer["description"] = event.cost_text
    else:
        offer["description"] = event.cost_text
    # Full as the page says it (events.registrations.full_with), counted once with the page's side box.
    offer["availability"] = "https://schema.org/SoldOut" if event.places_full() else "https://schema.org/InStock"
    data["offers"] = offer
    if event.capacity:
        data["maximumAttendeeCapacity"] = event.capacity
    image = event.get_social_image()
    if image is not None:
        data["image"] = [image.get_rendition("fill-1200x630").full_url]
    people = [leader.person for leader in event.leaders.all()]
    if people:
        data["performer"] = [
            {
                "@type": "Person",
                "name": person.name,
                **({"honorificSuffix": person.credentials} if person.credentials else {}),
            }
            for person in people
        ]
    if event.audience != "everyone":
        data["audience"] = {"@type": "Audience", "audienceType": event.get_audience_display()}
    return data
