"""What's on: workshops, seminars, classes, art therapy, mindfulness, outings and social events.

An area app beside blog, groups and community (DESIGN.md). Like every area it imports only the core
(`home`): what it shares with the groups (formats, costs, audiences, Asheville's time, calendars,
places in JSON-LD and HSDS) is there. Its venues and the group an event belongs to are the groups'
models, named by string in its foreign keys, never imported. A group page and the home page show
upcoming events through this app's inclusion tags (events/templatetags).
"""
