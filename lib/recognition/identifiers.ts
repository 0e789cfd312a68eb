/**
 * Book and article identifiers. ISBN-10 and ISBN-13 forms of one book are the same book, so
 * every ISBN is compared in its ISBN-13 form; DOIs are case-insensitive, so they are lowercased.
 */

function isbn10CheckDigit(first9: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (10 - i) * Number(first9[i]);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

function isbn13CheckDigit(first12: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += (i % 2 === 0 ? 1 : 3) * Number(first12[i]);
  return String((10 - (sum % 10)) % 10);
}

/** The ISBN-13 form of a valid ISBN-10 or ISBN-13 (hyphens and spaces allowed), else null. */
export function toIsbn13(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, '').toUpperCase();
  if (/^\d{9}[\dX]$/.test(digits)) {
    if (isbn10CheckDigit(digits.slice(0, 9)) !== digits[9]) return null;
    const first12 = `978${digits.slice(0, 9)}`;
    return first12 + isbn13CheckDigit(first12);
  }
  if (/^97[89]\d{10}$/.test(digits)) {
    return isbn13CheckDigit(digits.slice(0, 12)) === digits[12] ? digits : null;
  }
  return null;
}

/** The ISBN-10 form of an ISBN-13 that has one (978 prefix), for bookstore URLs like "/dp/…". */
export function isbn10Of(isbn13: string): string | null {
  if (!/^978\d{10}$/.test(isbn13)) return null;
  const first9 = isbn13.slice(3, 12);
  return first9 + isbn10CheckDigit(first9);
}

/** Every valid ISBN written as a run of digits in `text` (a URL path or query), as ISBN-13. */
export function isbnsInText(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(/(?<![\dX])(?:97[89]\d{10}|\d{9}[\dX])(?![\dX])/gi)) {
    const isbn = toIsbn13(match[0]);
    if (isbn) found.add(isbn);
  }
  return [...found];
}

const DOI_SHAPE = /^10\.\d{4,9}\/\S+$/;

/** A DOI in canonical form (lowercase, no "doi:" or resolver prefix), or null. */
export function normaliseDoi(raw: string): string | null {
  let doi = raw.trim();
  try {
    doi = decodeURIComponent(doi);
  } catch {
    // keep the raw text: a stray "%" is not worth rejecting the identifier for
  }
  doi = doi
    .replace(/^doi:\s*/i, '')
    .replace(/^https?:\/\/(?:dx\.)?doi\.org\//i, '')
    .toLowerCase();
  return DOI_SHAPE.test(doi) ? doi : null;
}

/**
 * DOI candidates in a URL path such as "/doi/pdf/10.1145/1466443.1466448/fulltext": the rest
 * of the path from "10." on, then the same with trailing segments dropped, longest first, so
 * a lookup finds the DOI even when the site appends a view name.
 */
export function doiCandidatesInPath(pathname: string): string[] {
  const start = pathname.search(/(?:^|\/)10\.\d{4,9}\//);
  if (start < 0) return [];
  const rest = pathname.slice(pathname[start] === '/' ? start + 1 : start).replace(/\/+$/, '');
  const segments = rest.split('/');
  const candidates: string[] = [];
  for (let end = segments.length; end >= 2; end--) {
    const doi = normaliseDoi(segments.slice(0, end).join('/'));
    if (doi) candidates.push(doi);
  }
  return candidates;
}
