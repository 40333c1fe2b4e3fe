"""Command line: `python -m dashboard validate | summary | sample`."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from dashboard.errors import ExportError
from dashboard.export import default_data_dir
from dashboard.filters import Filters

EXIT_CLEAN, EXIT_QUARANTINED, EXIT_FATAL = 0, 1, 2


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an ISO date (YYYY-MM-DD): {text!r}") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m dashboard",
                                     description="Uppföljning av utökade hembesök.")
    commands = parser.add_subparsers(dest="command", required=True)

    def with_data(sub):
        sub.add_argument("--data", type=Path, default=None,
                         help="export folder (default: $HEMBESOK_DATA or the bundled sample)")
        sub.add_argument("--lang", choices=("sv", "en"), default="sv")
        return sub

    validate = with_data(commands.add_parser("validate", help="check an export; exit 0 clean, "
                                             "1 rows quarantined, 2 fatal"))
    validate.add_argument("--report", type=Path, default=None,
                          help="also write every data-quality check (quarantined rows, "
                          "implausible visits, empty fields, last visit per BVC) to FILE: "
                          ".xlsx, .json or .md")
    validate.add_argument("--stopped-days", type=int, default=None,
                          help="a BVC without a visit in this many days has stopped reporting "
                          "(default: the settings' [quality] stopped_reporting_days, 60)")
    def with_filters(sub):
        sub.add_argument("--from", dest="date_from", type=_date)
        sub.add_argument("--to", dest="date_to", type=_date)
        sub.add_argument("--district", action="append", default=[])
        sub.add_argument("--bvc", action="append", default=[])
        sub.add_argument("--programme", action="append", default=[])
        sub.add_argument("--as-of", dest="as_of", type=_date)
        return sub

    summary = with_filters(with_data(commands.add_parser("summary",
                                                         help="indicators for a selection")))
    summary.add_argument("--json", action="store_true", help="print the JSON object only")
    report = with_filters(with_data(commands.add_parser(
        "report", help="the meeting report for a selection, suppressed as on screen")))
    report.add_argument("--out", type=Path, required=True,
                        help="report.pdf or report.html (by the suffix)")
    bench = commands.add_parser("bench", help="measure speed and memory at 30k, 300k and 3M "
                                "visits against pandas; write BENCHMARKS.md")
    bench.add_argument("--scales", nargs="+", choices=["30k", "300k", "3M"])
    bench.add_argument("--runs", type=int, default=None, help="runs per page (20)")
    bench.add_argument("--users", type=int, default=20, help="concurrent sessions (20)")
    bench.add_argument("--server-users", type=int, default=5,
                       help="browsers against the real server (5)")
    bench.add_argument("--draws", type=int, default=3,
                       help="draws in Chromium per page and selection, and of its floor (3)")
    bench.add_argument("--no-browser", action="store_true",
                       help="no Chromium: neither the pages' draws nor the browsers at once")
    bench.add_argument("--smoke", action="store_true", help="a tiny export, a few runs")
    bench.add_argument("--out", help="the Markdown file (BENCHMARKS.md; none with --smoke)")
    bench.add_argument("--dir", help="where exports and databases are kept")
    bench.add_argument("--child-start", nargs=2, help=argparse.SUPPRESS)
    sample = commands.add_parser("sample", help="write a synthetic export")
    sample.add_argument("--out", type=Path, required=True)
    sample.add_argument("--families", type=int, default=None)
    sample.add_argument("--seed", type=int, default=None)
    return parser


def _open(args):
    """The export's database; where it has to be built, a line per step on stderr."""
    import time

    from dashboard.db import Database
    from dashboard.i18n import t
    started = time.perf_counter()
    lang = getattr(args, "lang", None) or "sv"

    def progress(step: str) -> None:
        print(f"[{time.perf_counter() - started:5.1f} s] {t(f'build_{step}', lang)}",
              file=sys.stderr, flush=True)
    return Database.open(args.data or default_data_dir(), progress=progress)


def _validate(args) -> int:
    from dashboard import quality_report
    from dashboard.report_text import validation_report
    if args.report:
        quality_report.check_path(args.report)
    db = _open(args)
    text, quarantined = validation_report(db, args.lang)
    print(text)
    if args.report:
        from dashboard.i18n import t
        from dashboard.settings import load_settings
        days = args.stopped_days or load_settings().stopped_reporting_days
        quality_report.write(quality_report.build(db, args.lang, days), args.report)
        print(t("report_written", args.lang, path=args.report), file=sys.stderr)
    return EXIT_QUARANTINED if quarantined else EXIT_CLEAN


def _filters(args) -> Filters:
    return Filters(args.date_from, args.date_to, tuple(args.district), tuple(args.bvc),
                   tuple(args.programme), args.as_of)


def _report(args) -> int:
    from dashboard.report import write_report
    suffix = args.out.suffix.lower()
    if suffix not in (".pdf", ".html"):
        raise ValueError(f"--out: unknown format {suffix or '(none)'!r}; use .pdf or .html")
    db = _open(args)
    pages = write_report(db, _filters(args), args.lang, args.out)
    print(f"{args.out}: {pages}", file=sys.stderr)
    return EXIT_CLEAN


def _summary(args) -> int:
    from dashboard.indicators import summary
    from dashboard.report_text import summary_text
    db = _open(args)
    result = summary(db, _filters(args))
    quarantined = {t: n for t, n in result["quarantined"].items() if n}
    if quarantined:
        print("quarantined rows: " + ", ".join(f"{t} {n}" for t, n in quarantined.items()),
              file=sys.stderr)
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json
          else summary_text(result, args.lang))
    return EXIT_CLEAN


def _sample(args) -> int:
    from dashboard import sample
    families = args.families if args.families is not None else sample.DEFAULT_FAMILIES
    seed = args.seed if args.seed is not None else sample.DEFAULT_SEED
    tables = sample.generate(families, seed)
    sample.write(tables, args.out)
    print(f"wrote {', '.join(f'{k} {t.num_rows}' for k, t in tables.items())} to {args.out}",
          file=sys.stderr)
    return EXIT_CLEAN


def _bench(args) -> int:
    from dashboard.bench import main as bench
    return bench(args)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    lang = getattr(args, "lang", "sv")
    try:
        return {"validate": _validate, "summary": _summary, "sample": _sample,
                "report": _report, "bench": _bench}[args.command](args)
    except ExportError as exc:
        print(exc.message(lang), file=sys.stderr)
    except ValueError as exc:  # unknown filter values and similar input errors
        print(str(exc), file=sys.stderr)
    except Exception as exc:  # never a traceback for a user
        print(f"internal error: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}",
              file=sys.stderr)
    return EXIT_FATAL
