"""Print precision, recall and F1 of event extraction over a labelled corpus.

    python benchmarks/extraction_quality.py [tests/articles/corpus.toml]

Set HANDOVER_MAP_DATA_DIR to the offline mirror on machines without internet.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from handover_map.evaluate import score_corpus

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "tests" / "articles" / "corpus.toml"
    with tempfile.TemporaryDirectory() as work:
        result = score_corpus(corpus, work)
    for article in result.articles:
        missed, extra = article.expected - article.found, article.found - article.expected
        status = "ok" if not missed and not extra else "MISMATCH"
        print(f"{status:8} {article.file}: {len(article.true_positives)}/{len(article.expected)} expected found, {len(extra)} extra")
        for key in sorted(missed):
            print(f"         missed {key}")
        for key in sorted(extra):
            print(f"         extra  {key}")
    print(
        f"\nmicro precision {result.precision:.3f}  recall {result.recall:.3f}  F1 {result.f1:.3f}"
        f"  over {len(result.articles)} articles, {sum(len(a.expected) for a in result.articles)} events"
    )


if __name__ == "__main__":
    main()
