#!/usr/bin/env python3
"""Reports with known truth, made the way ../shared/produced was: the blank official 2021
template filled with python-docx, then saved again, exported to PDF and to HTML by
LibreOffice. Each report has its own numbers, and blanks where real reports leave them:
in every column of every table, and the 总计 of Table 2 rows whose label spans two or
three grid columns.

    python3 Tests/Fixtures/produced/make.py [--soffice soffice] [--template PATH]

Writes, beside this script, for each report pNN: pNN.json (the truth, as in
../shared/produced), pNN.python-docx.docx, pNN.libreoffice.docx, pNN.libreoffice.pdf,
pNN.libreoffice.html. Needs python-docx (pip) and LibreOffice with the Noto CJK fonts
(Debian: libreoffice-writer-nogui, fonts-noto-cjk). The files are committed; the tests
only read them.
"""
import argparse, copy, json, os, random, shutil, subprocess, sys, tempfile

import docx
from docx.oxml.ns import qn

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATE = os.path.join(HERE, "..", "..", "..", "..", "shared", "corpus", "docx", "template-2021-blank.docx")

T1_ROWS = [("rules", ["issued", "repealed", "inForce"]), ("normative", ["issued", "repealed", "inForce"]),
           ("licensing", ["decisions"]), ("penalty", ["decisions"]), ("enforcement", ["decisions"]), ("fees", ["amount"])]
T2_COLUMNS = ["natural", "commercial", "research", "publicInterest", "legal", "otherOrg", "total"]
T2_OUTCOMES = ["granted", "partial"] + [f"denied.{x}" for x in
               ["secret", "lawForbids", "security", "thirdParty", "internal", "process", "enforcementFile", "query"]] + \
              [f"unable.{x}" for x in ["notHeld", "needsCreation", "unclear"]] + \
              [f"rejected.{x}" for x in ["complaint", "repeated", "publication", "massRepeated", "reissue"]] + \
              [f"other.{x}" for x in ["noCorrection", "unpaidFee", "other"]]
T2_ROWS = ["new", "carried"] + T2_OUTCOMES + ["resultTotal", "carryForward"]
# Rows whose label spans two or three grid columns in the template.
T2_SPANNED = ["new", "carried", "granted", "partial", "resultTotal", "carryForward"]
T3_GROUPS = ["review", "suitDirect", "suitAfterReview"]
T3_COLUMNS = ["upheld", "corrected", "other", "pending", "total"]

BODIES = [("衡阳市石鼓区人民政府", "衡阳市石鼓区", "2024-03-20"), ("岳阳县新墙镇人民政府", "岳阳县新墙镇", "2024-01-25"),
          ("常德市武陵区发展和改革局", "常德市武陵区发展和改革局", "2024-01-19"), ("邵东市廉桥镇人民政府", "邵东市廉桥镇", "2024-01-30"),
          ("株洲市荷塘区教育局", "株洲市荷塘区教育局", "2024-01-12"), ("湘潭县花石镇人民政府", "湘潭县花石镇", "2024-01-29")]


def numbers(rng, scale):
    """Cells that satisfy every sum of the format, as ints."""
    cells = {}
    for row, columns in T1_ROWS:
        for c in columns:
            cells[f"t1.{row}.{c}"] = rng.randint(0, scale * 30)
    cells["t1.fees.amount"] = round(rng.uniform(0, 90), 2) if rng.random() < 0.6 else 0
    six = T2_COLUMNS[:-1]
    for row in T2_OUTCOMES:
        for c in six:
            heavy = c in ("natural", "legal", "commercial")
            cells[f"t2.{row}.{c}"] = rng.randint(0, scale * (8 if heavy else 1)) if rng.random() < (0.7 if heavy else 0.25) else 0
    for c in six:
        result = sum(cells[f"t2.{r}.{c}"] for r in T2_OUTCOMES)
        carried = rng.randint(0, min(result, 3 * scale)) if result else 0
        carry_forward = rng.randint(0, 2 * scale) if rng.random() < 0.5 else 0
        cells[f"t2.resultTotal.{c}"] = result
        cells[f"t2.carried.{c}"] = carried
        cells[f"t2.carryForward.{c}"] = carry_forward
        cells[f"t2.new.{c}"] = result + carry_forward - carried
    for row in T2_ROWS:
        cells[f"t2.{row}.total"] = sum(cells[f"t2.{row}.{c}"] for c in six)
    for g in T3_GROUPS:
        parts = [rng.randint(0, scale) if rng.random() < 0.4 else 0 for _ in range(4)]
        for c, v in zip(T3_COLUMNS[:4], parts):
            cells[f"t3.{g}.{c}"] = v
        cells[f"t3.{g}.total"] = sum(parts)
    return cells


# The reports: numbers, where blanks are left, and what must then be found.
PLANS = [
    # Blanks in every Table 2 column (zeros left empty), the spanned rows' totals among them.
    dict(seed=11, scale=7, blank=["t2.new.total", "t2.granted.commercial", "t2.partial.research", "t2.denied.secret.publicInterest",
                                  "t2.unable.notHeld.legal", "t2.rejected.repeated.otherOrg", "t2.other.other.natural",
                                  "t2.carryForward.total"], zero_blanks=False),
    # Every spanned row with its 总计 blank.
    dict(seed=12, scale=4, blank=[f"t2.{r}.total" for r in T2_SPANNED] + ["t3.review.corrected", "t3.review.pending",
         "t3.suitDirect.upheld", "t3.suitDirect.other", "t3.suitDirect.total", "t3.suitAfterReview.corrected",
         "t3.suitAfterReview.pending", "t1.normative.issued", "t1.penalty.decisions"], zero_blanks=False),
    # Blanks in eight columns of Table 3 and in every column of Table 1.
    dict(seed=13, scale=3, blank=["t3.review.upheld", "t3.review.other", "t3.review.total", "t3.suitDirect.corrected",
                                  "t3.suitDirect.pending", "t3.suitAfterReview.upheld", "t3.suitAfterReview.other",
                                  "t3.suitAfterReview.total", "t1.rules.issued", "t1.normative.repealed", "t1.rules.inForce",
                                  "t1.licensing.decisions", "t1.enforcement.decisions", "t1.fees.amount"], zero_blanks=False),
    # Large numbers everywhere, no blanks, nothing broken.
    dict(seed=14, scale=400, blank=[], zero_blanks=False),
    # Every zero left blank, as many small offices do.
    dict(seed=15, scale=2, blank=[], zero_blanks=True),
    # A broken sum beside blanks: the natural column of 一 is off by two.
    dict(seed=16, scale=9, blank=["t2.carried.otherOrg", "t2.resultTotal.total"], zero_blanks=False,
         off={"t2.new.natural": 2, "t2.new.total": 2}),
]


def set_text(tc, text):
    """The cell's first paragraph gets the text (its own properties kept, so it stays centred)."""
    ps = tc.findall(qn("w:p"))
    p = ps[0]
    for r in p.findall(qn("w:r")):
        p.remove(r)
    for extra in ps[1:]:
        tc.remove(extra)
    r = p.makeelement(qn("w:r"), {})
    t = r.makeelement(qn("w:t"), {})
    t.text = text
    r.append(t)
    p.append(r)


def fill(template, plan, index):
    body, agency, date = BODIES[index % len(BODIES)]
    rng = random.Random(plan["seed"])
    cells = numbers(rng, plan["scale"])
    for cid, delta in plan.get("off", {}).items():
        cells[cid] += delta
    truth = {k: v for k, v in cells.items()}
    blanks = set(plan["blank"])
    if plan["zero_blanks"]:
        blanks |= {k for k, v in cells.items() if v == 0}
    for k in blanks:
        truth[k] = "blank"

    d = docx.Document(template)
    year = 2023
    paragraphs = d.paragraphs
    paragraphs[1].text = f"{body}{year}年政府信息公开工作年度报告"
    new_total = cells["t2.new.total"]
    intro = (f"本报告根据《中华人民共和国政府信息公开条例》编制。{year}年，{body}主动公开政府信息{rng.randint(50, 400)}条，"
             f"依申请公开工作依法有序开展。")
    descriptions = [p for p in paragraphs if p.text.startswith("（文字描述")]
    descriptions[0].text = intro
    descriptions[1].text = "存在的主要问题：信息公开工作人员多为兼职。改进情况：加强培训，规范依申请公开答复。"
    descriptions[2].text = "本年度未收取信息处理费。" if cells["t1.fees.amount"] == 0 or "t1.fees.amount" in blanks else "本年度按规定办理。"
    y, m, dd = date.split("-")
    last = d.add_paragraph(body)
    last.alignment = 2
    dated = d.add_paragraph(f"{int(y)}年{int(m)}月{int(dd)}日")
    dated.alignment = 2

    def put(tc, cid):
        if cid in blanks:
            return
        v = cells[cid]
        set_text(tc, f"{v:.2f}".rstrip("0").rstrip(".") if isinstance(v, float) else str(v))

    t1, t2, t3 = d.tables
    rows1 = t1._tbl.tr_lst
    labels = {"规章": "rules", "行政规范性文件": "normative", "行政许可": "licensing", "行政处罚": "penalty",
              "行政强制": "enforcement", "行政事业性收费": "fees"}
    for tr in rows1:
        tcs = tr.tc_lst
        label = "".join(tcs[0].xpath(".//w:t/text()")).strip()
        if label in labels:
            row = labels[label]
            columns = dict(T1_ROWS)[row]
            for tc, c in zip(tcs[-len(columns):], columns):
                put(tc, f"t1.{row}.{c}")
    for tr, row in zip(t2._tbl.tr_lst[3:], T2_ROWS):
        for tc, c in zip(tr.tc_lst[-7:], T2_COLUMNS):
            put(tc, f"t2.{row}.{c}")
    data = t3._tbl.tr_lst[3].tc_lst
    for i, tc in enumerate(data):
        put(tc, f"t3.{T3_GROUPS[i // 5]}.{T3_COLUMNS[i % 5]}")

    must_find = []
    if blanks:
        must_find.append("BLANK_CELL")
    if plan.get("off"):
        must_find.append("T2_BALANCE")
    sums = ["T2_BALANCE", "T2_RESULT_SUM", "T2_ROW_TOTAL", "T3_GROUP_TOTAL"]
    must_not = [r for r in sums if r not in must_find] + ["ROW_SHAPE", "MISSING_ROW", "MISSING_TABLE", "LABEL_VARIANT",
                                                            "NARRATIVE_TABLE", "UNREADABLE_CELL", "SPAN_CLAMPED"]
    if not blanks:
        must_not.append("BLANK_CELL")
    truth_json = {"agency": agency, "year": year, "template": "2021", "date": date, "cells": truth, "missing": [],
                  "mustFind": must_find, "mustNotFind": must_not,
                  "made": {"seed": plan["seed"], "blanks": sorted(blanks)[:40], "off": plan.get("off", {})}}
    return d, truth_json


def convert(soffice, source, target_filter, outdir, profile):
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", target_filter,
                    "--outdir", outdir, source], check=True, capture_output=True, timeout=180)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--soffice", default="soffice")
    parser.add_argument("--template", default=TEMPLATE)
    args = parser.parse_args()
    profile = tempfile.mkdtemp(prefix="nianbao-lo-")
    try:
        for i, plan in enumerate(PLANS):
            name = f"p{i + 1:02d}"
            document, truth = fill(args.template, plan, i)
            source = os.path.join(HERE, f"{name}.python-docx.docx")
            document.save(source)
            with open(os.path.join(HERE, f"{name}.json"), "w") as f:
                json.dump(truth, f, ensure_ascii=False, indent=1)
            work = tempfile.mkdtemp(prefix="nianbao-make-")
            try:
                staged = os.path.join(work, f"{name}.docx")
                shutil.copy(source, staged)
                saved = os.path.join(work, "saved")
                os.makedirs(saved)
                convert(args.soffice, staged, 'docx:MS Word 2007 XML', saved, profile)
                lo_docx = os.path.join(saved, f"{name}.docx")
                shutil.copy(lo_docx, os.path.join(HERE, f"{name}.libreoffice.docx"))
                convert(args.soffice, lo_docx, "pdf", work, profile)
                shutil.copy(os.path.join(work, f"{name}.pdf"), os.path.join(HERE, f"{name}.libreoffice.pdf"))
                convert(args.soffice, lo_docx, "html:HTML (StarWriter)", work, profile)
                shutil.copy(os.path.join(work, f"{name}.html"), os.path.join(HERE, f"{name}.libreoffice.html"))
            finally:
                shutil.rmtree(work, ignore_errors=True)
            print(name, "blanks:", len([v for v in truth["cells"].values() if v == "blank"]), "mustFind:", truth["mustFind"])
    finally:
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
