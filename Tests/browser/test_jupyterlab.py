"""JupyterLab in headless Chromium with the Gradbook kernel: open a notebook
converted from a study notebook with its outputs cleared, run all cells, and read
back from the page the outputs, an SVG plot and an error's traceback; then try
Tab completion and Shift-Tab help in a new cell. A screenshot of the page is
saved under BROWSER_OUTPUT (kept after the run, for a person to look at).

Tests/browser/run.sh sets GRADBOOK_BIN, BROWSER_WORK (Jupyter's directories and
the notebook folder), BROWSER_OUTPUT, CHROMIUM and CHROMEDRIVER.
"""

import json
import re
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

TOKEN = "gradbook-browser-test"
NOTEBOOK = "G-taylor-newton"
ERROR_CELL = "undefined_in_the_browser + 1"


def env(name):
    value = os.environ.get(name, "")
    assert value, f"{name} is not set (run Tests/browser/run.sh BIN)"
    return value


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def kernel_pids(marker):
    pids = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as f:
                    line = f.read().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            if marker in line and " kernel -f " in line:
                pids.append(int(entry))
    return pids


@pytest.fixture
def notebook_and_expected():
    """The study notebook as .ipynb with its outputs cleared and an error cell
    appended, and the single-line results it recorded (what the run must show)."""
    work = env("BROWSER_WORK")
    folder = os.path.join(work, "notebooks")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, f"{NOTEBOOK}.ipynb")
    subprocess.run([env("GRADBOOK_BIN"), "convert", f"notebooks/{NOTEBOOK}.gbook", "-o", path],
                   check=True, capture_output=True, timeout=60)
    with open(path) as f:
        notebook = json.load(f)
    expected, symbolic = [], []
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            continue
        for output in cell.get("outputs", []):
            # The converter records a cell's text as a stream; the kernel shows it as the
            # cell's result. Tensors become HTML tables on the page, so only plain
            # one-line values are looked for.
            text = "".join(output.get("text", "") or output.get("data", {}).get("text/plain", "")).strip()
            if text and "\n" not in text and "[" not in text and not text.startswith("<plot"):
                # A symbolic result comes with a text/latex part, which the page shows as
                # typeset math rather than as its text: look for the math instead.
                (symbolic if is_symbolic(text) else expected).append(text)
        cell["outputs"] = []
        cell["execution_count"] = None
    notebook["cells"].append({"cell_type": "code", "execution_count": None, "id": "browser-error",
                              "metadata": {}, "outputs": [], "source": [ERROR_CELL]})
    with open(path, "w") as f:
        json.dump(notebook, f)
    assert len(expected) >= 3, f"too few plain results recorded in {NOTEBOOK}: {expected}"
    return os.path.basename(path), expected[:8], len(symbolic)


def is_symbolic(text):
    """Whether a recorded result reads as a symbolic expression (names other than
    the literals true/false/nan/inf, e.g. `t0 + 2*exp(-t0) - 1`)."""
    names = set(re.findall(r"[A-Za-z_][A-Za-z_0-9]*", text)) - {"true", "false", "nan", "inf", "e"}
    return bool(names) and not text.startswith(("\"", "<", "error"))


@pytest.fixture
def lab():
    """JupyterLab on 127.0.0.1, its kernels checked for and killed afterwards."""
    work = env("BROWSER_WORK")
    os.makedirs(os.path.join(work, "notebooks"), exist_ok=True)
    port = free_port()
    log = open(os.path.join(work, "lab.log"), "w")
    process = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", "--no-browser", "--ServerApp.ip=127.0.0.1",
         f"--ServerApp.port={port}", "--ServerApp.port_retries=0", f"--IdentityProvider.token={TOKEN}",
         f"--ServerApp.root_dir={work}/notebooks", "--LabApp.news_url=None",
         "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
         "--LabApp.extension_manager=readonly", "--allow-root"],
        stdout=log, stderr=subprocess.STDOUT, cwd=work, start_new_session=True)
    try:
        deadline = time.monotonic() + 90
        while True:
            assert process.poll() is None, f"jupyter lab exited: {open(log.name).read()[-2000:]}"
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api?token={TOKEN}", timeout=2):
                    break
            except OSError:
                assert time.monotonic() < deadline, "jupyter lab did not answer within 90 s"
                time.sleep(0.3)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(5)
        log.close()
        left = kernel_pids(work)
        for pid in left:
            os.kill(pid, signal.SIGKILL)
        assert not left, f"JupyterLab left kernel processes behind: {left}"


@pytest.fixture
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = env("CHROMIUM")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1400,1000", "--no-first-run", "--disable-extensions",
                     "--disable-background-networking", "--disable-component-update"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(executable_path=env("CHROMEDRIVER")), options=options)
    driver.set_page_load_timeout(90)
    try:
        yield driver
    finally:
        driver.quit()


def wait(driver, seconds, condition, what):
    try:
        return WebDriverWait(driver, seconds, poll_frequency=0.25).until(lambda d: condition(d))
    except WebDriverException as error:
        raise AssertionError(f"waited {seconds} s for {what}: {error.__class__.__name__}") from None


def text(element):
    """All of an element's text, also where the notebook's windowing leaves it unpainted
    (Selenium's .text gives only what is drawn)."""
    return element.get_attribute("textContent") or ""


def accept_kernel_dialog(driver, seconds=5):
    """JupyterLab may ask which kernel to start even though the notebook names one;
    the preselected choice is Gradbook, so accept it when asked."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        buttons = driver.find_elements(By.CSS_SELECTOR, ".jp-Dialog .jp-mod-accept")
        if buttons:
            dialog = driver.find_element(By.CSS_SELECTOR, ".jp-Dialog")
            assert "Gradbook" in text(dialog) or "Kernel" in text(dialog), f"unexpected dialog: {text(dialog)!r}"
            buttons[0].click()
            return
        time.sleep(0.25)


def prompts(driver):
    return [text(p) for p in driver.find_elements(By.CSS_SELECTOR, ".jp-CodeCell .jp-InputArea-prompt")]


def test_run_all_cells_in_jupyterlab(lab, browser, notebook_and_expected):
    name, expected, symbolic_count = notebook_and_expected
    output_dir = env("BROWSER_OUTPUT")
    os.makedirs(output_dir, exist_ok=True)
    try:
        browser.get(f"{lab}/lab/tree/{name}?token={TOKEN}")
        wait(browser, 90, lambda d: d.find_elements(By.CSS_SELECTOR, ".jp-Notebook .jp-CodeCell"),
             "the notebook's cells")
        accept_kernel_dialog(browser)
        wait(browser, 60, lambda d: d.find_elements(
            By.CSS_SELECTOR, ".jp-Notebook-ExecutionIndicator[data-status='idle']"), "the kernel to be idle")
        # Run > Run All Cells, through the menu a person would use.
        browser.find_element(By.XPATH, "//li[contains(@class,'lm-MenuBar-item')][.//div[text()='Run']]").click()
        wait(browser, 10, lambda d: d.find_elements(
            By.XPATH, "//li[contains(@class,'lm-Menu-item')][.//div[normalize-space()='Run All Cells']]"),
             "Run All Cells in the Run menu").pop().click()
        # Done when the last cell (the error) has run and no prompt is [*].
        wait(browser, 180, lambda d: (ps := prompts(d)) and "*" not in "".join(ps) and ps[-1].strip() not in ("", "[ ]:"),
             "every cell to run")
        outputs = " ".join(text(e) for e in browser.find_elements(By.CSS_SELECTOR, ".jp-OutputArea-output"))
        missing = [text for text in expected if text not in outputs]
        assert not missing, f"results not on the page: {missing}"
        math = browser.find_elements(By.CSS_SELECTOR, ".jp-RenderedLatex")
        # Windowing may leave later cells unpainted, so one typeset result is enough.
        assert math or not symbolic_count, \
            f"{symbolic_count} symbolic results recorded, none shown as typeset math"
        svgs = browser.find_elements(By.CSS_SELECTOR, ".jp-RenderedSVG img, .jp-RenderedSVG svg")
        assert svgs, "no SVG plot on the page"
        # JupyterLab renders only the cells near the view (windowing): bring the last
        # cell, the error, into view before looking for its traceback.
        browser.execute_script(
            "document.querySelectorAll('.jp-WindowedPanel-outer, .jp-Notebook')"
            ".forEach(e => { e.scrollTop = e.scrollHeight; });")
        stderr = ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
        wait(browser, 20, lambda d: any("undefined_in_the_browser" in text(e)
                                        for e in d.find_elements(By.CSS_SELECTOR, stderr)),
             "the error cell's traceback")
        error_text = "\n".join(text(e) for e in browser.find_elements(By.CSS_SELECTOR, stderr))
        assert "undefined_in_the_browser" in error_text and "^" in error_text, \
            f"no traceback with a caret for the error cell: {error_text!r}"
        browser.save_screenshot(os.path.join(output_dir, "jupyterlab-run-all.png"))
        completion_and_help(browser, output_dir)
    except BaseException:
        browser.save_screenshot(os.path.join(output_dir, "jupyterlab-failure.png"))
        raise


def completion_and_help(browser, output_dir):
    """Tab after `linsp` offers linspace; Shift-Tab on `linspace` shows its help. (The
    kernel gives the help of the word under the cursor; after `linspace(` it finds no
    word, where ipykernel would look back to the call's name.)"""
    # The footer under the last cell adds a code cell; a click in its editor starts editing.
    browser.find_element(By.CSS_SELECTOR, ".jp-Notebook-footer").click()
    wait(browser, 10, lambda d: d.find_elements(By.CSS_SELECTOR, ".jp-Cell.jp-mod-active .cm-content"),
         "the new cell").pop().click()
    ActionChains(browser).send_keys("linsp").send_keys(Keys.TAB).perform()

    def offered(d):
        items = [text(e) for e in d.find_elements(By.CSS_SELECTOR, ".jp-Completer-item")]
        # With one candidate JupyterLab inserts it instead of listing it.
        cell = "".join(text(e) for e in d.find_elements(By.CSS_SELECTOR, ".jp-Cell.jp-mod-active .cm-content"))
        return items or ("linspace" in cell and [cell])
    items = wait(browser, 30, offered, "Tab completion")
    assert any("linspace" in i for i in items), f"Tab offered {items!r}"
    browser.save_screenshot(os.path.join(output_dir, "jupyterlab-completion.png"))
    # Replace the cell's text with `linspace` and ask for help at the cursor.
    ActionChains(browser).send_keys(Keys.ESCAPE).perform()
    browser.find_element(By.CSS_SELECTOR, ".jp-Cell.jp-mod-active .cm-content").click()
    ActionChains(browser).key_down(Keys.CONTROL).send_keys("a").key_up(Keys.CONTROL) \
        .send_keys("linspace").key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT).perform()
    tip = wait(browser, 30, lambda d: [text(e) for e in d.find_elements(By.CSS_SELECTOR, ".jp-Tooltip") if text(e)],
               "the Shift-Tab tooltip")
    assert any("linspace" in t for t in tip), f"the tooltip says {tip!r}"
    browser.save_screenshot(os.path.join(output_dir, "jupyterlab-help.png"))
