#!/usr/bin/env bash
# Runs every benchmark and prints its figures. Usage: bash benchmarks/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
py=.venv/bin/python
[ -x "$py" ] || { bash scripts/setup.sh; }
$py -m benchmarks.extract_accuracy
$py -m benchmarks.extract_headline
$py -m benchmarks.count_truth
$py -m benchmarks.extract_field_diff --totals
$py -m benchmarks.extract_agreement
$py -m benchmarks.extract_throughput
$py -m benchmarks.extract_throughput_uk_ru
$py -m benchmarks.ingest_throughput
$py -m benchmarks.count_reconcile
$py -m benchmarks.estimate_reference
$py -m benchmarks.estimate_coverage
$py -m benchmarks.simulate_scale
$py -m benchmarks.simulate_news_f1
$py -m benchmarks.description_eval
$py -m benchmarks.match_recall_speed
$py -m benchmarks.web_toll_api
$py -m benchmarks.web_incidents
$py -m benchmarks.link_febrl
$py -m benchmarks.link_simulated
$py -m benchmarks.link_headers
$py -m benchmarks.link_blocking
$py -m benchmarks.link_missed
$py -m benchmarks.link_siege
$py -m benchmarks.link_siege --has-duplicates
$py -m benchmarks.link_scale
$py -m benchmarks.link_spark_vs_duckdb
$py -m benchmarks.link_spark_cluster
$py -m benchmarks.web_home
$py -m benchmarks.file_limits
scorecard=$(mktemp -d)
$py -m benchmarks.estimate_siege_scorecard --workdir "$scorecard"
$py -m benchmarks.link_clustering_draws "$scorecard/siege-400000-seed-11"
$py -m benchmarks.estimate_missed_link_correction "$scorecard/siege-400000-seed-11"
$py -m benchmarks.encryption_at_rest
$py -m benchmarks.sync_bundle
