/**
 * A plain, valid PDF of a report: landscape A4 pages of Helvetica text lines, cells separated by
 * " | ". Enough for a client that downloads `format=pdf` to get a real PDF; layout is not the
 * point of the sandbox.
 */

const LINES_PER_PAGE = 54;
const MAX_LINE = 190;

/** PDF literal strings are Latin-1 here; anything outside it prints as '?'. */
function pdfText(value: string): string {
  const latin1 = value.replace(/[^\x20-\xff]/g, '?');
  return latin1.replaceAll('\\', '\\\\').replaceAll('(', '\\(').replaceAll(')', '\\)');
}

function pageStream(lines: readonly string[]): string {
  const body = lines.map((line) => `(${pdfText(line)}) '`).join('\n');
  return `BT /F1 7 Tf 10 TL 30 575 Td\n${body}\nET`;
}

export function reportPdf(title: string, cells: readonly string[][]): Uint8Array<ArrayBuffer> {
  const lines = [
    title || 'Report',
    '',
    ...cells.map(function rowLine(row) {
      const line = row.join(' | ');
      return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE - 3)}...` : line;
    }),
  ];
  const pages: string[][] = [];
  for (let i = 0; i < lines.length; i += LINES_PER_PAGE) {
    pages.push(lines.slice(i, i + LINES_PER_PAGE));
  }
  // Objects: 1 catalog, 2 page tree, 3 font, then a (page, contents) pair per page.
  const objects: string[] = [];
  const kids = pages.map((_, i) => `${4 + i * 2} 0 R`).join(' ');
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`);
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  pages.forEach(function addPage(page, i) {
    const stream = pageStream(page);
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Resources << /Font << /F1 3 0 R >> >> /Contents ${5 + i * 2} 0 R >>`,
    );
    objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  });
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach(function addObject(object, i) {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}
