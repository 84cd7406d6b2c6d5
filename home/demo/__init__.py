"""The core's demo content, and the helpers every app's demo uses.

- `content`: the core's own demo (topics, people, pictures, settings, the home, standard and
  contact pages, the menu's order). Its `load`, `finish` and `bench_urls` are this package's,
  because `load_demo_content` runs `<app>.demo.load` for each app in LOCAL_APPS.
- `utils`: find-or-create helpers, so that running the command again changes nothing that exists.
- `images`: calm landscape pictures drawn on the spot, so the demo downloads nothing.

Each area app keeps its own demo in its `demo.py` and imports only from here.
"""

from .content import bench_urls, finish, load

__all__ = ["bench_urls", "finish", "load"]
