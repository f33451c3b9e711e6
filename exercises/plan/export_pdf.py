"""The plan as a PDF: the Word document converted by LibreOffice, run headless, where installed.

LibreOffice lays out the same .docx a sponsor would open, so the PDF has the same summary
page, tables, timeline and page numbers. Each conversion uses its own LibreOffice profile
in a temporary folder, so two conversions at once (or a desktop LibreOffice that is open)
do not collide.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from exercises.plan.document import DocumentControl
from exercises.plan.export_docx import plan_to_docx_bytes
from exercises.plan.model import Plan
from exercises.storage import atomic_write_chunks

CONVERT_SECONDS = 180


class PdfUnavailable(OSError):
    """LibreOffice is missing or could not convert the document (the message says what to do)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.strerror = message


def soffice() -> str | None:
    """The LibreOffice command, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def plan_to_pdf_bytes(plan: Plan, control: DocumentControl | None = None) -> bytes:
    command = soffice()
    if command is None:
        raise PdfUnavailable(
            "LibreOffice is not installed here, so no PDF can be made. Export to Word (--to docx) "
            "and save it as PDF from Word or LibreOffice"
        )
    with tempfile.TemporaryDirectory(prefix="plan-pdf-") as tmp:
        folder = Path(tmp)
        source = folder / "plan.docx"
        source.write_bytes(plan_to_docx_bytes(plan, control))
        try:
            result = subprocess.run(
                [
                    command,
                    f"-env:UserInstallation={(folder / 'profile').as_uri()}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(folder),
                    str(source),
                ],
                capture_output=True,
                text=True,
                timeout=CONVERT_SECONDS,
            )
        except subprocess.TimeoutExpired:
            raise PdfUnavailable(
                f"LibreOffice took more than {CONVERT_SECONDS} seconds to make the PDF. Try again, or export to Word"
            ) from None
        pdf = folder / "plan.pdf"
        if result.returncode != 0 or not pdf.exists():
            detail = (result.stderr or result.stdout).strip().splitlines()
            raise PdfUnavailable(
                "LibreOffice could not make the PDF"
                + (f" ({detail[-1]})" if detail else "")
                + ". Export to Word instead"
            )
        return pdf.read_bytes()


def save_pdf(plan: Plan, path: str | Path, control: DocumentControl | None = None) -> None:
    """Write the PDF atomically (nothing is written if the conversion fails)."""
    atomic_write_chunks(path, [plan_to_pdf_bytes(plan, control)])
