"""Take the README's screenshots: pipeline, lead form and types, offers and
orders, mass update, sync, the lead process, activity analysis, campaigns,
the Projects and Tickets tabs, a customer's history and the workload.

Serves the demo database (created when missing as scripts/run.sh does: every
add-on of the family, i.e. every top-level folder with a manifest, with demo
data, and CRM's Leads setting on), drives headless Chromium over the real web
client with the DevTools protocol, and saves PNGs in docs/screenshots/. Needs
only what scripts/setup.sh installs (Odoo, chromium, websocket-client). Run
it through scripts/screenshots.sh, which prepares the environment:

    scripts/screenshots.sh                      # database lead_management_demo
    scripts/screenshots.sh --db my_demo --port 8075

It changes the demo database as a user would: it switches the pipeline's card
mode (and switches it back), creates a quotation for an opportunity when no
opportunity has one yet, converts an open offer of an opportunity into an
order when no offer was converted yet (the demo data has one), and syncs the
leads of a contact.
"""

import argparse
import base64
import http.cookiejar
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import websocket

ROOT = Path(__file__).resolve().parent.parent
PIPELINE = "/odoo/action-crm.crm_lead_action_pipeline"
# the family of add-ons: every folder of the top level with a manifest
FAMILY = sorted(path.parent.name for path in ROOT.glob("*/__manifest__.py"))


class Odoo:
    """An Odoo server on the demo database, and a logged-in JSON-RPC client."""

    def __init__(self, db, port):
        self.db = db
        self.url = f"http://localhost:{port}"
        self.server = None
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies)
        )
        self.session_id = None
        self.company_id = None

    def odoo(self, *args, subcommand=(), **kwargs):
        """Odoo's command line on the database; ``subcommand`` (e.g.
        ``["shell"]``) comes first, as Odoo wants it."""
        command = [os.environ["PYTHON"], "-m", "odoo", *subcommand]
        command += ["-c", os.environ["ODOO_RC"], "-d", self.db]
        return subprocess.Popen(command + list(args), **kwargs)

    def start(self):
        exists = subprocess.run(
            [
                "psql",
                "-d",
                "postgres",
                "-tAc",
                f"SELECT 1 FROM pg_database WHERE datname = '{self.db}'",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        if not exists:
            # as scripts/run.sh: the whole family, and CRM's Leads setting on
            family = ",".join(FAMILY)
            print(f"== creating {self.db} with {family} and demo data (minutes)")
            if self.odoo("-i", family, "--stop-after-init").wait():
                # a half-made database would be served as if it were complete
                subprocess.run(["dropdb", "--if-exists", self.db], check=False)
                sys.exit(f"installing {family} into {self.db} failed")
            shell = self.odoo(
                "--log-level=warn",
                "--no-http",
                subcommand=["shell"],
                stdin=subprocess.PIPE,
            )
            shell.communicate(
                b'env["res.config.settings"].create({"group_use_lead": True})'
                b".execute()\nenv.cr.commit()\n"
            )
            if shell.returncode:
                sys.exit(f"turning on CRM's Leads setting in {self.db} failed")
        port = self.url.rsplit(":", 1)[1]
        # the server's log goes to a file: its shutdown is noisy
        self.log = ROOT / ".odoo-data" / "screenshots-server.log"
        print(f"== serving {self.db} on {self.url} (log: {self.log})")
        self.server = self.odoo(
            f"--db-filter=^{self.db}$",
            f"--http-port={port}",
            "--log-level=warn",
            stdout=self.log.open("w"),
            stderr=subprocess.STDOUT,
        )
        for _i in range(120):
            try:
                urllib.request.urlopen(self.url + "/web/health", timeout=2)
                break
            except OSError:
                time.sleep(1)
        else:
            sys.exit(f"Odoo did not answer on {self.url}")

    def stop(self):
        if self.server:
            self.server.terminate()
            self.server.wait()

    def rpc(self, path, params):
        request = urllib.request.Request(
            self.url + path,
            json.dumps({"jsonrpc": "2.0", "params": params}).encode(),
            {"Content-Type": "application/json"},
        )
        reply = json.load(self.opener.open(request))
        if "error" in reply:
            sys.exit(json.dumps(reply["error"], indent=2))
        return reply["result"]

    def login(self, login="admin", password="admin"):
        session = self.rpc(
            "/web/session/authenticate",
            {"db": self.db, "login": login, "password": password},
        )
        self.company_id = session["user_companies"]["current_company"]
        self.session_id = next(c.value for c in self.cookies if c.name == "session_id")

    def call(self, model, method, *args, **kwargs):
        return self.rpc(
            "/web/dataset/call_kw",
            {"model": model, "method": method, "args": args, "kwargs": kwargs},
        )

    def set_detailed_cards(self, detailed):
        settings = self.call(
            "res.config.settings", "create", {"pipeline_detailed_cards": detailed}
        )
        self.call("res.config.settings", "execute", [settings])

    def ensure_open_offer(self):
        """Give an opportunity of the demo a quotation, as a salesperson
        would, so that the detailed cards show open offers."""
        domain = [("opportunity_id", "!=", False), ("state", "in", ["draft", "sent"])]
        if self.call("sale.order", "search_count", domain):
            return
        leads = self.call(
            "crm.lead",
            "search_read",
            [("type", "=", "opportunity"), ("partner_id", "!=", False)],
            fields=["partner_id"],
            limit=2,
        )
        products = self.call("product.product", "search", [("sale_ok", "=", True)])
        for lead, product in zip(leads, products, strict=False):
            self.call(
                "sale.order",
                "create",
                {
                    "partner_id": lead["partner_id"][0],
                    "opportunity_id": lead["id"],
                    "order_line": [(0, 0, {"product_id": product})],
                },
            )

    def ensure_converted_offer(self):
        """Return a converted offer of an opportunity (the demo data has
        one); convert an open offer, as a salesperson would, if there is
        none."""
        fields = ["opportunity_id", "converted_order_id"]
        # a converted offer is cancelled for stock code: it reads as
        # converted in offer_state
        converted = [
            ("offer_state", "=", "converted"),
            ("opportunity_id", "!=", False),
        ]
        offers = self.call("sale.order", "search_read", converted, fields=fields)
        if not offers:
            open_offers = self.call(
                "sale.order",
                "search",
                [
                    ("offer_state", "in", ["draft", "sent"]),
                    ("opportunity_id", "!=", False),
                ],
                limit=1,
            )
            if not open_offers:
                sys.exit("no offer of an opportunity to convert in this database")
            self.call("sale.order", "action_convert_to_order", open_offers)
            offers = self.call("sale.order", "search_read", converted, fields=fields)
        return min(offers, key=lambda offer: offer["id"])


class Chromium:
    """Headless Chromium driven over the DevTools protocol."""

    def __init__(self, width=1440, height=900):
        self.profile = tempfile.mkdtemp(prefix="lm-screenshots-")
        binary = shutil.which("chromium") or shutil.which("chromium-browser")
        if not binary:
            sys.exit("chromium is missing: run scripts/setup.sh")
        self.process = subprocess.Popen(
            [
                binary,
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--hide-scrollbars",
                "--remote-debugging-port=0",
                "--remote-allow-origins=*",
                f"--user-data-dir={self.profile}",
                f"--window-size={width},{height}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = Path(self.profile, "DevToolsActivePort")
        for _i in range(100):
            if port_file.exists() and port_file.read_text().strip():
                break
            time.sleep(0.1)
        port = port_file.read_text().split()[0]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/json") as reply:
            page = next(t for t in json.load(reply) if t["type"] == "page")
        self.ws = websocket.create_connection(
            page["webSocketDebuggerUrl"], suppress_origin=True
        )
        self.ids = itertools.count(1)
        self.size = (width, height)
        self.resize(width, height)

    def resize(self, width, height):
        """The size of the page (the web client lays itself out again)."""
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=height,
            deviceScaleFactor=1,
            mobile=False,
        )
        time.sleep(1)

    def send(self, method, **params):
        message_id = next(self.ids)
        self.ws.send(json.dumps({"id": message_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == message_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message["result"]

    def evaluate(self, expression):
        result = self.send(
            "Runtime.evaluate",
            expression=expression,
            returnByValue=True,
            awaitPromise=True,
        )
        return result["result"].get("value")

    def goto(self, url, selector):
        self.send("Page.navigate", url=url)
        self.wait(selector)

    def wait(self, selector, timeout=60):
        test = f"!!document.querySelector({json.dumps(selector)})"
        deadline = time.time() + timeout
        while not self.evaluate(test):
            if time.time() > deadline:
                raise TimeoutError(f"nothing matches {selector}")
            time.sleep(0.25)
        time.sleep(1.5)  # let the web client finish rendering

    def click(self, selector, text=""):
        found = self.evaluate(
            f"""(() => {{
                const el = [...document.querySelectorAll({json.dumps(selector)})]
                    .find(e => e.textContent.includes({json.dumps(text)}));
                if (el) {{ el.click(); }}
                return !!el;
            }})()"""
        )
        if not found:
            raise LookupError(f"nothing to click: {selector} {text}")

    def fill(self, selector, text, choice=None):
        """Type ``text`` into a field as a user would; pick ``choice`` in the
        autocomplete list of a relational field."""
        self.evaluate(f"document.querySelector({json.dumps(selector)}).focus()")
        self.send("Input.insertText", text=text)
        if choice:
            self.wait("ul.ui-autocomplete a", timeout=10)
            self.click("ul.ui-autocomplete a", choice)
        time.sleep(0.5)

    def screenshot(self, path):
        data = self.send("Page.captureScreenshot", format="png")["data"]
        Path(path).write_bytes(base64.b64decode(data))
        print(f"== {path}")

    def close(self):
        self.ws.close()
        self.process.terminate()
        self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def take_screenshots(odoo, browser, out):
    base = odoo.url
    browser.send(
        "Network.setCookie",
        name="session_id",
        value=odoo.session_id,
        url=base,
    )
    odoo.ensure_open_offer()
    # the card mode is switched for the screenshots, then put back
    detailed = odoo.call(
        "res.company", "read", [odoo.company_id], fields=["pipeline_detailed_cards"]
    )[0]["pipeline_detailed_cards"]
    try:
        odoo.set_detailed_cards(False)
        browser.goto(base + PIPELINE, ".o_kanban_record")
        browser.screenshot(out / "pipeline_compact.png")
        odoo.set_detailed_cards(True)
        browser.goto(base + PIPELINE, ".o_kanban_record")
        browser.screenshot(out / "pipeline_detailed.png")
    finally:
        odoo.set_detailed_cards(detailed)

    # an opportunity of the demo: its number and lead type above the title
    [lead] = odoo.call(
        "crm.lead",
        "search",
        [("name", "=", "Hotel chain: 40 rooms equipment")],
        limit=1,
    ) or odoo.call(
        "crm.lead",
        "search",
        [("type", "=", "opportunity"), ("lead_type_id", "!=", False)],
        limit=1,
    )
    browser.goto(
        f"{base}{PIPELINE}/{lead}", ".o_form_view .o_field_widget[name=lead_number]"
    )
    browser.screenshot(out / "lead_form.png")
    browser.goto(
        f"{base}/odoo/action-lead_management.crm_lead_type_action", ".o_data_row"
    )
    browser.screenshot(out / "lead_types.png")

    offer = odoo.ensure_converted_offer()
    browser.goto(
        f"{base}{PIPELINE}/{offer['opportunity_id'][0]}",
        ".o_form_view .o_notebook a[name=offers]",
    )
    browser.click(".o_form_view .o_notebook a[name=offers]")
    browser.wait(".o_field_widget[name=offer_ids] .o_data_row")
    browser.screenshot(out / "opportunity_offers.png")
    browser.goto(
        f"{base}/odoo/action-sale.action_quotations_with_onboarding/{offer['id']}",
        ".o_form_view .o_field_widget[name=converted_order_id] a",
    )
    browser.screenshot(out / "offer_converted.png")
    browser.goto(
        f"{base}/odoo/action-sale.action_orders/{offer['converted_order_id'][0]}",
        ".o_form_view .o_field_widget[name=offer_id] a",
    )
    browser.screenshot(out / "order_from_offer.png")

    browser.goto(base + PIPELINE + "?view_type=list", ".o_data_row")
    for row in range(1, 4):
        browser.click(f".o_data_row:nth-child({row}) .o_list_record_selector input")
    # a button of the list's selection (not in the Action menu)
    browser.wait(".o_list_selection_container button")
    browser.click(".o_list_selection_container button", "Update")
    browser.wait(".modal .o_form_view")
    browser.fill(".modal [name=stage_id] input", "Qualified", "Qualified")
    browser.fill(".modal [name=lead_type_id] input", "Upsell", "Upsell")
    browser.fill(".modal [name=tag_add_ids] input", "Product", "Product")
    browser.click(".modal [name=update_probability] input")
    browser.wait(".modal [name=probability] input")
    browser.evaluate(
        "document.querySelector('.modal [name=probability] input').select()"
    )
    browser.fill(".modal [name=probability] input", "60")
    browser.fill(".modal [name=activity_type_id] input", "Call", "Call")
    browser.wait(".modal [name=activity_summary] input")
    browser.fill(".modal [name=activity_summary] input", "Follow up the offer")
    browser.screenshot(out / "mass_update_wizard.png")

    partner = odoo.call(
        "res.partner",
        "search",
        [("is_company", "=", True), ("opportunity_ids", "!=", False)],
        limit=1,
    )[0]
    browser.goto(
        f"{base}/odoo/action-base.action_partner_form/{partner}",
        "button[name=action_update_linked_leads]",
    )
    browser.click("button[name=action_update_linked_leads]")
    browser.wait(".o_notification")
    browser.screenshot(out / "partner_sync.png")


def take_process_screenshots(odoo, browser, out):
    """The lead process (a lead in Transfer to sale, the transfer dialog),
    the activity analysis, the campaigns' cards and a campaign report, on
    the demo data of those capabilities."""
    base = odoo.url
    browser.send(
        "Network.setCookie", name="session_id", value=odoo.session_id, url=base
    )
    [lead] = odoo.call(
        "crm.lead",
        "search",
        [("process_stage", "=", "transfer"), ("activity_ids", "!=", False)],
        limit=1,
    )
    browser.goto(
        f"{base}/odoo/action-crm.crm_lead_all_leads/{lead}",
        ".o_field_widget[name=process_stage] .o_arrow_button_current",
    )
    browser.wait(".o-mail-Activity")
    # taller than the others: the planned contact activity, in the chatter
    # under the form, is in the picture
    width, height = browser.size
    bottom = browser.evaluate(
        "document.querySelector('.o-mail-Activity').getBoundingClientRect().bottom"
    )
    browser.resize(width, max(height, int(bottom) + 24))
    browser.screenshot(out / "lead_process.png")
    browser.resize(width, height)
    browser.click("button[name=action_open_transfer]")
    browser.wait(".modal .o_field_widget[name=budget] input")
    browser.evaluate("document.querySelector('.modal [name=budget] input').select()")
    browser.fill(".modal [name=budget] input", "18000")
    browser.fill(".modal [name=comment] textarea", "Budget approved by the CFO")
    browser.screenshot(out / "lead_transfer.png")
    browser.click(".modal .modal-footer button", "Discard")
    browser.goto(
        f"{base}/odoo/action-lead_management_activity.crm_activity_analysis_action",
        ".o_pivot",
    )
    # wider than the others when the pivot table is: all its columns show
    right = browser.evaluate(
        "document.querySelector('.o_pivot table').getBoundingClientRect().right"
    )
    browser.resize(max(width, int(right) + 16), height)
    browser.screenshot(out / "activity_analysis.png")
    browser.resize(width, height)
    browser.goto(
        f"{base}/odoo/action-utm.utm_campaign_action?view_type=kanban",
        ".o_kanban_record",
    )
    browser.screenshot(out / "campaign_kanban.png")
    # the demo campaign with bills and orders
    [campaign] = odoo.call(
        "utm.campaign", "search", [("name", "=", "Spring Trade Fair")], limit=1
    ) or odoo.call("utm.campaign", "search", [], limit=1)
    browser.goto(
        f"{base}/report/html/lead_management_campaign.report_utm_campaign/{campaign}",
        ".o_campaign_figures",
    )
    browser.screenshot(out / "campaign_report.png")


def take_tab_screenshots(odoo, browser, out):
    """The opportunity's Projects tab (lead_management_project) and Tickets
    tab (lead_management_helpdesk) on their demo opportunities, a
    customer's history (from the partner's History button) and the
    workload pivot (lead_management_activity)."""
    base = odoo.url
    browser.send(
        "Network.setCookie", name="session_id", value=odoo.session_id, url=base
    )
    for name, tab, field, picture in (
        (
            "Office fit-out for the new headquarters",
            "projects",
            "project_ids",
            "opportunity_projects.png",
        ),
        (
            "Server room for the regional office",
            "tickets",
            "ticket_ids",
            "opportunity_tickets.png",
        ),
    ):
        [lead] = odoo.call("crm.lead", "search", [("name", "=", name)], limit=1)
        browser.goto(
            f"{base}{PIPELINE}/{lead}", f".o_form_view .o_notebook a[name={tab}]"
        )
        browser.click(f".o_form_view .o_notebook a[name={tab}]")
        browser.wait(f".o_field_widget[name={field}] .o_data_row")
        browser.screenshot(out / picture)
    # the customer of the fit-out opportunity: projects, tasks, offers...
    [partner] = odoo.call(
        "crm.lead",
        "search_read",
        [("name", "=", "Office fit-out for the new headquarters")],
        ["partner_id"],
        limit=1,
    )
    browser.goto(
        f"{base}/odoo/contacts/{partner['partner_id'][0]}",
        "button[name=action_view_customer_history]",
    )
    browser.click("button[name=action_view_customer_history]")
    browser.wait(".o_list_view .o_data_row")
    browser.screenshot(out / "customer_history.png")
    browser.goto(
        f"{base}/odoo/action-lead_management_activity.crm_activity_workload_action",
        ".o_pivot",
    )
    browser.screenshot(out / "workload.png")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--db", default="lead_management_demo")
    parser.add_argument("--port", type=int, default=8071)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument(
        "--only",
        choices=["sales", "process", "tabs"],
        help="only the pictures of the sales chain, of the lead process, "
        "CRM activities and campaigns, or of the opportunity's other tabs",
    )
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    odoo = Odoo(args.db, args.port)
    browser = None
    try:
        odoo.start()
        odoo.login()
        browser = Chromium()
        if args.only in (None, "sales"):
            take_screenshots(odoo, browser, args.out)
        if args.only in (None, "process"):
            take_process_screenshots(odoo, browser, args.out)
        if args.only in (None, "tabs"):
            take_tab_screenshots(odoo, browser, args.out)
    finally:
        if browser:
            browser.close()
        odoo.stop()


if __name__ == "__main__":
    main()
