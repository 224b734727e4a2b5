"""Command line: python -m pipelines run | sql QUERY | eval | ..."""

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipelines", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("run", help="process the corpus into the warehouse (NEWS_CORPUS_DIR, NEWS_WAREHOUSE)")
    sql = commands.add_parser("sql", help="run a query against the published warehouse and print a table")
    sql.add_argument("query", help="SQL text, or a path to a .sql file")
    commands.add_parser("eval", help="score the seed warehouse against the hand annotations (-v lists mistakes)",
                        add_help=False)
    commands.add_parser("eval-cleaning", help="score cleaning on (page, true text) pairs", add_help=False)
    commands.add_parser("eval-timeml", help="score dates on a TimeML corpus", add_help=False)
    commands.add_parser("eval-mercury", help="score metadata on Mercury Parser's test pages", add_help=False)
    commands.add_parser("eval-polnear", help="score who said it on PolNeAR's attribution annotations",
                        add_help=False)
    commands.add_parser("eval-conll", help="score people on CoNLL-2003 documents with the persons marked",
                        add_help=False)
    commands.add_parser("bench", help="throughput, memory and incremental cost against the bare spaCy pass",
                        add_help=False)
    commands.add_parser("cluster-demo", help="build the corpus on two Celery workers into a DuckLake (starts and "
                                             "stops PostgreSQL, Redis and the workers)")
    commands.add_parser("compare", help="whether two warehouses hold the same rows, bookkeeping aside",
                        add_help=False)
    commands.add_parser("order-check", help="one-run build against shuffled incremental builds of a mixed corpus",
                        add_help=False)
    args, rest = parser.parse_known_args(argv)
    if args.command == "run":
        from pipelines.cli.run import main as run
        return run()
    if args.command == "sql":
        from pipelines.cli.sql import main as run_sql
        return run_sql(args.query)
    if args.command == "eval":
        from pipelines.evaluation.report import main as evaluate
        return evaluate(rest)
    if args.command == "eval-cleaning":
        from pipelines.evaluation.cleaning import main as evaluate_cleaning
        return evaluate_cleaning(rest)
    if args.command == "eval-timeml":
        from pipelines.evaluation.timeml import main as evaluate_timeml
        return evaluate_timeml(rest)
    if args.command == "eval-mercury":
        from pipelines.evaluation.mercury import main as evaluate_mercury
        return evaluate_mercury(rest)
    if args.command == "eval-polnear":
        from pipelines.evaluation.polnear import main as evaluate_polnear
        return evaluate_polnear(rest)
    if args.command == "eval-conll":
        from pipelines.evaluation.conll import main as evaluate_conll
        return evaluate_conll(rest)
    if args.command == "cluster-demo":
        from pipelines.cli.cluster import main as cluster_demo
        return cluster_demo()
    if args.command == "order-check":
        from pipelines.cli.order import main as order_check
        return order_check(rest)
    if args.command == "compare":
        from pipelines.cli.compare import main as compare
        return compare(rest)
    if args.command == "bench":
        from pipelines.cli.bench import main as bench
        return bench(rest)
    return 2


if __name__ == "__main__":
    sys.exit(main())
