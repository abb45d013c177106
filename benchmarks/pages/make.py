"""Writes the page corpus: each story of `stories.py` in the page of a publisher, the way
those sites lay out a press release or a news story (menus, cookie banners, breadcrumbs,
share bars, related-story lists with teasers, comments, newsletter boxes, footers), with
its gold `NAME.json` beside it: the headline, the date, the main text's paragraphs.

    python benchmarks/pages/make.py

The first twelve stories go into six dev layouts (benchmarks/pages/), the last six into
six other layouts, held out (benchmarks/pages/heldout/), which the reading of pages was
not tuned on. Run once; the pages are kept in the repository as written.
"""

from __future__ import annotations

import html
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from stories import STORIES  # noqa: E402

E = html.escape
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def long_date(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{d} {MONTHS[m - 1]} {y}"


def us_date(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    return f"{MONTHS[m - 1]} {d}, {y}"


def slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]


def paras(story: dict, tag: str = "p") -> str:
    """Paragraphs as <p>; a short line without a full stop as a <h2> heading; list items
    (lines ending in ';' or a list's last '.') after a ':' paragraph as a <ul>."""
    out: list[str] = []
    items: list[str] = []
    listing = False
    for p in story["paragraphs"]:
        if listing and (p.endswith(";") or (items and p[:1].islower())):
            items.append(f"<li>{E(p)}</li>")
            continue
        if items:
            out.append("<ul>" + "".join(items) + "</ul>")
            items, listing = [], False
        if len(p) < 40 and not p.endswith("."):
            out.append(f"<h2>{E(p)}</h2>")
        else:
            out.append(f"<{tag}>{E(p)}</{tag}>")
            listing = p.endswith(":")
    if items:
        out.append("<ul>" + "".join(items) + "</ul>")
    return "\n".join(out)


COOKIES = ('<div id="cookie-consent" class="cookie-banner"><p>This site uses cookies to offer '
           'you a better browsing experience. Find out more on how we use cookies and how you '
           'can change your settings.</p><button>I accept cookies</button><button>I refuse '
           'cookies</button></div>')


def related(items: list[str], teaser: bool = True) -> str:
    rows = []
    for i, t in enumerate(items):
        extra = (f"<p class=\"teaser\">{E(t)} was discussed by ministers, who agreed that "
                 "further work is needed in the coming months.</p>") if teaser else ""
        rows.append(f'<li class="card"><a href="/news/{i}">{E(t)}</a>{extra}</li>')
    return "<ul class=\"related-list\">" + "".join(rows) + "</ul>"


OTHERS = ["EU and Japan hold security and defence dialogue",
          "Statement on the situation in the Red Sea",
          "Foreign ministers discuss support for Ukraine",
          "New humanitarian aid for the Sahel announced"]


def eeas(s: dict) -> tuple[str, str]:
    t = E(s["title"])
    return f"""<!DOCTYPE html>
<html lang="en" dir="ltr"><head><meta charset="utf-8">
<title>{t} | EEAS</title>
<meta property="og:title" content="{t}">
<meta property="og:site_name" content="EEAS">
<meta property="og:type" content="article">
<link rel="canonical" href="https://www.eeas.europa.eu/eeas/{slug(s['title'])}_en">
<meta name="description" content="{E(s['paragraphs'][0][:150])}">
</head><body>
<a class="skip" href="#main">Skip to main content</a>
{COOKIES}
<header class="ecl-site-header"><div class="logo">European Union External Action</div>
<nav class="ecl-menu"><ul><li><a href="/">Home</a></li><li><a href="/eeas/press-material_en">
Press material</a></li><li><a href="/eeas/countries_en">Countries</a></li><li><a href="/eeas/
topics_en">Topics</a></li><li><a href="/eeas/careers_en">Careers</a></li></ul></nav>
<form class="search"><input placeholder="Search"></form></header>
<nav class="breadcrumb"><a href="/">Home</a> › <a href="/eeas/press-material_en">Press
material</a> › Statements</nav>
<main id="main"><article class="node--type-press-material">
<div class="ecl-page-header"><div class="meta">Statements by the HR/VP</div>
<h1 class="ecl-page-header__title">{t}</h1>
<div class="ecl-date"><time datetime="{s['date']}T12:00:00Z">{long_date(s['date'])}</time></div>
</div>
<div class="field--name-body">
{paras(s)}
</div>
<div class="share"><span>Share this page:</span><a href="#">Facebook</a><a href="#">X</a>
<a href="#">LinkedIn</a><a href="#">E-mail</a></div>
</article>
<section class="more"><h2>Related content</h2>{related(OTHERS[:3])}</section>
</main>
<footer class="ecl-footer"><p>European External Action Service</p><ul><li>Contact</li>
<li>Legal notice</li><li>Cookies</li><li>Accessibility</li></ul></footer>
</body></html>""", "utf-8"


def nato(s: dict) -> tuple[str, str]:
    t = E(s["title"])
    y, m, d = s["date"].split("-")
    short = f"{int(d)} {MONTHS[int(m) - 1][:3]}. {y}"
    return f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>NATO - News: {t}, {short}</title>
<meta name="DC.date" content="{s['date']}">
<meta property="og:title" content="{t}">
<meta property="og:site_name" content="NATO">
</head><body class="nato">
<div id="topnav"><ul><li><a href="/">NATO</a></li><li><a href="/news">News</a></li>
<li><a href="/topics">Topics</a></li><li><a href="/multimedia">Multimedia</a></li>
<li><a href="/about">About us</a></li></ul></div>
<div id="content"><div class="pagecontent">
<div class="breadcrumb">Home / News / 2024</div>
<div class="article">
<h1 class="fs-huge">{t}</h1>
<p class="date">{short} - </p>
<div class="media-photo"><img src="/photo.jpg" alt="Photo"><p class="caption">NATO Secretary
General at NATO Headquarters</p></div>
{paras(s)}
</div>
<div class="rightcol"><h3>Related news</h3><ul>
<li><a href="/a">Secretary General attends Munich Security Conference</a></li>
<li><a href="/b">NATO and EU step up cooperation</a></li></ul>
<h3>Topics</h3><ul><li>KFOR</li><li>Partnerships</li></ul></div>
</div></div>
<div id="footer"><p>© North Atlantic Treaty Organization</p><p>Terms of use · Privacy ·
Contact</p></div>
</body></html>""", "utf-8"


def unnews(s: dict) -> tuple[str, str]:
    t = E(s["title"])
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle",
                     "headline": s["title"], "datePublished": s["date"] + "T14:05:00-04:00",
                     "publisher": {"@type": "Organization", "name": "UN News"}})
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{t} | UN News</title>
<meta property="og:title" content="{t}">
<meta property="og:site_name" content="UN News">
<meta property="article:published_time" content="{s['date']}T14:05:00-04:00">
<link rel="canonical" href="https://news.un.org/en/story/{s['date'][:7].replace('-', '/')}/1">
<script type="application/ld+json">{ld}</script>
</head><body>
<div class="region-top"><a href="/en">UN News</a> <span>Global perspective Human stories</span>
<ul class="lang"><li>العربية</li><li>中文</li><li>Español</li><li>Français</li><li>Русский</li>
</ul></div>
<nav><ul><li>Home</li><li>Topics</li><li>In depth</li><li>Audio hub</li><li>Podcasts</li></ul>
</nav>
<main><div class="story">
<h1 class="story-title">{t}</h1>
<div class="meta"><time datetime="{s['date']}T18:05:00Z">{long_date(s['date'])}</time>
<span class="topic">Peace and Security</span></div>
<div class="body">
{paras(s)}
</div>
<div class="social"><a>Facebook</a> <a>Twitter</a> <a>Print</a> <a>Email</a></div>
<div class="newsletter"><h3>Get the latest news from UN News</h3><p>Subscribe to our
newsletter to receive the top stories of the day every morning in your inbox.</p>
<input placeholder="Your email"><button>Subscribe</button></div>
</div>
<section class="related-stories"><h2>Related stories</h2>
{related(OTHERS, teaser=True)}</section></main>
<footer><ul><li>About UN News</li><li>Contact</li><li>Copyright</li><li>Privacy</li></ul>
</footer></body></html>""", "utf-8"


def state(s: dict) -> tuple[str, str]:
    t = E(s["title"])
    return f"""<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8">
<title>{t} - United States Department of State</title>
<meta property="og:title" content="{t}">
<meta property="og:site_name" content="United States Department of State">
<meta property="article:published_time" content="{s['date']}T19:31:00+00:00">
<link rel="canonical" href="https://www.state.gov/{slug(s['title'])}/">
</head><body class="post-template">
<div class="usa-banner">An official website of the United States Government <button>Here's
how you know</button></div>
<header><a class="logo" href="/">U.S. Department of State</a>
<nav class="header-nav"><ul><li>Policy Issues</li><li>Countries &amp; Areas</li><li>Bureaus
&amp; Offices</li><li>About</li></ul></nav></header>
<div class="featured-content__headline"><p class="doctype-meta">Readout</p>
<h1 class="featured-content__headline stars-above">{t}</h1>
<p class="article-meta doctype-meta">Office of the Spokesperson</p>
<p class="article-meta__publish-date">{us_date(s['date'])}</p></div>
<div class="entry-content">
{paras(s)}
</div>
<div class="related-tags"><p>Tags</p><ul><li><a>Bureau of European and Eurasian Affairs</a>
</li><li><a>Kosovo</a></li><li><a>Serbia</a></li><li><a>The Secretary of State</a></li></ul></div>
<div class="related-content"><h2>Related Articles</h2>
<div class="card"><p class="card-doctype">Press statement</p><a>Secretary Blinken's Meeting
with Kosovo Prime Minister Kurti</a></div>
<div class="card"><p class="card-doctype">Readout</p><a>Deputy Secretary's Travel to the
Western Balkans</a></div></div>
<footer><p>White House · USA.gov · Office of the Inspector General · Archives · Privacy
Policy · FOIA</p></footer></body></html>""", "utf-8"


def ministry(s: dict) -> tuple[str, str]:
    t = E(s["title"])
    y, m, d = s["date"].split("-")
    comments = "".join(
        f'<li class="comment"><p class="who">{who}</p><p>{text}</p></li>'
        for who, text in (("Jan K.", "Finally some real progress, well done to the minister "
                                     "and the whole team!"),
                          ("Observer", "What about the energy prices at home? Nobody asks "
                                       "the people about these memoranda."))
    )
    return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "x.dtd">
<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>{t} | Ministry of Foreign Affairs of the Republic of Ruritania</title>
</head><body>
<div id="cookies">We use cookies for analytics. <a>OK</a> <a>More information</a></div>
<table id="layout" width="100%"><tr><td id="left" width="200">
<ul class="menu"><li>The Ministry</li><li>Minister</li><li>Press office</li><li>Foreign
policy</li><li>Consular services</li><li>Travel advice</li></ul></td>
<td id="center"><div class="path">Home &gt; Press office &gt; News</div>
<div class="news-detail">
<h1>{t}</h1>
<span class="date">{int(d)}.{int(m)}.{y}</span>
{paras(s)}
<p class="photo">Photo: MFA / press office</p>
</div>
<div class="print"><a>Print</a> | <a>Send by e-mail</a></div>
<h3>Comments (2)</h3><ul class="comments">{comments}</ul>
<form class="comment-form"><textarea>Write a comment</textarea><button>Send</button></form>
</td><td id="right"><h3>Latest news</h3><ul><li>State Secretary attends conference on
Ukraine reconstruction</li><li>Consular office in Kyiv reopens</li></ul></td></tr></table>
<div id="footer">© Ministry of Foreign Affairs · Accessibility · Sitemap</div>
</body></html>""", "cp1252"


def council(s: dict) -> tuple[str, str]:
    t = E(s["title"])
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{t} - Consilium</title>
<meta property="og:title" content="{t}">
<meta property="og:site_name" content="Consilium">
<meta name="dcterms.issued" content="{s['date']}">
<link rel="canonical" href="https://www.consilium.europa.eu/en/press/press-releases/\
{s['date'].replace('-', '/')}/{slug(s['title'])}/">
</head><body>
{COOKIES}
<header><div class="brand">Council of the European Union</div>
<nav><ul><li>Home</li><li>Press</li><li>Meetings</li><li>Policies</li><li>Documents</li>
<li>Contact</li></ul></nav></header>
<main><div class="press-release">
<p class="label">Press release</p>
<p class="date"><span class="date-text">{long_date(s['date'])}</span> 15:30</p>
<h1>{t}</h1>
<div class="council-flexify">
{paras(s)}
</div>
<div class="contact"><h3>Press contacts</h3><p>Press officer<br>Phone: +32 2 281 00 00<br>
Email: press@consilium.example</p></div>
<div class="share"><a>Share on X</a> <a>Share on Facebook</a> <a>Share on LinkedIn</a></div>
</div>
<aside><h2>Related content</h2>{related(OTHERS[1:], teaser=True)}</aside></main>
<footer><p>Council of the European Union</p><p>Legal notice · Privacy · Cookies</p></footer>
</body></html>""", "utf-8"


# -- held-out layouts: written without looking at how pages are read ---------------------


def osce_table(s: dict) -> tuple[str, str]:
    t = E(s["title"])
    return f"""<html><head><title>OSCE: {t}</title>
<meta name="keywords" content="OSCE, press release">
</head><body bgcolor="#ffffff">
<table width="980" cellpadding="0"><tr><td colspan="2"><img src="logo.gif" alt="OSCE">
<a>Organization for Security and Co-operation in Europe</a> | <a>Home</a> | <a>Newsroom</a> |
<a>Contacts</a></td></tr>
<tr><td width="180" valign="top" class="leftnav"><b>Newsroom</b><br><a>Press releases</a><br>
<a>News</a><br><a>Features</a><br><a>Media advisories</a><br><a>Photo gallery</a></td>
<td valign="top"><font size="1">Newsroom &raquo; Press releases</font>
<h2 class="title">{t}</h2>
<table><tr><td><span class="date">{long_date(s['date'])}</span></td>
<td align="right"><a>Print</a> <a>Send</a></td></tr></table>
{paras(s)}
<hr><p class="contacts"><b>Contacts</b><br>Press and Public Information Section<br>
Wallnerstrasse 6, 1010 Vienna, Austria<br>Office: +43 1 514 36 6000</p>
<p class="related"><b>Related stories</b><br><a>OSCE Chair visits the South Caucasus</a><br>
<a>OSCE trains border officers in Central Asia</a></p>
</td></tr></table></body></html>""", "utf-8"


def consilium_meeting(s: dict) -> tuple[str, str]:
    t = E(s["title"])
    ld = json.dumps({"@context": "https://schema.org", "@type": "WebPage",
                     "name": s["title"], "dateModified": s["date"] + "T20:00:00+02:00"})
    items = "\n".join(f'<li><p>{E(p)}</p></li>' for p in s["paragraphs"])
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{t} | Meetings | Consilium</title>
<script type="application/ld+json">{ld}</script>
<meta name="twitter:title" content="{t}">
</head><body><div class="gsc-bar">Consilium <a>Newsroom</a> <a>Register</a></div>
<div class="meeting-page"><ol class="breadcrumb"><li>Home</li><li>Meetings</li>
<li>Foreign Affairs Council</li></ol>
<div class="meeting-header"><h1>{t}</h1>
<ul class="meeting-meta"><li>Meeting n°4024</li><li>Luxembourg</li>
<li>{long_date(s['date'])}</li></ul></div>
<div class="main-results"><h2 class="visually-hidden">Main results</h2>
<ol class="results">{items}</ol></div>
<div class="meeting-info"><h3>Meeting information</h3><ul><li>Agenda highlights</li>
<li>Background brief</li><li>List of participants</li></ul></div>
<div class="outcome"><a>Outcome of the meeting</a> <a>Press conference (video)</a></div>
</div><footer>Council of the EU · General Secretariat</footer></body></html>""", "utf-8"


def magazine(s: dict) -> tuple[str, str]:
    t = E(s["title"])
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{t} – Balkan Insight Review</title>
<meta property="og:title" content="{t} – Balkan Insight Review">
<meta property="og:site_name" content="Balkan Insight Review">
<meta property="article:published_time" content="{s['date']}T07:00:00+02:00">
<meta name="author" content="Amra Hadžić">
</head><body>
<header class="masthead"><a>Balkan Insight Review</a><nav><a>News</a><a>Analysis</a>
<a>Features</a><a>Opinion</a><a>Podcast</a><a>Subscribe</a></nav></header>
<div class="paywall-note">You have 3 free articles left this month. <a>Subscribe</a></div>
<article class="post"><header><span class="kicker">Analysis</span><h1 class="entry-title">{t}
</h1><p class="standfirst">A district of shared institutions is under pressure.</p>
<p class="byline">By Amra Hadžić · <time datetime="{s['date']}">{long_date(s['date'])}</time>
· 6 min read</p></header>
<figure><img src="brcko.jpg" alt=""><figcaption>The main square of Brcko. Photo: BIR
</figcaption></figure>
<div class="entry-content">
{paras(s)}
</div>
<aside class="author-bio"><p>Amra Hadžić is a journalist based in Sarajevo who covers
politics and the rule of law across the region for several outlets.</p></aside>
<div class="tags">Tags: Bosnia and Herzegovina, Brcko, Dayton</div>
</article>
<section class="comments"><h3>3 comments</h3>
<div class="comment"><b>Mirza</b><p>Brcko is the best example we have, and nobody in the
capitals wants to learn from it.</p></div>
<div class="comment"><b>Ana</b><p>Very good piece. The part about young people leaving is
sadly true for the whole country.</p></div></section>
<section class="more-reads"><h2>You may also like</h2>
{related(["Mostar votes again after twelve years", "The long road to a Bosnian census"])}
</section><footer>© Balkan Insight Review · About · Ethics · Advertise</footer></body></html>""", \
        "utf-8"


def state_new(s: dict) -> tuple[str, str]:
    t = E(s["title"])
    ld = json.dumps({"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": "United States Department of State"},
        {"@type": "Article", "headline": s["title"],
         "datePublished": s["date"] + "T16:12:44+00:00",
         "dateModified": "2024-12-01T10:00:00+00:00"}]})
    return f"""<!DOCTYPE html><html lang="en-US"><head><meta charset="UTF-8">
<title>{t} - United States Department of State</title>
<script type="application/ld+json">{ld}</script>
</head><body>
<section class="usa-banner">An official website of the United States government</section>
<header><nav aria-label="Primary"><ul><li>Travel</li><li>Careers</li><li>Policy Issues</li>
<li>Countries</li><li>About</li></ul></nav></header>
<main id="main-content"><section class="report__header"><div class="report__doctype">Readout
</div><h1 class="report__title">{t}</h1><div class="report__meta"><span>Office of the
Spokesperson</span><span>{us_date(s['date'])}</span></div></section>
<section class="report__content">
{paras(s)}
</section>
<section class="report__tags"><h2>Tags</h2><a>Albania</a><a>Deputy Secretary of State</a>
<a>Office of the Spokesperson</a></section>
<section class="more-news"><h2>More News</h2>{related(OTHERS[:2], teaser=False)}</section>
</main><footer>Privacy Policy · Accessibility Statement · Copyright Information · FOIA ·
No FEAR Act</footer></body></html>""", "utf-8"


def unnews_press(s: dict) -> tuple[str, str]:
    t = E(s["title"])
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{t} | United Nations Secretary-General</title>
<meta property="og:title" content="{t} | United Nations Secretary-General">
<meta name="dcterms.date" content="{s['date']}">
</head><body>
<div id="un-bar"><a>Welcome to the United Nations</a> <span>العربية 中文 English Français
Русский Español</span></div>
<div class="site-header"><a>Secretary-General</a><ul><li>Biography</li><li>Statements</li>
<li>Press Encounters</li><li>Speeches</li><li>Appointments</li></ul></div>
<div class="region-content"><div class="views-field-field-dated"><span
class="date-display-single">{long_date(s['date'])}</span></div>
<h1 class="page-header">{t}</h1>
<div class="field-name-field-symbol">SG/A/2290</div>
<div class="field-name-body">
{paras(s)}
</div>
<div class="pdf-link"><a>Download the biography (PDF)</a></div>
<div class="view-related"><h2>Related</h2><ul><li><a>Secretary-General appoints new Special
Representative for Haiti</a></li><li><a>Secretary-General's message on the International
Day of Peace</a></li></ul></div></div>
<footer>United Nations · Copyright · Fraud Alert · Privacy Notice · Terms of Use</footer>
</body></html>""", "utf-8"


def gov_pl(s: dict) -> tuple[str, str]:
    t = E(s["title"])
    y, m, d = s["date"].split("-")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-2">
<title>{t} - Ministry of Foreign Affairs of the Republic of Poland - Gov.pl website</title>
<meta property="og:title" content="{t}">
<meta property="og:site_name" content="Ministry of Foreign Affairs of the Republic of Poland">
</head><body>
<div class="cookies-info">Serwis korzysta z plików cookies. This website uses cookies.
<button>Close</button></div>
<header><a>Gov.pl</a><nav><ul><li>Ministry</li><li>Diplomacy</li><li>Travel</li>
<li>Polish embassies</li><li>Consular services</li></ul></nav></header>
<main><div class="art-prev"><div class="event-date">{d}.{m}.{y}</div>
<h2 class="title">{t}</h2>
<div class="editor-content">
{paras(s)}
</div>
<div class="share"><p>Share:</p><a>Facebook</a> <a>Twitter</a> <a>LinkedIn</a></div>
<div class="gallery"><p>Photos (4)</p></div></div>
<div class="news-feed"><h2>See also</h2><ul><li><a>Deputy Minister at the Bucharest Nine
meeting</a></li><li><a>Polish-Lithuanian consultations on energy security</a></li></ul></div>
</main><footer>Kancelaria Prezesa Rady Ministrów · Deklaracja dostępności · Mapa
strony</footer></body></html>""", "iso-8859-2"


DEV: list[Callable[[dict], tuple[str, str]]] = [eeas, nato, unnews, state, ministry, council]
HELDOUT: list[Callable[[dict], tuple[str, str]]] = [
    osce_table, consilium_meeting, magazine, state_new, unnews_press, gov_pl,
]


def main() -> None:
    dev, held = STORIES[:12], STORIES[12:]
    plan = [(HERE, DEV[i % len(DEV)], s) for i, s in enumerate(dev)]
    plan += [(HERE / "heldout", HELDOUT[i], s) for i, s in enumerate(held)]
    for folder, shell, story in plan:
        folder.mkdir(exist_ok=True)
        page, encoding = shell(story)
        name = f"{shell.__name__}-{slug(story['title'])[:40].strip('-')}"
        (folder / f"{name}.html").write_bytes(page.encode(encoding, "xmlcharrefreplace"))
        gold = {"title": story["title"], "date": story["date"],
                "paragraphs": story["paragraphs"], "layout": shell.__name__,
                "encoding": encoding}
        (folder / f"{name}.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
        print(folder.name, name)


if __name__ == "__main__":
    main()
