# Two commands a fresh clone needs:  `make demo`  and  `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: demo test bench eval heldout synthetic realism ablate train clean

$(BIN)/digest: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

demo: $(BIN)/digest   ## set up, then print the digest of samples/
	$(BIN)/digest run samples/

test: $(BIN)/digest   ## set up, then run the test suite
	$(BIN)/python -m pytest

bench: $(BIN)/digest  ## speed of every summarizer, ratios to the anchors; segmentation time vs page size; cold start, per core and --jobs; keywords compared
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/segspeed.py
	$(BIN)/python benchmarks/pdfspeed.py
	$(BIN)/python benchmarks/speed.py
	$(BIN)/python benchmarks/keywords.py --set test

eval: $(BIN)/digest   ## ROUGE of every summarizer on the shared test set, k=1 and k=2
	$(BIN)/digest eval ../shared/eval/summ/test.jsonl --method all -n 1 --against lead
	$(BIN)/digest eval ../shared/eval/summ/test.jsonl --method all -n 2 --against lead

heldout: $(BIN)/digest  ## segmentation figures on ../shared/pages as four extractors dump them and as digest reads the PDFs (stand-in gold from the PDFs), then cross-validated; then generated pages drawn as PDFs and read by the same four extractors
	$(BIN)/pip install --quiet 'pymupdf>=1.24' 'pdfminer.six>=20231228'
	$(BIN)/python benchmarks/heldout.py
	$(BIN)/python benchmarks/train_lines.py --cv
	$(BIN)/python benchmarks/pdfpages.py --pages 200 --seed 7 --articles news-test
	$(BIN)/python benchmarks/pdfpages.py --pages 200 --seed 7 --articles theory-test
	$(BIN)/python benchmarks/pdfpages.py --pages 200 --seed 7 --articles real

realism: $(BIN)/digest  ## how far generated training pages are from the real dumps, extractor by extractor, and what tells them apart (needs ../shared)
	$(BIN)/pip install --quiet 'pymupdf>=1.24' 'pdfminer.six>=20231228'
	$(BIN)/python benchmarks/realism.py
	$(BIN)/python benchmarks/realism.py --lines head

ablate: $(BIN)/digest  ## which segmentation rules still pay: each switched off, the seeds, the real pages (each read by models trained without it) and generated dev pages scored again (needs ../shared; about an hour for its 104 variants at stop 60, and ~25 min more the first time, to train the folds' models into .cache/folds; benchmarks/ablate.py --rules NAME ... scores a few)
	$(BIN)/pip install --quiet 'pymupdf>=1.24' 'pdfminer.six>=20231228'
	$(BIN)/python benchmarks/synthetic.py --pages 60 --seed 1 --articles news --style mixed --more --keep .cache/ablate/news > /dev/null
	$(BIN)/python benchmarks/synthetic.py --pages 60 --seed 1 --articles theory --style mixed --keep .cache/ablate/theory > /dev/null
	$(BIN)/python benchmarks/othergen.py --pages 100 --seed 1 --keep .cache/ablate/othergen > /dev/null
	$(BIN)/python benchmarks/ablate.py --folds .cache/folds --sets .cache/ablate/news .cache/ablate/theory .cache/ablate/othergen

train: $(BIN)/digest  ## retrain digest/data/line_model.json, neighbour_model.json, split_model.json and stitch_model.json (fixed seed; needs ../shared, pdftotext, PyMuPDF, pdfminer.six)
	$(BIN)/pip install --quiet 'pymupdf>=1.24' 'pdfminer.six>=20231228'
	$(BIN)/python benchmarks/train_lines.py

synthetic: $(BIN)/digest  ## segmentation on generated pages: the seeds' gold articles, news never seen (with the rarer artifacts, and as other extractors print them), theory-like pages, and a second and a third generator's pages (report only)
	$(BIN)/python benchmarks/synthetic.py --pages 300 --seed 7
	$(BIN)/python benchmarks/synthetic.py --pages 300 --seed 7 --more
	$(BIN)/python benchmarks/synthetic.py --pages 300 --seed 7 --articles news-test
	$(BIN)/python benchmarks/synthetic.py --pages 300 --seed 7 --articles news-test --more
	$(BIN)/python benchmarks/synthetic.py --pages 300 --seed 7 --articles news-test --style mixed
	$(BIN)/python benchmarks/synthetic.py --pages 300 --seed 7 --articles theory-test
	$(BIN)/python benchmarks/synthetic.py --pages 300 --seed 7 --articles theory-test --style mixed
	$(BIN)/python benchmarks/synthetic.py --pages 300 --seed 7 --articles news-test --style boxes
	$(BIN)/python benchmarks/synthetic.py --pages 300 --seed 7 --articles theory-test --style boxes
	$(BIN)/python benchmarks/synthetic.py --pages 300 --seed 7 --articles news-test --loose 0.3
	$(BIN)/python benchmarks/pdfsynth.py --pages 200 --seed 7 --articles theory-test
	$(BIN)/python benchmarks/pdfsynth.py --pages 200 --seed 7 --articles news-test
	$(BIN)/python benchmarks/pdfsynth.py --pages 200 --seed 7 --articles real
	$(BIN)/python benchmarks/othergen.py --pages 200 --seed 7
	$(BIN)/python benchmarks/thirdgen.py --pages 200 --seed 7

clean:
	rm -rf $(VENV) build *.egg-info
