# Two commands set everything up: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
export FLASK_APP := wsgi

.PHONY: install run test test-postgres translations messages worker bench clean lexicon

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP) translations

translations: $(STAMP)
	$(BIN)/pybabel compile --statistics -d matchmaker/translations

messages: $(STAMP)  ## re-extract strings and update the catalogues
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -o matchmaker/translations/messages.pot .
	$(BIN)/pybabel update --no-fuzzy-matching -i matchmaker/translations/messages.pot -d matchmaker/translations

run: install
	$(BIN)/flask db upgrade
	$(BIN)/flask load-demo
	$(BIN)/flask run --host 127.0.0.1 --port 5000

test: install
	$(BIN)/pytest -n auto

test-postgres: install
	DATABASE_URL=$${DATABASE_URL:-postgresql+psycopg://postgres@127.0.0.1:5432/test} $(BIN)/pytest -n auto

worker: install
	$(BIN)/flask worker

bench: install
	$(BIN)/python bench/eval_quality.py
	$(BIN)/python bench/bench_speed.py

clean:
	rm -rf $(VENV) instance .pytest_cache

lexicon: $(STAMP)  ## re-derive matchmaker/matching/data/nl_en.tsv from Debian's FreeDict packages
	rm -rf build/lexicon && mkdir -p build/lexicon/root
	cd build/lexicon && apt-get download dict-freedict-nld-eng dict-freedict-eng-nld wdutch wbritish-large
	for deb in build/lexicon/*.deb; do dpkg-deb -x $$deb build/lexicon/root; done
	$(BIN)/python scripts/derive_lexicon.py --root build/lexicon/root
