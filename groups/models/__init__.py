"""Support groups: the finder page, group pages with their schedules, venues and join requests."""

from .inlines import CancelledMeeting, GroupFacilitator, MeetingRule
from .join import JoinRequest
from .pages import SupportGroupIndexPage, SupportGroupPage
from .venues import Venue

__all__ = [
    "CancelledMeeting",
    "GroupFacilitator",
    "JoinRequest",
    "MeetingRule",
    "SupportGroupIndexPage",
    "SupportGroupPage",
    "Venue",
]
