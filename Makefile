# The course's commands. README.md documents them; their names are the interface.
#   make site   build the book into _build/html (strict: any warning or failing notebook fails),
#               then print it to PDF (tools/build_pdf.py: the course and each day, into _build/html/pdf)
#   make test   every check: lint and types, unit tests, nbval over the notebooks, the strict build, site checks
#   make lint   ruff (lint and format check) and mypy
#   make lab    open JupyterLab on the course's start page
PYTHON ?= python3.11
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
JOBS   ?= 2
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: site test lab plan lint format system-deps hub-check hub-test unit notebooks site-checks lock vendor-check clean help
.DEFAULT_GOAL := help

help:
	@echo "make site   build the course website into _build/html"
	@echo "make test   run every test (lint and types, unit, notebooks, strict build, site checks)"
	@echo "make lint   check code style (ruff) and types (mypy); make format fixes the style"
	@echo "make lab    open JupyterLab on the course's start page"
	@echo "make plan TEAM=cohort-work/<team>   open a team's challenge workbook as a web app"

# The environment is rebuilt only when the lock or the package metadata changes.
$(STAMP): requirements.lock pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	$(BIN)/jupyter labextension disable --level=sys_prefix "@jupyterlab/apputils-extension:announcements" >/dev/null
	@touch $@

# The build runs notebooks with empty private folders, so nobody's answers reach the site.
# tools/pre_execute.py first runs the notebooks into the build's cache in parallel (one per core).
site: $(STAMP)
	@bash tools/system-deps.sh site
	rm -rf _build/.private && mkdir -p _build/.private
	ACADEMY_WORK_DIR=$(CURDIR)/_build/.private/my-work ACADEMY_COHORT_DIR=$(CURDIR)/_build/.private/cohort-work \
	  $(BIN)/python tools/pre_execute.py
	ACADEMY_WORK_DIR=$(CURDIR)/_build/.private/my-work ACADEMY_COHORT_DIR=$(CURDIR)/_build/.private/cohort-work \
	  $(BIN)/jupyter-book build . -W -n --keep-going
	$(BIN)/python tools/build_pdf.py

# System packages the tests need (Chromium, LibreOffice Writer): installed when missing and
# we can (root or password-less sudo), otherwise one message naming the command to run.
system-deps:
	@bash tools/system-deps.sh test

# Style and types: settings in pyproject.toml ([tool.ruff], [tool.mypy]).
lint: $(STAMP)
	$(BIN)/ruff check exercises tests tools benchmarks
	$(BIN)/ruff format --check exercises tests tools benchmarks
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff check --fix exercises tests tools benchmarks
	$(BIN)/ruff format exercises tests tools benchmarks

unit: $(STAMP)
	$(BIN)/python -m pytest -n $(JOBS) -m "not site" tests

# Every notebook under modules/ and exercises/, one kernel per notebook (loadscope).
# No notebook collected is a failure (pytest exits 5), never a pass.
notebooks: $(STAMP)
	rm -rf _build/.nbval-private && mkdir -p _build/.nbval-private
	ACADEMY_WORK_DIR=$(CURDIR)/_build/.nbval-private/my-work ACADEMY_COHORT_DIR=$(CURDIR)/_build/.nbval-private/cohort-work \
	  $(BIN)/python -m pytest -n $(JOBS) --dist loadscope --nbval-lax --nbval-current-env \
	  --nbval-cell-timeout=300 -o testpaths= modules exercises

# A real JupyterHub on 127.0.0.1 with throwaway accounts: nobody reaches anyone else's work.
# Runs as root (it makes system accounts); see modules/facilitators/running-a-hub.md.
hub-check: $(STAMP)
	$(BIN)/python -m tools.hub.check

# make test's part: the same check, skipped with a message where it cannot run (not root).
hub-test: $(STAMP)
	ACADEMY_HUB_OPTIONAL=1 $(BIN)/python -m tools.hub.check

site-checks: $(STAMP)
	$(BIN)/python -m pytest -n $(JOBS) -m site tests

test: system-deps lint unit notebooks site site-checks hub-test

lab: $(STAMP)
	$(BIN)/jupyter lab modules/start-here.ipynb

# Open a team's challenge workbook as a web app (no code on show): make plan TEAM=cohort-work/<team>
plan: $(STAMP)
	@test -n "$(TEAM)" || { echo 'Say which team folder: make plan TEAM=cohort-work/<team>'; exit 2; }
	@test -f "$(TEAM)/plan.yaml" || $(BIN)/academy plan new "$(TEAM)" --team "$(notdir $(TEAM))"
	$(BIN)/academy plan open "$(TEAM)"

# Maintainers: re-resolve requirements.in into requirements.lock in a throwaway venv.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -r requirements.in
	{ echo "# Exact versions of every Python package the course uses (Python 3.11)."; \
	  echo "# Made by \`make lock\` from requirements.in; edit requirements.in, never this file."; \
	  .lock-venv/bin/pip freeze --exclude-editable; } > requirements.lock
	rm -rf .lock-venv

vendor-check:
	$(PYTHON) tools/vendor_js.py --check

clean:
	rm -rf _build
