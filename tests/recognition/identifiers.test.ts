import { describe, expect, it } from 'vitest';
import {
  doiCandidatesInPath,
  isbn10Of,
  isbnsInText,
  normaliseDoi,
  toIsbn13,
} from '@/lib/recognition/identifiers';

describe('ISBNs', () => {
  it('treats the ISBN-10 and ISBN-13 of one book as the same', () => {
    expect(toIsbn13('1449373321')).toBe('9781449373320');
    expect(toIsbn13('978-1-4493-7332-0')).toBe('9781449373320');
    expect(isbn10Of('9781449373320')).toBe('1449373321');
  });

  it('accepts an X check digit and refuses wrong check digits', () => {
    expect(toIsbn13('080442957X')).toBe('9780804429573');
    expect(toIsbn13('1449373322')).toBeNull();
    expect(toIsbn13('9781449373321')).toBeNull();
    expect(toIsbn13('12345')).toBeNull();
  });

  it('has no ISBN-10 for a 979 book', () => {
    expect(isbn10Of('9791032305690')).toBeNull();
  });

  it('finds ISBNs in bookstore paths but not inside longer numbers', () => {
    expect(isbnsInText('/Designing-Data-Intensive-Applications/dp/1449373321/ref=sr_1_1')).toEqual([
      '9781449373320',
    ]);
    expect(isbnsInText('/order/914493733212345')).toEqual([]);
  });
});

describe('DOIs', () => {
  it('normalises resolver prefixes, "doi:" and case', () => {
    expect(normaliseDoi('https://doi.org/10.1145/1435417.1435432')).toBe('10.1145/1435417.1435432');
    expect(normaliseDoi('doi: 10.1145/ABC.DEF')).toBe('10.1145/abc.def');
    expect(normaliseDoi('10.1145%2F1466443.1466448')).toBe('10.1145/1466443.1466448');
    expect(normaliseDoi('ISBN 1449373321')).toBeNull();
  });

  it('finds a DOI in a publisher path, with or without a trailing view name', () => {
    expect(doiCandidatesInPath('/doi/10.1145/1466443.1466448')).toEqual([
      '10.1145/1466443.1466448',
    ]);
    expect(doiCandidatesInPath('/doi/pdf/10.1145/1466443.1466448/fulltext')).toEqual([
      '10.1145/1466443.1466448/fulltext',
      '10.1145/1466443.1466448',
    ]);
    expect(doiCandidatesInPath('/about/10.html')).toEqual([]);
  });
});
