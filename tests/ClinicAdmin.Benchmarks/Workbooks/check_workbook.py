"""Opens an outcome workbook with openpyxl and checks what a reader sees (issue 12 comparison):
the seven sheets with their header rows, and that no cell is a formula except the SUBTOTAL totals,
so text written with --hostile (= + - @) stayed text. Prints one line; exit 1 on a failure.
Usage: python3 check_workbook.py FILE.xlsx"""
import sys
import openpyxl

path = sys.argv[1]
wb = openpyxl.load_workbook(path, read_only=True)
expected = ["Summary", "Outcomes", "Assessments", "Sessions", "Incidents", "Revenue", "Trend"]
problems = []
if wb.sheetnames != expected:
    problems.append(f"sheets {wb.sheetnames}")
formulas, hostile_text, rows, headers = 0, 0, 0, {}
for ws in wb.worksheets:
    for i, row in enumerate(ws.iter_rows()):
        if i == 0 and ws.title != "Summary":
            headers[ws.title] = [c.value for c in row if c.value is not None]
        rows += 1
        for c in row:
            v = c.value
            if c.data_type == "f" or (isinstance(v, str) and v.startswith("=")):
                if isinstance(v, str) and v.startswith("=SUBTOTAL(109,"):
                    formulas += 1
                else:
                    problems.append(f"{ws.title}!{c.coordinate} is a formula: {v!r}")
            elif isinstance(v, str) and v[:2] in ("'=", "'+", "'-", "'@"):
                hostile_text += 1
print(f"openpyxl {path}: {len(wb.sheetnames)} sheets, {rows} rows, {formulas} SUBTOTAL formulas, "
      f"{hostile_text} formula-like texts kept as text, headers/sheet={ {k: len(v) for k, v in headers.items()} }, "
      f"problems={len(problems)}")
for p in problems[:10]:
    print("  " + p)
sys.exit(1 if problems else 0)
