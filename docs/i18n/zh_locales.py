#!/usr/bin/env python3
"""Maintains our Simplified Chinese locale files of the Camunda webapps (see README.md in this folder).

  zh_locales.py status  [--webjar JAR]            keys missing from / extra in each zh.json
  zh_locales.py todo    APP [--webjar JAR]        English strings still to translate, as TSV (key<TAB>English)
  zh_locales.py merge   APP FILE... [--webjar JAR] put translations (TSV key<TAB>中文, or flat JSON) into APP's zh.json
  zh_locales.py cockpit PART.json... [--webjar JAR] build cockpit's zh.json from the translated parts: our
                                                   glossary terms, and Tasklist's/Admin's text for a shared string

Every zh.json is written in the key order of the English file of the webjar, with our dateLocales, and keeps
only the keys the English file has. Python 3 standard library only; no Maven needed.
"""
import argparse
import json
import os
import sys
import zipfile

APPS = ("admin", "cockpit", "tasklist", "welcome")
ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
OURS = os.path.join(ROOT, "src/main/resources/META-INF/resources/webjars/camunda/app")
WEBJAR_PATH = "META-INF/resources/webjars/camunda/app/{app}/locales/en.json"
# Terms of our glossary (glossary.md) that a translated part may have rendered otherwise
TERMS = {"业务键": "业务编号", "驾驶舱": "流程监控"}
# the one dateLocales block (moment.js locale) shared by all four apps
DATE_LOCALES = os.path.join(ROOT, "docs/i18n/dateLocales.zh.json")


def default_webjar():
    """The camunda-webapp-webjar of the Camunda version in pom.xml, from the local Maven repository."""
    pom = open(os.path.join(ROOT, "pom.xml"), encoding="utf-8").read()
    marker = "<camunda.version>"
    version = pom[pom.index(marker) + len(marker):pom.index("</camunda.version>")].strip()
    m2 = os.path.expanduser("~/.m2/repository/org/camunda/bpm/webapp/camunda-webapp-webjar")
    return os.path.join(m2, version, "camunda-webapp-webjar-%s.jar" % version)


def english(webjar, app):
    with zipfile.ZipFile(webjar) as jar:
        # cockpit's file starts with a UTF-8 byte order mark
        return json.loads(jar.read(WEBJAR_PATH.format(app=app)).decode("utf-8-sig"))


def zh_path(app):
    return os.path.join(OURS, app, "locales", "zh.json")


def load_zh(app):
    path = zh_path(app)
    if not os.path.exists(path):
        return {}
    return json.load(open(path, encoding="utf-8"))["labels"]


def read_translations(path):
    if path.endswith(".json"):
        return json.load(open(path, encoding="utf-8-sig"))
    result = {}
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line:
            key, _, value = line.partition("\t")
            result[key] = value
    return result


def write_zh(webjar, app, labels):
    en = english(webjar, app)["labels"]
    ordered = {key: labels[key] for key in en if key in labels}
    missing = [key for key in en if key not in labels]
    document = {"dateLocales": json.load(open(DATE_LOCALES, encoding="utf-8")), "labels": ordered}
    os.makedirs(os.path.dirname(zh_path(app)), exist_ok=True)
    with open(zh_path(app), "w", encoding="utf-8") as out:
        json.dump(document, out, ensure_ascii=False, indent=2)
        out.write("\n")
    print("%s: %d labels written, %d still missing%s" % (app, len(ordered), len(missing),
          (": " + ", ".join(missing[:20])) if missing else ""))
    return not missing


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("status", "todo", "merge", "cockpit"))
    parser.add_argument("args", nargs="*")
    parser.add_argument("--webjar", default=None, help="camunda-webapp-webjar jar (default: version of pom.xml)")
    options = parser.parse_args()
    webjar = options.webjar or default_webjar()

    if options.command == "status":
        clean = True
        for app in APPS:
            en, zh = english(webjar, app)["labels"], load_zh(app)
            missing = [k for k in en if k not in zh]
            extra = [k for k in zh if k not in en]
            clean &= not missing and not extra
            print("%-8s %4d English, %4d missing, %4d extra %s" % (app, len(en), len(missing), len(extra),
                  " ".join(missing + ["-" + k for k in extra])[:300]))
        return 0 if clean else 1
    if options.command == "todo":
        app = options.args[0]
        zh = load_zh(app)
        for key, text in english(webjar, app)["labels"].items():
            if key not in zh:
                sys.stdout.write("%s\t%s\n" % (key, text))
        return 0
    if options.command == "merge":
        app, files = options.args[0], options.args[1:]
        labels = load_zh(app)
        for path in files:
            labels.update(read_translations(path))
        return 0 if write_zh(webjar, app, labels) else 1
    if options.command == "cockpit":
        parts = options.args
        if not parts:
            parser.error("name the translated cockpit parts (flat JSON key -> 中文)")
        labels = {}
        for path in parts:
            labels.update(read_translations(path))
        for key, text in labels.items():
            for other, ours in TERMS.items():
                text = text.replace(other, ours)
            labels[key] = text
        # a text Cockpit shares with Tasklist or Admin (same key, same English) reads the same in every app
        cockpit = english(webjar, "cockpit")["labels"]
        for app in ("admin", "tasklist"):
            en, zh = english(webjar, app)["labels"], load_zh(app)
            for key in cockpit:
                if key in zh and en.get(key) == cockpit[key]:
                    labels[key] = zh[key]
        return 0 if write_zh(webjar, "cockpit", labels) else 1
    return 2


if __name__ == "__main__":
    sys.exit(main())
