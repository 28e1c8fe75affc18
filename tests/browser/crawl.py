"""Crawl the demo as each role in a real browser and record what every page looks like: sideways
scrolling (with the elements that cause it), the title, the main text and the names of its regions.

Used by test_reflow.py and test_titles.py; one crawl serves both (see `demo_crawl` there)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urlsplit

MAX_PAGES_PER_ROLE = 50
MAX_PER_PATTERN = 2
# Downloads, printable copies and the outbox's links (they sign someone else in) are not crawled.
SKIP = re.compile(r"\.csv$|/attachment|/download|/dev/mail/.+|/confirm/|/verify/|/reset/.+|/signin/")

# Where the page is wider than the window: the elements (or text) that stick out, outside any
# element that scrolls on its own.
OVERFLOW_JS = r"""() => {
  const root = document.documentElement, width = root.clientWidth;
  if (root.scrollWidth <= width) return null;
  const scrolls = el => { for (let p = el; p && p !== document.body; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; }
    return false; };
  const describe = el => { let s = el.tagName.toLowerCase();
    if (el.id) s += '#' + el.id;
    if (typeof el.className === 'string' && el.className.trim()) s += '.' + el.className.trim().split(/\s+/).join('.');
    return s + ' "' + (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 50) + '"'; };
  const culprits = new Set();
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width && r.right > width + 0.5 && !scrolls(el.parentElement || el)) culprits.add(el);
  }
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent.trim() || !node.parentElement) continue;
    const range = document.createRange(); range.selectNodeContents(node);
    const r = range.getBoundingClientRect();
    if (r.width && r.right > width + 0.5 && !scrolls(node.parentElement)) culprits.add(node.parentElement);
  }
  // the innermost culprits say the most
  const inner = [...culprits].filter(el => ![...culprits].some(other => other !== el && el.contains(other)));
  return {scrollWidth: root.scrollWidth, clientWidth: width, elements: inner.slice(0, 5).map(describe)};
}"""

REGIONS_JS = r"""() => [...document.querySelectorAll('[role=region], section[aria-label], section[aria-labelledby]')]
  .filter(el => el.getAttribute('role') === 'region').map(el => {
    const ids = (el.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
    const named = ids.map(id => document.getElementById(id)).filter(Boolean).map(n => n.textContent.trim()).join(' ');
    return {labelledby: ids.join(' '), missing: ids.filter(id => !document.getElementById(id)),
            name: (named || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim()};
  })"""


@dataclass
class Page:
    role: str
    url: str  # the path asked for
    final: str  # the path shown (after redirects)
    status: int
    title: str
    signature: str  # a hash of the main text: two paths that show the same thing are one page
    overflow: dict | None
    regions: list = field(default_factory=list)


def pattern(path: str) -> str:
    """A path with its ids and slugs generalised, so the crawl sees a few of each kind of page."""
    parts = urlsplit(path)
    segments = ["N" if s.isdigit() else ("S" if "-" in s or len(s) > 15 else s) for s in parts.path.split("/")]
    keys = sorted(k.split("=")[0] for k in parts.query.split("&") if k)
    return "/".join(segments) + ("?" + "&".join(keys) if keys else "")


def crawl(page, base: str, role: str, start: list[str]) -> list[Page]:
    """Visit the pages reachable by links from `start` (same site, GET), a few of each kind."""
    host = urlsplit(base).netloc
    queue, seen, per_pattern, pages = list(start), set(), {}, []
    while queue and len(pages) < MAX_PAGES_PER_ROLE:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        kind = pattern(path)
        if per_pattern.get(kind, 0) >= MAX_PER_PATTERN:
            continue
        per_pattern[kind] = per_pattern.get(kind, 0) + 1
        response = page.goto(base + path)
        if response is None or "text/html" not in (response.headers.get("content-type") or ""):
            continue
        final = urlsplit(page.url)
        main_text = page.inner_text("main") if page.locator("main").count() else page.inner_text("body")
        pages.append(Page(
            role=role, url=path, final=final.path + (f"?{final.query}" if final.query else ""),
            status=response.status, title=page.title(),
            signature=hashlib.sha1(re.sub(r"\s+", " ", main_text).encode()).hexdigest(),
            overflow=page.evaluate(OVERFLOW_JS), regions=page.evaluate(REGIONS_JS),
        ))
        if path.startswith("/dev/mail/"):
            continue  # its links confirm addresses and sign other people in
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            target = urlsplit(urldefrag(href)[0])
            if target.netloc != host:
                continue
            local = target.path + (f"?{target.query}" if target.query else "")
            if local not in seen and not SKIP.search(local):
                queue.append(local)
    return pages
