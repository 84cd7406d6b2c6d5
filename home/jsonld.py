"""schema.org pieces more than one area's structured data uses: how a listing is attended and where.

In the core because the groups' and the events' JSON-LD describe places and attendance the same way,
and areas do not import each other. No online meeting link is ever given: an online listing's
VirtualLocation is its own page.
"""

ATTENDANCE_MODES = {
    "in_person": "https://schema.org/OfflineEventAttendanceMode",
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "hybrid": "https://schema.org/MixedEventAttendanceMode",
}


def location_json_ld(group, url):
    """Where a listing meets: its venue as a Place, and a VirtualLocation (its own page) when it meets online.

    `group` is anything with `venue`, `meets_in_person` and `meets_online`: a group, or an event seen
    as one (events/jsonld.py).
    """
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


def site_root_url(page, request):
    """The root URL of the site `page` belongs to: the organizer's `url`."""
    parts = page.get_url_parts(request)
    return (parts[1] if parts else "") + "/"
