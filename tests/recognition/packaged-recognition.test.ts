import recognition from 'virtual:levelmate/recognition';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { packRecognition } from '@/lib/cli/recognition-file';
import { readPackagedRecognition, shippedRecogniser } from '@/lib/recognition/recogniser-shipped';
import { decodeWordModel, modelTerms } from '@/lib/recognition/word-model';
import { RECOGNITION_FILE } from '@/lib/schemas/constants';

/* The file the build writes (packRecognition), read the way the background reads it. */

afterEach(() => vi.unstubAllGlobals());

const serving = (body: BodyInit, asked: string[] = []) =>
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    return new Response(body);
  });

describe('the packaged recognition data', () => {
  it('reads back as exactly the data the build shipped, from the extension’s own file', async () => {
    const asked: string[] = [];
    serving(packRecognition(recognition), asked);
    expect(await readPackagedRecognition()).toEqual(recognition);
    expect(asked).toHaveLength(1);
    expect(asked[0]!.endsWith(`/${RECOGNITION_FILE}`)).toBe(true);
  });

  it('unzips to plain ASCII, which the browser decodes as a one-byte string', () => {
    const json = gunzipSync(packRecognition(recognition));
    expect([...JSON.stringify(recognition)].some((c) => c.charCodeAt(0) >= 0x80)).toBe(true);
    expect(json.every((byte) => byte < 0x80)).toBe(true);
  });

  it('finds every term of its word model, so the build ships them in the order the worker searches', () => {
    const words = decodeWordModel(recognition.wordModel);
    const terms = modelTerms(recognition.wordModel);
    expect(terms.length).toBeGreaterThan(1000);
    expect(terms.filter((term) => !words.postings.get(term))).toEqual([]);
  });

  it('is under a third of its JSON: the bytes a starting worker reads', () => {
    expect(packRecognition(recognition).length).toBeLessThan(
      JSON.stringify(recognition).length / 3,
    );
  });

  it('a damaged file fails the page, and the next page reads the file again', async () => {
    const asked: string[] = [];
    serving('{"not": "gzipped"}', asked);
    const recognise = shippedRecogniser(readPackagedRecognition);
    const page = {
      url: 'https://www.postgresql.org/docs/current/mvcc.html',
      title: 'MVCC',
      dois: [],
      isbns: [],
    };
    await expect(recognise(page)).rejects.toThrow();
    serving(packRecognition(recognition), asked);
    expect(await recognise(page)).not.toBeNull();
    expect(asked).toHaveLength(2);
  });
});
