#!/usr/bin/env python3
"""The Datasette kit and the HTML report in a real browser (`make test-web`).

Loads the demo portfolio as of 2023-11-10 (every status but migrate), writes the kit
with `lifeline datasette`, serves it with the kit's serve.sh, and drives headless
Chromium over the DevTools protocol (`--remote-debugging-pipe`: no driver, nothing
beyond the standard library) to check that:

- the v_company_lifeline page shows every demo company with its status, as
  `lifeline sql` reads them;
- the ending-within canned query, run from its form with days typed into the field,
  returns the rows `lifeline sql --saved ending-within` gives;
- the HTML report renders with one timeline bar per lifeline;
- no page logs a console error or throws;
- a kit written with --login turns a visitor away (403) until they sign in, through
  datasette-auth-passwords' form, with the password whose hash the server was given.

Screenshots of each page go to SCREENSHOT_DIR.

    browser_test.py LIFELINE DATASETTE CHROMIUM SCREENSHOT_DIR
"""
import base64
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

from checks import Checks

AS_OF = "2023-11-10"
ENDING_WITHIN_DAYS = "30"


class Browser:
    """Headless Chromium driven over the DevTools protocol on a pipe: commands go in on
    the browser's fd 3, replies and events come out on fd 4, each a JSON message ended
    by a NUL byte."""

    def __init__(self, binary, profile):
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()

        def give_pipes():
            os.dup2(to_browser_read, 100)
            os.dup2(from_browser_write, 101)
            os.dup2(100, 3)
            os.dup2(101, 4)

        self.process = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-pipe",
             f"--user-data-dir={profile}", "--window-size=1280,900", "--hide-scrollbars"],
            preexec_fn=give_pipes, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.next_id = 0
        self.replies = {}
        self.events = []
        self.condition = threading.Condition()
        threading.Thread(target=self._read, daemon=True).start()
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.send("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log"):
            self.send(domain + ".enable", session=True)

    def _read(self):
        buffer = b""
        while True:
            chunk = os.read(self.from_browser, 1 << 16)
            if not chunk:
                break
            buffer += chunk
            while b"\0" in buffer:
                message, buffer = buffer.split(b"\0", 1)
                decoded = json.loads(message)
                with self.condition:
                    if "id" in decoded:
                        self.replies[decoded["id"]] = decoded
                    else:
                        self.events.append(decoded)
                    self.condition.notify_all()

    def send(self, method, session=False, timeout=30, **params):
        with self.condition:
            self.next_id += 1
            number = self.next_id
        message = {"id": number, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        with self.condition:
            if not self.condition.wait_for(lambda: number in self.replies, timeout):
                raise RuntimeError(f"{method}: no reply from the browser in {timeout} s")
            reply = self.replies.pop(number)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply["result"]

    def wait_for_event(self, method, after, timeout=30):
        with self.condition:
            found = self.condition.wait_for(lambda: any(e["method"] == method for e in self.events[after:]), timeout)
        if not found:
            raise RuntimeError(f"no {method} within {timeout} s")

    def open(self, url):
        """Loads `url` and waits for its load event; returns where its events begin."""
        start = len(self.events)
        self.send("Page.navigate", session=True, url=url)
        self.wait_for_event("Page.loadEventFired", start)
        return start

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", session=True, expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def console_errors(self, since):
        """What the page logged as an error or threw since `since`."""
        errors = []
        for event in self.events[since:]:
            params = event.get("params", {})
            if event["method"] == "Runtime.exceptionThrown":
                errors.append(params["exceptionDetails"].get("text", "exception"))
            elif event["method"] == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                errors.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
            elif event["method"] == "Log.entryAdded" and params["entry"]["level"] == "error":
                errors.append(params["entry"]["text"] + " " + params["entry"].get("url", ""))
        return errors

    def screenshot(self, path):
        height = min(int(self.evaluate("document.documentElement.scrollHeight")), 6000)
        self.send("Emulation.setDeviceMetricsOverride", session=True, width=1280, height=max(height, 600), deviceScaleFactor=1, mobile=False)
        data = self.send("Page.captureScreenshot", session=True, format="png")["data"]
        self.send("Emulation.clearDeviceMetricsOverride", session=True)
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))

    def close(self):
        try:
            self.send("Browser.close", timeout=5)
        except RuntimeError:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def main():
    lifeline, datasette, chromium, screenshots = sys.argv[1:5]
    lifeline, datasette = os.path.abspath(lifeline), os.path.abspath(datasette)
    os.makedirs(screenshots, exist_ok=True)
    work = tempfile.mkdtemp(prefix="lifeline-web-")
    database = os.path.join(work, "demo.db")
    environment = dict(os.environ, LIFELINE_TODAY=AS_OF, LIFELINE_DB=database)
    check = Checks("web")

    def start_datasette(kit, port, extra_environment=None):
        server = subprocess.Popen(
            [os.path.join(kit, "serve.sh")], env=dict(environment, DATASETTE=datasette, PORT=str(port), **(extra_environment or {})),
            stdout=open(kit + ".log", "w"), stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=2).read()
                return server
            except urllib.error.HTTPError:
                return server
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("Datasette did not start: see " + kit + ".log")
                time.sleep(0.2)

    def lifeline_rows(*arguments):
        result = subprocess.run([lifeline, *arguments, "--format", "jsonl"], env=environment, capture_output=True, text=True, check=True)
        return [json.loads(line) for line in result.stdout.splitlines() if line]

    subprocess.run([lifeline, "demo", "--db", database, "--as-of", AS_OF], env=environment, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([lifeline, "datasette", "--out", os.path.join(work, "kit")], env=environment, check=True, stdout=subprocess.DEVNULL)
    report = os.path.join(work, "report.html")
    subprocess.run([lifeline, "report", "--as-of", AS_OF, "--format", "html", "--out", report], env=environment, check=True)
    port = free_port()
    servers = [start_datasette(os.path.join(work, "kit"), port)]
    base = f"http://127.0.0.1:{port}/demo"
    browser = None
    try:
        browser = Browser(chromium, os.path.join(work, "profile"))

        # The reporting view, as a person browses it.
        start = browser.open(base + "/v_company_lifeline?_size=max")
        shown = browser.evaluate("""
            [...document.querySelectorAll('table.rows-and-columns tbody tr')].map(row =>
                [row.querySelector('td.col-company').innerText.trim(), row.querySelector('td.col-status').innerText.trim()])
            """)
        companies = [[row["company"], row["status"]] for row in lifeline_rows("sql", "SELECT company, status FROM v_company_lifeline")]
        check(sorted(shown) == sorted(companies) and len(companies) >= 7,
              f"v_company_lifeline shows the {len(companies)} demo companies with their statuses", f"shown {shown}, expected {companies}")
        facets = browser.evaluate("[...document.querySelectorAll('.facet-info')].map(f => f.dataset.column)")
        check({"status", "tier_months", "sector", "cause_provider"} <= set(facets), "it offers facets on status, tier, sector and provider", repr(facets))
        check(not browser.console_errors(start), "the page logs no console error", repr(browser.console_errors(start)))
        browser.screenshot(os.path.join(screenshots, "v_company_lifeline.png"))

        # The canned query, run from its form as a person would: type, press the button.
        start = browser.open(base + "/ending-within")
        field = browser.evaluate("document.querySelectorAll('form input[name=days]').length")
        check(field == 1, "the ending-within canned query has a form field for :days")
        start = len(browser.events)
        browser.evaluate(f"""
            document.querySelector('form input[name=days]').value = '{ENDING_WITHIN_DAYS}';
            document.querySelector('form input[type=submit]').click();
            """)
        browser.wait_for_event("Page.loadEventFired", start)
        shown = browser.evaluate("""
            [...document.querySelectorAll('table.rows-and-columns tbody tr')].map(row => row.querySelector('td.col-company').innerText.trim())
            """)
        expected = [row["company"] for row in lifeline_rows("sql", "--saved", "ending-within", "--param", f"days={ENDING_WITHIN_DAYS}")]
        url = browser.evaluate("location.search")
        check(shown == expected and len(expected) > 0 and f"days={ENDING_WITHIN_DAYS}" in url,
              f"submitting days={ENDING_WITHIN_DAYS} returns the rows lifeline sql --saved gives", f"shown {shown}, expected {expected}, at {url}")
        check(not browser.console_errors(start), "the query page logs no console error", repr(browser.console_errors(start)))
        browser.screenshot(os.path.join(screenshots, "ending-within.png"))

        # The HTML report: a timeline bar per lifeline, no error.
        start = browser.open("file://" + report)
        bars = browser.evaluate("""
            Object.fromEntries([...document.querySelectorAll('svg.timeline g.row')].map(row =>
                [row.dataset.company, row.querySelectorAll('rect.bar').length]))
            """)
        expected = {row["company"]: row["lifelines"] for row in lifeline_rows(
            "sql", f"SELECT company, count(*) AS lifelines FROM v_lifelines WHERE starts_on <= '{AS_OF}' GROUP BY company")}
        check(bars == expected, f"the report's timeline has one bar per lifeline ({sum(expected.values())})", f"bars {bars}, expected {expected}")
        size = browser.evaluate("[document.querySelector('svg.timeline').getBoundingClientRect().width, document.querySelector('svg.timeline').getBoundingClientRect().height]")
        check(size[0] > 300 and size[1] > 100, "the timeline renders at a visible size", repr(size))
        check(not browser.console_errors(start), "the report logs no console error", repr(browser.console_errors(start)))
        browser.screenshot(os.path.join(screenshots, "report.png"))

        # Signing in: a kit for alice, her password's hash in the server's environment.
        subprocess.run([lifeline, "datasette", "--out", os.path.join(work, "signed-kit"), "--login", "alice"],
                       env=environment, check=True, stdout=subprocess.DEVNULL)
        hashed = subprocess.run([datasette, "hash-password", "--no-confirm"], input="correct horse\n",
                                capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
        port = free_port()
        servers.append(start_datasette(os.path.join(work, "signed-kit"), port, {"LIFELINE_PASSWORD_HASH_ALICE": hashed}))
        signed = f"http://127.0.0.1:{port}"
        try:
            urllib.request.urlopen(signed + "/demo/v_company_lifeline.json", timeout=5)
            status = 200
        except urllib.error.HTTPError as error:
            status = error.code
        check(status == 403, "with --login, a visitor who has not signed in is turned away", f"HTTP {status}")

        def sign_in(password):
            browser.open(signed + "/-/login")
            start = len(browser.events)
            browser.evaluate(f"""
                document.querySelector('input[name=username]').value = 'alice';
                document.querySelector('input[name=password]').value = {json.dumps(password)};
                document.querySelector('form input[type=submit]').click();
                """)
            browser.wait_for_event("Page.loadEventFired", start)
            browser.open(signed + "/demo/v_company_lifeline")
            return browser.evaluate("document.querySelectorAll('table.rows-and-columns tbody tr').length")

        check(sign_in("wrong horse") == 0, "a wrong password does not sign in")
        check(sign_in("correct horse") == len(companies), "alice, signed in through the login form, reads v_company_lifeline")
        browser.screenshot(os.path.join(screenshots, "signed-in.png"))
    finally:
        if browser:
            browser.close()
        for server in servers:
            server.terminate()
            server.wait(timeout=10)
    print(f"screenshots: {os.path.abspath(screenshots)}")
    check.finish(work)


if __name__ == "__main__":
    main()
