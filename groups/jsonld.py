"""A group as schema.org structured data: an Event with its recurring schedule.

No online meeting link: an online group's location is the group's own page.
"""

from groups import schedule
from groups.choices import Frequency, GroupStatus
from home.models import SiteSettings

ATTENDANCE_MODES = {
    "in_person": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
}
REPEAT_FREQUENCY = {Frequency.WEEKLY: "P1W", Frequency.FORTNIGHTLY: "P2W", Frequency.MONTHLY: "P1M"}


def schedule_json_ld(rule):
    data = {
        "@type": "Schedule",
        "repeatFrequency": REPEAT_FREQUENCY[rule.frequency],
        "byDay": schedule.schema_by_day(rule),
        "startTime": rule.start_time.strftime("%H:%M:%S"),
        "endTime": rule.end_time.strftime("%H:%M:%S"),
        "startDate": rule.first_date.isoformat(),
        "scheduleTimezone": schedule.TIMEZONE_NAME,
    }
    if rule.frequency == Frequency.MONTHLY:
        data["byMonthWeek"] = rule.week_of_month
    if rule.last_date:
        data["endDate"] = rule.last_date.isoformat()
    return data


def location_json_ld(group, url):
    places = []
    venue = group.venue
    if venue and group.meets_in_person:
        place = {
            "@type": "Place",
            "name": venue.name,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": venue.street_address,
                "addressLocality": venue.locality,
                "addressRegion": venue.region,
                "postalCode": venue.postal_code,
                "addressCountry": "US",
            },
        }
        if venue.has_coordinates:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(venue.latitude),
                "longitude": float(venue.longitude),
            }
        places.append(place)
    if group.meets_online:
        places.append({"@type": "VirtualLocation", "name": "Online: the link is sent after joining", "url": url})
    return places[0] if len(places) == 1 else places


def site_root_url(group, request):
    parts = group.get_url_parts(request)
    return (parts[1] if parts else "") + "/"


def group_json_ld(group, request=None):
    url = group.get_full_url(request)
    practice = SiteSettings.load(request_or_site=request)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": group.title,
        "description": group.summary,
        "url": url,
        "eventAttendanceMode": ATTENDANCE_MODES[group.meeting_format],
        "eventStatus": "https://schema.org/EventScheduled",
        "isAccessibleForFree": group.is_free,
        "eventSchedule": [schedule_json_ld(rule) for rule in group.active_rules],
        "location": location_json_ld(group, url),
        "organizer": {"@type": "Organization", "name": practice.practice_name, "url": site_root_url(group, request)},
        "inLanguage": "en-US",
    }
    if group.status == GroupStatus.PAUSED:
        data["eventStatus"] = "https://schema.org/EventPostponed"
    meeting = group.next_meeting
    if meeting:
        data["startDate"] = meeting.start.isoformat()
        data["endDate"] = meeting.end.isoformat()
    if group.is_free:
        data["offers"] = {"@type": "Offer", "price": "0", "priceCurrency": "USD", "url": url}
    people = [f.person for f in group.facilitators.all()]
    if people:
        data["performer"] = [{"@type": "Person", "name": person.display_name} for person in people]
    audience = group.get_audience_display()
    data["audience"] = {"@type": "Audience", "audienceType": audience}
    return data
