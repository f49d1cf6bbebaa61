"""Laying the results report out as a Word document in the form of Decree 30/2020/NĐ-CP.

The decree's form for administrative documents: A4 paper, margins 20-25 mm top and bottom,
30-35 mm left, 15-20 mm right; Times New Roman; the issuer (top left, bold, 12-13 pt) beside the
national motto (top right: 12-13 pt capitals, then 13-14 pt bold with a line under it); the
number under the issuer and the place and date (italic) under the motto; the document's kind
(BÁO CÁO, 13-14 pt bold) and its summary centred; the body in 13-14 pt; recipients (12 pt
bold "Nơi nhận:", then 11 pt) bottom left and the signature block bottom right. Every text is
a plain run and every table a plain Word table, so the officer can edit all of it.
"""

from __future__ import annotations

from typing import Any

from gender_plan.report.docx._content import ResultsReport, Table

__all__ = ["FONT", "layout"]

FONT = "Times New Roman"
_BODY_PT = 14
_TABLE_PT = 12
_MOTTO = {"vi": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"),
          "en": ("SOCIALIST REPUBLIC OF VIET NAM", "Independence - Freedom - Happiness")}
_TEXT_WIDTH_MM = 210 - 30 - 15


def _font(run: Any, docx: Any, size: float, *, bold: bool = False,
          italic: bool = False) -> None:
    run.font.name = FONT
    run.font.size = docx.shared.Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    # Word takes the font of Vietnamese letters from the East Asian and complex-script slots too.
    fonts = run._element.get_or_add_rPr().get_or_add_rFonts()
    for slot in ("w:eastAsia", "w:cs", "w:hAnsi", "w:ascii"):
        fonts.set(docx.oxml.ns.qn(slot), FONT)


def _paragraph(container: Any, docx: Any, text: str, size: float = _BODY_PT, *,
               bold: bool = False, italic: bool = False, align: str | None = None,
               indent: bool = False, after: float = 6) -> Any:
    paragraph = container.add_paragraph()
    _font(paragraph.add_run(text), docx, size, bold=bold, italic=italic)
    fmt = paragraph.paragraph_format
    fmt.space_after = docx.shared.Pt(after)
    fmt.space_before = docx.shared.Pt(0)
    if align is not None:
        paragraph.alignment = getattr(docx.enum.text.WD_ALIGN_PARAGRAPH, align)
    if indent:
        fmt.first_line_indent = docx.shared.Mm(10)
        paragraph.alignment = docx.enum.text.WD_ALIGN_PARAGRAPH.JUSTIFY
    return paragraph


def _underline(container: Any, docx: Any, inset_mm: float) -> None:
    """A short line under the paragraph above, drawn as the bottom border of an empty one.

    The empty paragraph is indented by `inset_mm` on both sides so that the line is about as
    long as the text above it, as the decree draws it; the officer can delete it like any line.
    """
    paragraph = container.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.left_indent = fmt.right_indent = docx.shared.Mm(inset_mm)
    fmt.space_before = fmt.space_after = docx.shared.Pt(0)
    fmt.line_spacing = docx.shared.Pt(2)
    oxml = docx.oxml
    borders = oxml.OxmlElement("w:pBdr")
    bottom = oxml.OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"),
                       ("w:color", "000000")):
        bottom.set(oxml.ns.qn(key), value)
    borders.append(bottom)
    paragraph._p.get_or_add_pPr().append(borders)


def _widths(table: Any, widths: Any) -> None:
    """Fixed column widths, in the grid (LibreOffice reads these) and in every cell (Word)."""
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _no_borders(table: Any, docx: Any) -> None:
    oxml = docx.oxml
    properties = table._tbl.tblPr
    borders = oxml.OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = oxml.OxmlElement(f"w:{edge}")
        element.set(oxml.ns.qn("w:val"), "nil")
        borders.append(element)
    properties.append(borders)


def _heading_block(document: Any, docx: Any, report: ResultsReport) -> None:
    table = document.add_table(rows=2, cols=2)
    _no_borders(table, docx)
    _widths(table, (docx.shared.Mm(62), docx.shared.Mm(103)))
    left, right = table.cell(0, 0), table.cell(0, 1)
    left.paragraphs[0].text = ""
    for index, line in enumerate(report.issuer):
        paragraph = left.paragraphs[0] if index == 0 else left.add_paragraph()
        _font(paragraph.add_run(line), docx, 13, bold=True)
        paragraph.alignment = docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = docx.shared.Pt(0)
    _underline(left, docx, 20)
    first = right.paragraphs[0]
    motto, motto_2 = _MOTTO[report.language]
    _font(first.add_run(motto), docx, 12.5, bold=True)
    first.alignment = docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    first.paragraph_format.space_after = docx.shared.Pt(0)
    _paragraph(right, docx, motto_2, 13.5, bold=True, align="CENTER", after=0)
    _underline(right, docx, 26)
    number = table.cell(1, 0).paragraphs[0]
    _font(number.add_run(report.number), docx, 13)
    number.alignment = docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    date = table.cell(1, 1).paragraphs[0]
    _font(date.add_run(report.place_date), docx, 14, italic=True)
    date.alignment = docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER


def _table(document: Any, docx: Any, table: Table) -> None:
    grid = document.add_table(rows=1, cols=len(table.header))
    grid.style = "Table Grid"
    grid.alignment = docx.enum.table.WD_TABLE_ALIGNMENT.CENTER
    widths = [docx.shared.Mm(_TEXT_WIDTH_MM * share) for share in table.widths]
    for cell, text in zip(grid.rows[0].cells, table.header, strict=True):
        cell.paragraphs[0].text = ""
        _font(cell.paragraphs[0].add_run(text), docx, _TABLE_PT, bold=True)
        cell.paragraphs[0].alignment = docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    header_row = grid.rows[0]._tr.get_or_add_trPr()
    repeat = docx.oxml.OxmlElement("w:tblHeader")  # the header row repeats on every page
    header_row.append(repeat)
    for values in table.rows:
        cells = grid.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.paragraphs[0].text = ""
            _font(cell.paragraphs[0].add_run(text), docx, _TABLE_PT)
    _widths(grid, widths)
    document.add_paragraph().paragraph_format.space_after = docx.shared.Pt(0)


def _closing(document: Any, docx: Any, report: ResultsReport) -> None:
    table = document.add_table(rows=1, cols=2)
    _no_borders(table, docx)
    left, right = table.cell(0, 0), table.cell(0, 1)
    _widths(table, (docx.shared.Mm(80), docx.shared.Mm(85)))
    first = left.paragraphs[0]
    _font(first.add_run("Nơi nhận:" if report.language == "vi" else "Recipients:"), docx, 12,
          bold=True, italic=True)
    first.paragraph_format.space_after = docx.shared.Pt(0)
    for line in report.recipients:
        _paragraph(left, docx, line, 11, after=0)
    top = right.paragraphs[0]
    for index, line in enumerate(report.signature):
        paragraph = top if index == 0 else right.add_paragraph()
        _font(paragraph.add_run(line), docx, 14, bold=True)
        paragraph.alignment = docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = docx.shared.Pt(0)
    for _ in range(4):  # room for the signature and the seal
        right.add_paragraph()
    if report.signer:
        _paragraph(right, docx, report.signer, 14, bold=True, align="CENTER", after=0)


def _page_numbers(section: Any, docx: Any) -> None:
    """The page number centred in the header from the second page on, as the decree asks."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = docx.enum.text.WD_ALIGN_PARAGRAPH.CENTER
    field = docx.oxml.OxmlElement("w:fldSimple")
    field.set(docx.oxml.ns.qn("w:instr"), "PAGE")
    run = paragraph.add_run("2")  # Word and LibreOffice replace it with the page's number
    _font(run, docx, 13)
    field.append(run._r)
    paragraph._p.append(field)


def layout(report: ResultsReport, docx: Any) -> Any:
    """The report as a python-docx Document."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = docx.shared.Mm(210), docx.shared.Mm(297)
    section.top_margin = section.bottom_margin = docx.shared.Mm(20)
    section.left_margin, section.right_margin = docx.shared.Mm(30), docx.shared.Mm(15)
    _page_numbers(section, docx)
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = docx.shared.Pt(_BODY_PT)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(docx.oxml.ns.qn("w:eastAsia"), FONT)
    document.core_properties.title = f"{report.title} {report.subtitle}"
    document.core_properties.language = report.language
    _heading_block(document, docx, report)
    _paragraph(document, docx, "", after=0)
    _paragraph(document, docx, report.title, 14, bold=True, align="CENTER", after=0)
    _paragraph(document, docx, report.subtitle, 14, bold=True, align="CENTER", after=0)
    _underline(document, docx, 62)
    _paragraph(document, docx, "", 6, after=0)
    for part in report.sections:
        _paragraph(document, docx, part.title, _BODY_PT, bold=True, after=4)
        for block in part.blocks:
            if isinstance(block, Table):
                _table(document, docx, block)
            else:
                _paragraph(document, docx, block, _BODY_PT, indent=True)
    _closing(document, docx, report)
    return document
