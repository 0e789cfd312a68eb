import { gzipSync } from 'node:zlib';
import type { ShippedRecognition } from '../recognition/recogniser-shipped';

/**
 * The bytes of the recognition data's file (RECOGNITION_FILE): its JSON, gzipped, which the
 * background unzips as it reads (readPackagedRecognition).
 */
export function packRecognition(data: ShippedRecognition): Uint8Array<ArrayBuffer> {
  return new Uint8Array(gzipSync(JSON.stringify(data), { level: 9 }));
}
