#!/usr/bin/env python3
"""Rebuilds the parser's open-data vocabularies (see NOTICE.md next to the output files).

Inputs (download them, then pass the paths):
  --esco      ESCO v1 occupations CSV, one per language (occupations_en.csv, occupations_fr.csv, occupations_es.csv, ...)
              from https://esco.ec.europa.eu/en/use-esco/download (classification, CSV, per language)
  --hipo      world_universities_and_domains.json from https://github.com/Hipo/university-domains-list
  --elf       the GLEIF ISO 20275 ELF code list CSV from
              https://www.gleif.org/en/about-lei/code-lists/iso-20275-entity-legal-forms-code-list
  --geonames  GeoNames cities15000.txt (cities with 15,000 people or more) from
              https://download.geonames.org/export/dump/cities15000.zip
Each input is optional: only the files whose inputs are given are rewritten.
Writes into --out (default: the parser's data folder):
  job-titles.tsv    <lang>TAB<occupation label>     ESCO preferred and alternative labels, gendered "a/b" split
  title-heads.tsv   <lang>TAB<word>                 words that head ESCO labels often (EN last word, FR/ES first word)
  universities.tsv  <countryCode>TAB<name>          Hipo names
  legal-forms.tsv   <countryCode>TAB<abbreviation>  GLEIF ELF local and transliterated abbreviations, active forms only
  cities.tsv        <countryCode>TAB<population>TAB<names, | separated>   GeoNames name and ASCII name; for cities of
                    CITY_ALT_POPULATION or more also the alternate names in Latin, Hebrew or Chinese script
Output is sorted and deduplicated so a rebuild from the same inputs gives the same bytes.
"""
import argparse
import collections
import csv
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_OUT = os.path.normpath(os.path.join(HERE, "..", "..", "src", "AtsParser.Core", "Parsing", "Data"))

# Labels longer than this are descriptions, not titles a resume prints.
MAX_WORDS = 6


def clean_label(label):
    label = re.sub(r"\s+", " ", label).strip()
    if not label or len(label) > 80 or any(c in label for c in "()[];:\"") or "," in label:
        return None
    if len(label.split(" ")) > MAX_WORDS:
        return None
    return label


def esco_labels(path):
    lang = re.search(r"occupations_([a-z]{2})", os.path.basename(path)).group(1)
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            labels = [row.get("preferredLabel") or ""] + (row.get("altLabels") or "").split("\n")
            for label in labels:
                # "développeur/développeuse", "programador/programadora": both forms are titles.
                parts = label.split("/") if "/" in label and " / " not in label else [label]
                for part in parts:
                    c = clean_label(part)
                    if c:
                        yield lang, c


def title_heads(labels):
    """Words that carry the occupation: EN puts them last ("software engineer"), FR/ES first ("ingeniero de software")."""
    counts = collections.Counter()
    for lang, label in labels:
        words = label.lower().split(" ")
        head = words[-1] if lang == "en" else words[0]
        if len(head) >= 3 and head.isalpha() and (lang != "en" or PERSON_NOUN.search(head)) and head not in NOT_HEADS:
            counts[(lang, head)] += 1
    return sorted(k for k, n in counts.items() if n >= 3)


# English heads that name a person mostly end like one; the rest ("chef", "nurse", "clerk") are in job-words.tsv.
PERSON_NOUN = re.compile(r"(er|or|ist|ian|ant|ent|man|woman|person|ee|eer|ary|ef|ess|ain|ic|ogue|ot|ard)$")
NOT_HEADS = {"department", "equipment", "management", "development", "environment", "government", "centre", "center",
             "mechanic", "electronic", "economic", "public", "paper", "water", "power", "computer", "container",
             "retail", "art", "other", "plant", "merchandise", "investment", "entertainment", "treatment", "component",
             "documentary", "library", "dictionary", "secondary", "primary", "elementary", "laboratory", "ordinary",
             "business", "traffic", "parliament", "vineyard", "music", "monitor", "poster", "folder", "man", "woman", "person", "major",
             "de", "du", "des", "la", "le", "el", "los", "las", "en", "y", "et", "pour", "para"}


def universities(path, excluded=()):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    seen = set(excluded)
    for u in data:
        name = re.sub(r"\s+", " ", u.get("name") or "").strip()
        cc = (u.get("alpha_two_code") or "").strip()
        if len(name) < 4 or "\t" in name:
            continue
        key = (cc, name)
        if key not in seen:
            seen.add(key)
            yield cc, name


def read_excluded(path):
    if not os.path.exists(path):
        return set()
    with open(path, encoding="utf-8") as f:
        return {tuple(l.rstrip("\n").split("\t", 1)) for l in f if l.strip() and not l.startswith("#")}


def legal_forms(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            if (row.get("ELF Status ACTV/INAC") or "").strip() != "ACTV":
                continue
            cc = (row.get("Country Code (ISO 3166-1)") or "").strip()
            for col in ("Abbreviations Local language", "Abbreviations transliterated"):
                for a in (row.get(col) or "").split(";"):
                    a = re.sub(r"\s+", " ", a).strip()
                    # One or two letters ("E", "EU") are too ambiguous to mark an employer.
                    if len(a.replace(".", "").replace(" ", "")) >= 2 and len(a) <= 40 and "\t" not in a and a.upper() != "EU":
                        yield cc, a


# Alternate names (other languages' spellings: "Göteborg", "Gotemburgo", "哥德堡") only for the larger cities, where
# they are worth their bytes; a smaller town is printed on a resume under its own name.
CITY_ALT_POPULATION = 100000
LATIN_NAME = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF][A-Za-z\u00C0-\u024F\u1E00-\u1EFF' .\-]+")
HEBREW_NAME = re.compile(r"[\u05D0-\u05EA][\u0590-\u05FF' \-]*")
CJK_NAME = re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF]{2,}")


def city_alternate(name):
    """An alternate name in a script the parser reads, and not an airport code ("GOT") or a lower-case romanisation ("ge de bao")."""
    if LATIN_NAME.fullmatch(name):
        return len(name) >= 3 and name[0].isupper() and not name.isupper()
    return bool(HEBREW_NAME.fullmatch(name) or CJK_NAME.fullmatch(name))


def cities(path, excluded=()):
    with open(path, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 15 or c[6] != "P" or (c[8], c[1]) in excluded:
                continue
            population = int(c[14] or 0)
            names = {c[1].strip(), c[2].strip()}
            if population >= CITY_ALT_POPULATION:
                names |= {a.strip() for a in c[3].split(",") if city_alternate(a.strip())}
                # "深圳市" is printed "深圳" as often: the city suffix is not part of the name.
                names |= {n[:-1] for n in names if CJK_NAME.fullmatch(n) and len(n) >= 3 and n.endswith("市")}
            names = sorted(n for n in names if len(n) >= 2 and "|" not in n and "\t" not in n and not any(ch.isdigit() for ch in n))
            if names and c[8]:
                yield c[8], str(population), "|".join(names)


def write(path, rows, header):
    rows = sorted(set(rows))
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(header)
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"{os.path.basename(path)}: {len(rows)} rows, {os.path.getsize(path)} bytes")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--esco", nargs="+")
    ap.add_argument("--hipo")
    ap.add_argument("--elf")
    ap.add_argument("--geonames")
    ap.add_argument("--out", default=DEFAULT_OUT)
    ap.add_argument("--exclude", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "excluded-universities.tsv"),
                    help="rows (countryCode TAB name) left out of universities.tsv; see the file's header for why")
    ap.add_argument("--exclude-cities", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "excluded-cities.tsv"),
                    help="rows (countryCode TAB GeoNames name) left out of cities.tsv; see the file's header for why")
    a = ap.parse_args()
    if not (a.esco or a.hipo or a.elf or a.geonames):
        ap.error("give at least one input")
    if a.esco:
        labels = [x for p in a.esco for x in esco_labels(p)]
        write(os.path.join(a.out, "job-titles.tsv"), labels,
              "# ESCO occupations (preferred + alternative labels), (c) European Union, CC BY 4.0; see NOTICE.md. <lang>TAB<label>\n")
        write(os.path.join(a.out, "title-heads.tsv"), title_heads(labels),
              "# Head words of ESCO occupation labels (used 3+ times), (c) European Union, CC BY 4.0; see NOTICE.md. <lang>TAB<word>\n")
    if a.hipo:
        write(os.path.join(a.out, "universities.tsv"), universities(a.hipo, read_excluded(a.exclude)),
              "# Hipo university-domains-list names, MIT licence; see NOTICE.md. <countryCode>TAB<name>\n")
    if a.elf:
        write(os.path.join(a.out, "legal-forms.tsv"), legal_forms(a.elf),
              "# GLEIF ISO 20275 Entity Legal Forms abbreviations (active), CC0 1.0; see NOTICE.md. <countryCode>TAB<abbreviation>\n")
    if a.geonames:
        write(os.path.join(a.out, "cities.tsv"), cities(a.geonames, read_excluded(a.exclude_cities)),
              "# GeoNames cities15000 (geonames.org), CC BY 4.0; see NOTICE.md. <countryCode>TAB<population>TAB<names, | separated>\n")


if __name__ == "__main__":
    main()
