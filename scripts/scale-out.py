#!/usr/bin/env python3
"""Drives the portal as staff and residents do, for scripts/scale-out.sh (standard library only).

  work BASE EMAIL PASSWORD N          sign in through nginx, save N bulletins; JSON: requests per instance, failures, article paths
  publish BASE EMAIL PASSWORD URL...  warm each instance's home page, publish one bulletin through nginx, then poll each
                                      instance (URL, straight to it) until its home page shows it; JSON: ms per instance
  count BASE PATH N                   N new residents read PATH through nginx; JSON: requests per instance, failures
  shown URL PATH                      the "Số lượt người xem" figure an instance shows (read as a crawler: not counted)
"""
import html.parser
import http.cookiejar
import json
import re
import ssl
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import Counter

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36"
CRAWLER = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
INSECURE = ssl.create_default_context()
INSECURE.check_hostname = False
INSECURE.verify_mode = ssl.CERT_NONE  # the script's own self-signed certificate on 127.0.0.1


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """One browser: its own cookies, redirects not followed, the instance that answered taken from X-Upstream."""

    def __init__(self, user_agent=BROWSER):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), urllib.request.HTTPSHandler(context=INSECURE), NoRedirect())
        self.user_agent = user_agent
        self.upstreams = Counter()
        self.failures = []

    def request(self, url, data=None, content_type=None):
        request = urllib.request.Request(url, data=data, headers={"User-Agent": self.user_agent})
        if content_type:
            request.add_header("Content-Type", content_type)
        try:
            response = self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        body = response.read().decode("utf-8", "replace")
        upstream = response.headers.get("X-Upstream")
        if upstream:
            self.upstreams[upstream.split(",")[-1].strip()] += 1
        if response.status >= 400:
            self.failures.append(f"{response.status} {url}")
        return response.status, response.headers, body


class FormReader(html.parser.HTMLParser):
    """The fields a form sends: inputs (checked boxes only), textareas, selects (the selected option, else the first real one)."""

    def __init__(self, form_test):
        super().__init__()
        self.form_test, self.inside, self.fields = form_test, False, {}
        self.textarea = self.select = None
        self.first_option = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and a.get("data-test") == self.form_test:
            self.inside = True
        if not self.inside:
            return
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in ("file", "submit"):
            if a.get("type") != "checkbox" or "checked" in a:
                self.fields[name] = a.get("value", "")
        elif tag == "textarea" and name:
            self.textarea = name
            self.fields[name] = ""
        elif tag == "select" and name:
            self.select, self.first_option = name, None
        elif tag == "option" and self.select:
            if self.first_option is None and a.get("value"):
                self.first_option = a["value"]  # an editor picks one: the first real choice, not the "choose" prompt
            if "selected" in a:
                self.fields[self.select] = a.get("value", "")

    def handle_data(self, data):
        if self.textarea:
            self.fields[self.textarea] += data

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "select" and self.select:
            if not self.fields.get(self.select):
                self.fields[self.select] = self.first_option or ""
            self.select = None
        elif tag == "form":
            self.inside = False


def form_fields(body, form_test):
    reader = FormReader(form_test)
    reader.feed(body)
    return reader.fields


def multipart(fields):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n')
    parts.append(f"--{boundary}--\r\n")
    return "".join(parts).encode("utf-8"), f"multipart/form-data; boundary={boundary}"


def sign_in(base, email, password):
    browser = Browser()
    _, _, page = browser.request(base + "/tai-khoan/dang-nhap")
    fields = form_fields(page, "signin-form")
    fields.update({"Email": email, "Password": password})
    status, headers, _ = browser.request(base + "/tai-khoan/dang-nhap", urllib.parse.urlencode(fields).encode(),
                                         "application/x-www-form-urlencoded")
    if status != 302:
        raise SystemExit(f"sign-in answered {status}")
    return browser


def save_bulletin(browser, base, title):
    status, _, page = browser.request(base + "/admin/bai-viet/tao-moi")
    fields = form_fields(page, "article-form")
    fields.update({"Input.Title": title, "Input.Lead": "Tóm tắt: " + title,
                   "Input.Body": "<p>Nội dung của bản tin " + title + ".</p>", "Input.Intent": "publish"})
    body, content_type = multipart(fields)
    status, headers, _ = browser.request(base + "/admin/bai-viet/tao-moi", body, content_type)
    if status != 302:
        browser.failures.append(f"save answered {status}")
        return None, None
    article_id = int(headers["Location"].split("/")[3])
    # The canonical address, as residents reach it.
    status, headers, _ = browser.request(f"{base}/tin-tuc/{article_id}")
    return article_id, urllib.parse.urlparse(headers.get("Location", f"/tin-tuc/{article_id}")).path


def work(base, email, password, count):
    browser = sign_in(base, email, password)
    paths = []
    for i in range(int(count)):
        _, path = save_bulletin(browser, base, f"Bản tin thử tải số {i + 1}: tổ dân phố {i + 1} ra quân vệ sinh")
        if path:
            paths.append(path)
        status, _, page = browser.request(base + "/admin/bai-viet")  # the list, as an editor goes back to it
        if "dang-xuat" not in page and status == 200:
            browser.failures.append("signed out on the list page")
    print(json.dumps({"upstreams": browser.upstreams, "failures": browser.failures, "paths": paths}))


def publish(base, email, password, *instances):
    browser = sign_in(base, email, password)
    for url in instances:
        Browser().request(url + "/")  # each instance's home page is in the shared cache now
    title = f"Thông báo khẩn {uuid.uuid4().hex[:6]}: lịch tiêm chủng mở rộng"
    (published_at, on), path = save_bulletin_timed(browser, base, title)
    seen = {}
    for url in instances:
        reader = Browser(CRAWLER)
        while time.monotonic() - published_at < 10:
            _, _, page = reader.request(url + "/")
            if html_escape(title) in page or title in page:
                seen[url] = round((time.monotonic() - published_at) * 1000)
                break
            time.sleep(0.02)
    print(json.dumps({"publishedOn": on, "visibleAfterMs": seen, "path": path}))


def save_bulletin_timed(browser, base, title):
    status, _, page = browser.request(base + "/admin/bai-viet/tao-moi")
    fields = form_fields(page, "article-form")
    fields.update({"Input.Title": title, "Input.Lead": "Tóm tắt", "Input.Body": "<p>Nội dung.</p>", "Input.Intent": "publish"})
    body, content_type = multipart(fields)
    browser.upstreams.clear()
    status, headers, _ = browser.request(base + "/admin/bai-viet/tao-moi", body, content_type)
    published_at = time.monotonic()  # the save has committed and answered
    on = next(iter(browser.upstreams), "?")
    if status != 302:
        raise SystemExit(f"publish answered {status}")
    return (published_at, on), headers["Location"]


def html_escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def count(base, path, n):
    upstreams, failures = Counter(), []
    for _ in range(int(n)):
        resident = Browser()
        status, _, _ = resident.request(base + path)
        upstreams.update(resident.upstreams)
        failures += resident.failures
    print(json.dumps({"upstreams": upstreams, "failures": failures}))


def shown(url, path):
    _, _, page = Browser(CRAWLER).request(url + path)
    match = re.search(r'data-test="views"[^>]*>\s*Số lượt người xem:\s*([\d.]+)', page)
    print(match.group(1).replace(".", "") if match else "?")


if __name__ == "__main__":
    {"work": work, "publish": publish, "count": count, "shown": shown}[sys.argv[1]](*sys.argv[2:])
