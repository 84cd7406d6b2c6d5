"""What's on: workshops, seminars, classes, art therapy, mindfulness, outings and social events.

An area app beside blog, groups and community (DESIGN.md). It imports the core (`home`) and, for
the venues and the group an event belongs to, `groups`; neither imports it back. A group page
and the home page show upcoming events through this app's inclusion tags (events/templatetags).
"""
