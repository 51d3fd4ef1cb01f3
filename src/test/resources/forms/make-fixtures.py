#!/usr/bin/env python3
"""Builds the form-tool fixtures in this folder from the four answers files in examples/.

Each fixture holds the same four responses the way one tool exports them (docs/class-csv.md,
"Testbestanden"), so a test can check that importing it gives the scores `mvoscan score` gives
for the answers files. Run from the repository root after a scan or example changes:

    python3 src/test/resources/forms/make-fixtures.py

Only the Python standard library is used; the .xlsx parts are written as Microsoft Forms writes
them (shared or inline strings, date serials with a date format, one worksheet).
"""
import csv
import io
import json
import os
import zipfile
from datetime import datetime

ROOT = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(ROOT, "..", "..", "..", ".."))
EXAMPLES = ["bakkerij-emmen", "garage-assen", "zorghuis-groningen", "installatiebedrijf-leeuwarden"]
# completion times of the four responses
TIMES = [datetime(2026, 11, 20, 9, 14, 2), datetime(2026, 11, 21, 13, 5, 40),
         datetime(2026, 11, 24, 8, 59, 59), datetime(2026, 12, 1, 16, 30, 0)]

scan = json.load(open(os.path.join(REPO, "scans", "mvo-stagebedrijf.json"), encoding="utf-8"))
answers = [json.load(open(os.path.join(REPO, "examples", n + ".json"), encoding="utf-8"))
           for n in EXAMPLES]


def text(t, lang):
    return t if isinstance(t, str) else t.get(lang, t[scan["languages"][0]])


questions = list(scan.get("profile", []))
for theme in scan["themes"]:
    questions.extend(theme["questions"])


def options(q):
    return q.get("options") or scan["scales"][q["scale"]]


def value(a, q):
    v = a["answers"].get(q["id"])
    if isinstance(v, dict):
        v = v.get("value")
    return v


def cell(a, q, lang, join):
    """The text a form tool writes for one answer, or None when unanswered."""
    v = value(a, q)
    if v is None:
        return None
    if q["type"] == "choice":
        return next(text(o["label"], lang) for o in options(q) if o["id"] == v)
    if q["type"] == "multi":
        labels = [next(text(o["label"], lang) for o in options(q) if o["id"] == i) for i in v]
        return join(labels)
    if q["type"] == "number":
        return v
    return v


def shuffled(qs):
    """Forms lets a teacher move questions: the themes' questions come in a different order."""
    profile = [q for q in qs if q in scan.get("profile", [])]
    rest = [q for q in qs if q not in profile]
    return list(reversed(profile)) + rest[1::2] + rest[0::2]


# ---------------------------------------------------------------- xlsx

def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def esc(s):
    return (s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def serial(dt):
    delta = dt - datetime(1899, 12, 30)
    return round(delta.days + delta.seconds / 86400, 10)


def xlsx(path, rows, inline=False):
    """rows: list of lists of None, str, int/float, or ("date", datetime)."""
    strings, index = [], {}
    out = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, v in enumerate(row):
            ref = f"{col(c)}{r}"
            if v is None or v == "":
                continue
            if isinstance(v, tuple):
                cells.append(f'<c r="{ref}" s="1"><v>{serial(v[1])}</v></c>')
            elif isinstance(v, (int, float)):
                cells.append(f'<c r="{ref}"><v>{v}</v></c>')
            elif inline:
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{esc(v)}</t></is></c>')
            else:
                if v not in index:
                    index[v] = len(strings)
                    strings.append(v)
                cells.append(f'<c r="{ref}" t="s"><v>{index[v]}</v></c>')
        out.append(f'<row r="{r}">{"".join(cells)}</row>')
    sheet = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
             'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
             f'<dimension ref="A1:{col(len(rows[0]) - 1)}{len(rows)}"/><sheetData>'
             + "".join(out) + "</sheetData></worksheet>")
    sst = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           f'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{len(strings)}" '
           f'uniqueCount="{len(strings)}">'
           + "".join(f'<si><t xml:space="preserve">{esc(s)}</t></si>' for s in strings) + "</sst>")
    styles = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              '<numFmts count="1"><numFmt numFmtId="164" formatCode="m/d/yy h:mm:ss"/></numFmts>'
              '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
              '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
              '<borders count="1"><border/></borders>'
              '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
              '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
              '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
              '</styleSheet>')
    workbook = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
                '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
            + ('' if inline else '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>')
            + '</Relationships>')
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                 '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
                 '</Relationships>')
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
             '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
             '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
             + ('' if inline else '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
             + '</Types>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        def put(name, data):
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
        put("[Content_Types].xml", types)
        put("_rels/.rels", root_rels)
        put("xl/workbook.xml", workbook)
        put("xl/_rels/workbook.xml.rels", rels)
        put("xl/worksheets/sheet1.xml", sheet)
        put("xl/styles.xml", styles)
        if not inline:
            put("xl/sharedStrings.xml", sst)


def forms_header(q, lang, i):
    """Microsoft Forms keeps what the teacher typed: now and then a trailing space or line break."""
    t = text(q["text"], lang)
    return t + (" " if i % 5 == 1 else "\n" if i % 7 == 3 else "")


def ms_forms(lang, bad=False):
    qs = shuffled(questions)
    if lang == "nl":
        meta = ["ID", "Begintijd", "Tijd van voltooien", "E-mail", "Naam", "Tijd van laatste wijziging",
                "Je naam", "Je klas", "Naam van je stagebedrijf", "KvK-nummer van het bedrijf",
                "Plaats van het bedrijf"]
    else:
        meta = ["Id", "Start time", "Completion time", "Email", "Name", "Last modified time",
                "Name of your internship company", "KvK number of the company", "City of the company"]
    rows = [meta + [forms_header(q, lang, i) for i, q in enumerate(qs)]]
    for n, a in enumerate(answers):
        anonymous = n == 3
        name = a["respondent"]["name"]
        start = TIMES[n].replace(minute=max(0, TIMES[n].minute - 12))
        row = [n + 1, ("date", start), ("date", TIMES[n]),
               "anonymous" if anonymous else name.lower().replace(" ", ".") + "@student.school.nl",
               "" if anonymous else name, None]
        if lang == "nl":
            row += [name.split(" ")[0], a["respondent"]["class"]]
        row += [a["company"]["name"], a["company"].get("kvk"), a["company"]["city"]]
        for q in qs:
            v = cell(a, q, lang, lambda labels: "".join(l + ";" for l in labels))
            if q["type"] == "number" and v is not None and n % 2 == 1:
                v = str(v)  # Forms writes a number answer as text, Excel users retype some
            row.append(v)
        rows.append(row)
    if bad:
        visie = 1 + len(meta) + [q["id"] for q in qs].index("visie") - 1
        rows[2][visie] = "Misschien" if lang == "nl" else "Maybe"
        rows[3][2] = "gisteren"  # a completion time typed over by hand: not a date
    return rows


# ---------------------------------------------------------------- CSV

def write_csv(path, rows, delimiter=",", quoting=csv.QUOTE_MINIMAL, encoding="utf-8", newline="\n",
              bom=False):
    buffer = io.StringIO()
    w = csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator=newline)
    for row in rows:
        w.writerow(["" if v is None else v for v in row])
    data = buffer.getvalue()
    raw = data.encode(encoding, errors="replace")
    with open(path, "wb") as f:
        if bom:
            f.write(b"\xef\xbb\xbf")
        f.write(raw)


def google_forms(bad=False):
    """Forms > Responses > Download responses (.csv): every cell quoted, checkboxes joined by ;."""
    header = ["Timestamp", "Je naam", "Je klas", "Naam van je stagebedrijf",
              "KvK-nummer van het bedrijf", "Plaats van het bedrijf"]
    rows = [header + [text(q["text"], "nl") for q in questions]]
    for n, a in enumerate(answers):
        t = TIMES[n]
        hour = t.hour % 12 or 12
        stamp = f"{t:%Y/%m/%d} {hour}:{t:%M:%S} {'AM' if t.hour < 12 else 'PM'} GMT+1"
        row = [stamp, a["respondent"]["name"], a["respondent"]["class"], a["company"]["name"],
               a["company"].get("kvk"), a["company"]["city"]]
        row += [cell(a, q, "nl", ";".join) for q in questions]
        rows.append(row)
    if bad:
        i = 6 + [q["id"] for q in questions].index("energiemaatregelen")
        rows[2][i] = rows[2][i] + ";Windmolen"
    return rows


def google_sheet(bad=False):
    """The linked Sheet, File > Download > CSV: local dates, checkboxes joined by ", "."""
    header = ["Tijdstempel", "E-mailadres", "Je naam", "Je studentnummer", "Je klas",
              "Naam van je stagebedrijf", "KvK-nummer van het bedrijf", "Plaats van het bedrijf"]
    rows = [header + [text(q["text"], "nl") for q in questions]]
    for n, a in enumerate(answers):
        t = TIMES[n]
        stamp = f"{t.day}-{t.month}-{t.year} {t.hour}:{t:%M:%S}"
        row = [stamp, a["respondent"]["name"].split(" ")[0].lower() + "@student.school.nl",
               a["respondent"]["name"], a["respondent"].get("id"), a["respondent"]["class"],
               a["company"]["name"], a["company"].get("kvk"), a["company"]["city"]]
        row += [cell(a, q, "nl", ", ".join) for q in questions]
        rows.append(row)
    if bad:
        rows[4][0] = "1-12-2026 16:30 uur"  # not a time stamp any tool writes
    return rows


def excel_1252(bad=False):
    """Dutch Excel, "CSV (gescheiden door lijstscheidingsteken)": ;, Windows-1252, CRLF; CO₂ becomes CO?."""
    header = ["naam", "studentnummer", "klas", "bedrijf", "kvk", "plaats", "datum"]
    rows = [header + [text(q["text"], "nl") for q in questions]]
    for n, a in enumerate(answers):
        row = [a["respondent"]["name"], a["respondent"].get("id"), a["respondent"]["class"],
               a["company"]["name"], a["company"].get("kvk"), a["company"]["city"],
               f"{TIMES[n].day}-{TIMES[n].month}-{TIMES[n].year}"]
        row += [cell(a, q, "nl", "|".join) for q in questions]
        rows.append(row)
    if bad:
        rows[2][7 + [q["id"] for q in questions].index("medewerkers")] = "veel"
    return rows


for bad in (False, True):
    suffix = "-bad" if bad else ""
    xlsx(os.path.join(ROOT, f"ms-forms-nl{suffix}.xlsx"), ms_forms("nl", bad))
    xlsx(os.path.join(ROOT, f"ms-forms-en{suffix}.xlsx"), ms_forms("en", bad), inline=True)
    write_csv(os.path.join(ROOT, f"google-forms{suffix}.csv"), google_forms(bad), quoting=csv.QUOTE_ALL)
    write_csv(os.path.join(ROOT, f"google-sheet{suffix}.csv"), google_sheet(bad))
    write_csv(os.path.join(ROOT, f"excel-1252{suffix}.csv"), excel_1252(bad), delimiter=";",
              encoding="windows-1252", newline="\r\n")
