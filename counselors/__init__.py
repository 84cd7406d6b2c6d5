"""The practice's counselors: who they are, what they help with, and whether they can see someone new.

A counselor's page is built on the core's Person snippet (`CounselorPage.person`), not in place of
it: articles' authors and groups' facilitators are People, and stay so. The page adds what only a
counselor has (licence, approach, specialties, languages, insurance panels, availability); the
name, role, credentials and photo come from the Person, so they read the same everywhere.
"""
