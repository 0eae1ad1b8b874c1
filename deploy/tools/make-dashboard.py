#!/usr/bin/env python3
"""Writes grafana/dashboards/atsparser.json. The dashboard is data: edit the panel table here, re-run, commit both.
Every query uses the ${datasource} variable, so the same file works provisioned and imported (Dashboards > Import)."""
import json, pathlib

R = "$__rate_interval"
OCR = 'extractor=~"ocr|tesseract|.*\\\\+ocr"'
ROWS = [
    ("Throughput and success", [
        ("Documents/s by format", "timeseries", "ops", [("sum by (format) (rate(ats_documents_total[%s]))" % R, "{{format}}")]),
        ("Success ratio by format", "timeseries", "percentunit", [(
            'sum by (format) (rate(ats_documents_total{outcome="success"}[%s])) / sum by (format) (rate(ats_documents_total[%s]))' % (R, R), "{{format}}")]),
        ("Outcomes", "timeseries", "ops", [("sum by (outcome) (rate(ats_documents_total[%s]))" % R, "{{outcome}}")]),
        ("HTTP requests/s by status", "timeseries", "reqps", [("sum by (code) (rate(http_requests_received_total[%s]))" % R, "{{code}}")]),
    ]),
    ("Latency", [
        ("Document latency percentiles", "timeseries", "s", [
            ("histogram_quantile(%s, sum by (le) (rate(ats_document_duration_seconds_bucket[%s])))" % (q, R), "p" + str(int(float(q) * 100)))
            for q in ("0.5", "0.95", "0.99")]),
        ("p95 latency by format", "timeseries", "s", [("histogram_quantile(0.95, sum by (le, format) (rate(ats_document_duration_seconds_bucket[%s])))" % R, "{{format}}")]),
        ("HTTP p95 by endpoint", "timeseries", "s", [("histogram_quantile(0.95, sum by (le, endpoint) (rate(http_request_duration_seconds_bucket[%s])))" % R, "{{endpoint}}")]),
    ]),
    ("Extraction", [
        ("Extractor usage", "timeseries", "ops", [('sum by (extractor) (rate(ats_documents_total{outcome="success"}[%s]))' % R, "{{extractor}}")]),
        ("OCR share of documents", "stat", "percentunit", [(
            'sum(rate(ats_documents_total{outcome="success",%s}[%s])) / sum(rate(ats_documents_total{outcome="success"}[%s]))' % (OCR, R, R), "OCR share")]),
        ("OCR pages/s", "timeseries", "ops", [("sum(rate(ats_ocr_pages_total[%s]))" % R, "pages/s")]),
        ("Extraction p95 by extractor", "timeseries", "s", [("histogram_quantile(0.95, sum by (le, extractor) (rate(ats_extraction_duration_seconds_bucket[%s])))" % R, "{{extractor}}")]),
        ("Native tools available", "stat", "none", [("min by (tool) (ats_tool_available)", "{{tool}}")]),
    ]),
    ("LLM tokens and cost", [
        ("Tokens/s by model and kind", "timeseries", "short", [("sum by (model, kind) (rate(ats_llm_tokens_total[%s]))" % R, "{{model}} {{kind}}")]),
        ("Spend per hour (USD)", "timeseries", "currencyUSD", [("sum by (model) (increase(ats_llm_cost_usd_total[1h]))", "{{model}}")]),
        ("LLM requests by outcome", "timeseries", "reqps", [("sum by (outcome) (rate(ats_llm_requests_total[%s]))" % R, "{{outcome}}")]),
        ("Compaction ratio (median)", "stat", "percentunit", [("histogram_quantile(0.5, sum by (le) (rate(ats_compaction_ratio_bucket[1h])))", "median")]),
    ]),
    ("Cache and jobs", [
        ("Cache hit ratio", "timeseries", "percentunit", [(
            'sum(rate(ats_cache_requests_total{result="hit"}[%s])) / sum(rate(ats_cache_requests_total{result=~"hit|miss"}[%s]))' % (R, R), "hit ratio")]),
        ("Queue depth", "timeseries", "short", [("max(ats_jobs_queue_depth)", "queued")]),
        ("Job items by outcome", "timeseries", "ops", [("sum by (outcome) (rate(ats_jobs_total[%s]))" % R, "{{outcome}}")]),
        ("Webhook deliveries by outcome", "timeseries", "ops", [("sum by (outcome) (rate(ats_webhook_deliveries_total[%s]))" % R, "{{outcome}}")]),
    ]),
    ("Resources", [
        ("Resident memory", "timeseries", "bytes", [("process_working_set_bytes", "{{instance}}"), ("dotnet_gc_heap_size_bytes", "GC heap {{instance}}")]),
        ("CPU (cores)", "timeseries", "short", [("rate(process_cpu_seconds_total[%s])" % R, "{{instance}}")]),
        ("GC pause time share", "timeseries", "percentunit", [("rate(dotnet_gc_pause_seconds_total[%s])" % R, "{{instance}}")]),
        ("Threads and thread-pool queue", "timeseries", "short", [("process_num_threads", "threads {{instance}}"), ("dotnet_threadpool_queue_length", "queue {{instance}}")]),
    ]),
]

def build():
    ds = {"type": "prometheus", "uid": "${datasource}"}
    panels, pid, y = [], 1, 0
    for title, items in ROWS:
        panels.append({"id": pid, "type": "row", "title": title, "collapsed": False, "gridPos": {"h": 1, "w": 24, "x": 0, "y": y}, "panels": []})
        pid += 1; y += 1
        width = 24 // len(items)
        for i, (ptitle, kind, unit, targets) in enumerate(items):
            panels.append({
                "id": pid, "type": kind, "title": ptitle, "datasource": ds,
                "gridPos": {"h": 8, "w": width, "x": i * width, "y": y},
                "fieldConfig": {"defaults": {"unit": unit}, "overrides": []},
                "options": {"legend": {"displayMode": "list", "placement": "bottom", "showLegend": True}} if kind == "timeseries" else {"reduceOptions": {"calcs": ["lastNotNull"]}},
                "targets": [{"refId": chr(65 + j), "datasource": ds, "expr": e, "legendFormat": l} for j, (e, l) in enumerate(targets)],
            })
            pid += 1
        y += 8
    return {
        "uid": "atsparser", "title": "AtsParser", "tags": ["atsparser"], "schemaVersion": 39, "version": 1,
        "editable": True, "time": {"from": "now-6h", "to": "now"}, "refresh": "30s",
        "templating": {"list": [{"name": "datasource", "label": "Prometheus", "type": "datasource", "query": "prometheus", "current": {}, "hide": 0}]},
        "annotations": {"list": []}, "panels": panels,
    }

out = pathlib.Path(__file__).resolve().parents[2] / "grafana" / "dashboards" / "atsparser.json"
out.write_text(json.dumps(build(), indent=2) + "\n")
print(out)
