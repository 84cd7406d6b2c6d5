"""The Asheville community pages: areas, the community index, community pages and their local resources."""
