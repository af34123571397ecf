"""Headless Debian Chromium under Selenium, confined to the loopback interface; shared by the browser checks.

Uses Debian's packages (apt-get install chromium chromium-driver), never a browser or driver that Selenium Manager
would download, and Selenium from notebooks/browser-requirements.txt.
"""
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


def require():
    for binary, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not os.access(binary, os.X_OK):
            sys.exit(f"{binary} not found: apt-get install -y {package}")


def start(work):
    """A headless browser with its profile under `work`; every host name but 127.0.0.1 fails to resolve."""
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1800",
                 "--no-first-run", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--disable-default-apps", f"--user-data-dir={os.path.join(work, 'chromium')}",
                 "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"):
        options.add_argument(flag)
    os.environ["SE_OFFLINE"] = "true"  # never let Selenium Manager fetch a driver or browser
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(60)
    return driver


def visible(driver, css):
    """The first displayed element matching a CSS selector, or None."""
    found = [e for e in driver.find_elements(By.CSS_SELECTOR, css) if e.is_displayed()]
    return found[0] if found else None
